// The layering rules in .dependency-cruiser.cjs fail on the imports they forbid and pass a clean tree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs the project's depcruise config over a throw-away tree laid out like sdk/src. */
async function cruise(files: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'layering-'));
  try {
    await copyFile(join(ROOT, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const run = spawnSync(
      process.execPath,
      [DEPCRUISE, 'sdk/src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('layering lint (dependency-cruiser)', function () {
  // Two depcruise runs, each loading TypeScript to see type-only imports.
  this.timeout(120_000);

  it('passes a tree that keeps the layering', async () => {
    const { status, output } = await cruise({
      'sdk/src/protocol/errors.ts': 'export const code = 1;\n',
      'sdk/src/service/contract.ts':
        "import { code } from '../protocol/errors.js';\nexport const c = code;\n",
      'sdk/src/http/server.ts': "import { c } from '../service/contract.js';\nexport const s = c;\n",
    });
    assert.equal(status, 0, output);
  });

  it('fails, naming each rule, on protocol → http, service → http and a type-only cycle', async () => {
    const { status, output } = await cruise({
      'sdk/src/protocol/errors.ts': "import type { S } from '../http/server.js';\nexport type E = S;\n",
      'sdk/src/service/contract.ts': "import type { S } from '../http/server.js';\nexport type C = S;\n",
      'sdk/src/http/server.ts': "import type { A } from './a.js';\nexport type S = A;\n",
      'sdk/src/http/a.ts': "import type { S } from './server.js';\nexport type A = { s?: S };\n",
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /protocol-stays-pure: sdk\/src\/protocol\/errors\.ts → sdk\/src\/http\/server\.ts/);
    assert.match(output, /service-below-http: sdk\/src\/service\/contract\.ts → sdk\/src\/http\/server\.ts/);
    assert.match(output, /no-circular: sdk\/src\/http\/(a|server)\.ts/);
  });
});
