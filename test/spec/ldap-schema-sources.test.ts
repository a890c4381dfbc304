// Where the ldap backend's schema comes from: a live server's subschema (ldap:// URL), and a mistake that writes nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { runCli } from '../../src/cli/run-cli.js';
import { CORE } from '../../src/shell/core.js';
import { formatProblem, loadSpecText } from '../../src/spec/index.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { memoryReader, SPEC } from './spec-fixtures.js';

const EXAMPLE = new URL('../../spec/examples/initech-ldap/', import.meta.url);
const LDAP_SPEC = readFileSync(new URL('connector.yaml', EXAMPLE), 'utf8');
const DIRECTORY_SCHEMA = readFileSync(new URL('directory.schema', EXAMPLE), 'utf8');

describe('ldap backend: the schema from a live server', () => {
  let slapd: Slapd;
  before(async () => {
    slapd = await startSlapd();
  });
  after(() => slapd.stop());

  it('checks the mappings against the subschema of the ldap:// URL given', async () => {
    const live = LDAP_SPEC.replace('schema: directory.schema', `schema: ${slapd.url}`);
    const sound = await loadSpecText(live, SPEC, memoryReader({}));
    assert.ok(sound.ok, sound.ok ? '' : sound.problems.map(formatProblem).join('\n'));
    const wrong = await loadSpecText(live.replace('title: title', 'title: titel'), SPEC, memoryReader({}));
    assert.deepEqual(wrong.ok ? [] : wrong.problems.map(formatProblem), [
      `${SPEC}:35:14: backend.users.attributes.title: title is mapped to "titel", which the directory's schema does not define; did you mean "title"?`,
    ]);
  });

  it('an unreachable server is a located problem', async () => {
    const stopped = await startSlapd();
    await stopped.stop();
    const loaded = await loadSpecText(
      LDAP_SPEC.replace('schema: directory.schema', `schema: ${stopped.url}`),
      SPEC,
      memoryReader({}),
    );
    assert.equal(loaded.ok, false);
    const [problem] = loaded.ok ? [] : loaded.problems;
    assert.equal(problem?.code, 'SPEC_LDAP_SCHEMA');
    assert.match(
      formatProblem(problem),
      /^\/specs\/connector\.yaml:22:11: backend\.schema: cannot read the subschema of ldap:\/\/127\.0\.0\.1:\d+: /,
    );
  });
});

describe('a spec with an ldap mapping mistake', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ldap-mistake-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes generate exit 1 naming file:line:col, and writes no file', async () => {
    const spec = join(dir, 'connector.yaml');
    await writeFile(spec, LDAP_SPEC.replace('title: title', 'title: member'));
    await writeFile(join(dir, 'directory.schema'), DIRECTORY_SCHEMA);
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
        `${spec}:35:14: backend.users.attributes.title: title is mapped to "member", which inetOrgPerson does not allow`,
      ),
      err,
    );
    assert.equal(existsSync(out), false);
  });
});
