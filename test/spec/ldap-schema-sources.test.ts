// Where the ldap backend's schema comes from: a live server's subschema (ldap:// URL).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { formatProblem, loadSpecText } from '../../src/spec/index.js';
import { memoryReader, SPEC } from './spec-fixtures.js';

const EXAMPLE = new URL('../../spec/examples/initech-ldap/', import.meta.url);
const LDAP_SPEC = readFileSync(new URL('connector.yaml', EXAMPLE), 'utf8');

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
