// A mapping mistake, in any backend, stops `scim-connector generate` before anything is written, with the located problem on stderr.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { CORE } from '../../src/shell/core.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { APP_OPENAPI, APP_SPEC } from './mapping-fixtures.js';

const example = (name: string, file: string): string =>
  readFileSync(new URL(`../../spec/examples/${name}/${file}`, import.meta.url), 'utf8');

// Each backend: the spec with one mistake, the files it names, and the problem line (after `<spec>:`).
const CASES: [string, { spec: string; files: Record<string, string>; problem: string }][] = [
  [
    'openapi: an operationId the document lacks',
    {
      spec: APP_SPEC.replace('create: createUser', 'create: createUsr'),
      files: { 'openapi.yaml': APP_OPENAPI },
      problem:
        '9:13: backend.users.create: the OpenAPI document has no operation with operationId "createUsr"; did you mean "createUser"?',
    },
  ],
  [
    'ldap: an attribute the object classes do not allow',
    {
      spec: example('initech-ldap', 'connector.yaml').replace('title: title', 'title: member'),
      files: { 'directory.schema': example('initech-ldap', 'directory.schema') },
      problem:
        '35:14: backend.users.attributes.title: title is mapped to "member", which inetOrgPerson does not allow',
    },
  ],
  [
    'sql: a column the table lacks',
    {
      spec: example('initech-sql', 'connector.yaml').replace(
        'name.givenName: first_name',
        'name.givenName: frist_name',
      ),
      files: { 'schema.sql': example('initech-sql', 'schema.sql') },
      problem:
        '35:23: backend.users.attributes["name.givenName"]: table accounts has no column "frist_name"; did you mean "first_name"?',
    },
  ],
];

describe('a spec with a mapping mistake', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mapping-mistake-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [name, { spec: text, files, problem }] of CASES) {
    it(`${name}: generate exits 1 naming file:line:col, and writes no file`, async () => {
      const spec = join(dir, 'connector.yaml');
      await writeFile(spec, text);
      for (const [file, contents] of Object.entries(files)) await writeFile(join(dir, file), contents);
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
      assert.ok(err.includes(`${spec}:${problem}`), err);
      assert.equal(existsSync(out), false);
    });
  }
});
