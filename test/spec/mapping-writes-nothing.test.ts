// A mapping mistake stops `scim-connector generate` before anything is written, with the located problem on stderr.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { CORE } from '../../src/shell/core.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { APP_OPENAPI, APP_SPEC } from './mapping-fixtures.js';

describe('a spec with a mapping mistake', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mapping-mistake-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes generate exit 1 naming file:line:col, and writes no file', async () => {
    const spec = join(dir, 'connector.yaml');
    await writeFile(spec, APP_SPEC.replace('create: createUser', 'create: createUsr'));
    await writeFile(join(dir, 'openapi.yaml'), APP_OPENAPI);
    const out = join(dir, 'project');
    let err = '';
    const io = { out: () => undefined, err: (s: string) => void (err += s) };
    const code = await runCli(['generate', spec, '--out', out, '--packages', 'registry'], {
      core: CORE,
      root: GENERATOR_ROOT,
      version: '0.0.0',
      io,
    });
    assert.equal(code, 1);
    assert.match(
      err,
      new RegExp(
        `${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:9:13: backend\\.users\\.create: the OpenAPI document has no operation with operationId "createUsr"; did you mean "createUser"\\?`,
      ),
    );
    assert.equal(existsSync(out), false);
  });
});
