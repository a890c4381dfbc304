// Each example spec generates exactly its golden project under test/golden/ (npm run golden:update rewrites them).
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { generateCase, GOLDEN_CASES, GOLDEN_DIR } from './golden-cases.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('golden projects', () => {
  for (const name of Object.keys(GOLDEN_CASES)) {
    it(`${name} matches test/golden/${name}/ byte for byte`, async () => {
      const { files } = await generateCase(name);
      const dir = `${GOLDEN_DIR}${name}/`;
      assert.deepEqual(
        files.map((file) => file.path),
        await listFiles(dir),
        'the same files (npm run golden:update after an intended change)',
      );
      for (const file of files) {
        const golden = await readFile(`${dir}${file.path}`);
        assert.ok(
          golden.equals(Buffer.from(file.contents)),
          `${file.path} differs from the golden (npm run golden:update after an intended change)`,
        );
      }
    });
  }
});
