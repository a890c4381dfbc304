// Each example spec generates exactly its golden project under test/golden/ (npm run golden:update rewrites them),
// and the example server's spec generates exactly examples/example-server/ (npm run example:generate rewrites it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { GeneratedFile } from '../../src/generate/generate-contract.js';
import {
  EXAMPLE_DIR,
  generateCase,
  generateExample,
  GOLDEN_CASES,
  GOLDEN_DIR,
  ROOT,
} from './golden-cases.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The files of the example as committed: its build output and installed packages are not the generator's. */
function trackedFiles(dir: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--', dir], { cwd: ROOT, encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((line) => line !== '')
    .map((path) => path.slice(dir.length))
    .sort();
}

async function assertSameProject(
  files: GeneratedFile[],
  dir: string,
  onDisk: string[],
  update: string,
): Promise<void> {
  assert.deepEqual(
    files.map((file) => file.path),
    onDisk,
    `the same files (${update} after an intended change)`,
  );
  for (const file of files) {
    const golden = await readFile(`${dir}${file.path}`);
    assert.ok(
      golden.equals(Buffer.from(file.contents)),
      `${file.path} differs from the golden (${update} after an intended change)`,
    );
  }
}

describe('golden projects', () => {
  for (const name of Object.keys(GOLDEN_CASES)) {
    it(`${name} matches test/golden/${name}/ byte for byte`, async () => {
      const dir = `${GOLDEN_DIR}${name}/`;
      const { files } = await generateCase(name);
      await assertSameProject(files, dir, await listFiles(dir), 'npm run golden:update');
    });
  }

  it(`the example server's spec generates ${EXAMPLE_DIR} byte for byte`, async () => {
    const { files } = await generateExample();
    const generated = new Set(files.map((file) => file.path));
    // The seed files its spec names sit in the project already: committed beside it, not generated.
    const committed = trackedFiles(EXAMPLE_DIR).filter(
      (path) => generated.has(path) || !path.startsWith('data/'),
    );
    await assertSameProject(files, `${ROOT}${EXAMPLE_DIR}`, committed, 'npm run example:generate');
  });
});
