// A sql mapping mistake stops `scim-connector generate` before anything is written, with the located problem on stderr.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { CORE } from '../../src/shell/core.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';

const EXAMPLE = new URL('../../spec/examples/initech-sql/', import.meta.url);

describe('a spec with a sql mapping mistake', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sql-mistake-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes generate exit 1 naming file:line:col, and writes no file', async () => {
    const spec = join(dir, 'connector.yaml');
    const text = await readFile(new URL('connector.yaml', EXAMPLE), 'utf8');
    await writeFile(spec, text.replace('name.givenName: first_name', 'name.givenName: frist_name'));
    await copyFile(new URL('schema.sql', EXAMPLE), join(dir, 'schema.sql'));
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
    assert.ok(
      err.includes(
        `${spec}:35:23: backend.users.attributes["name.givenName"]: table accounts has no column "frist_name"; did you mean "first_name"?`,
      ),
      err,
    );
    assert.equal(existsSync(out), false);
  });
});
