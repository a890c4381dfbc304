// specFromAnswers: the prompts' answers become a connector.yaml the loader accepts, saying what was answered.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpecText } from '../../src/spec/index.js';
import { questions, specFromAnswers, type Answers } from '../../src/yeoman/answers.js';

const base: Answers = {
  name: 'acme',
  description: 'Acme users',
  capabilities: ['GROUP_PUSH', 'PUSH_NEW_USERS'],
  versions: ['1.1'],
  auth: 'basic',
  backend: 'store',
};

describe('specFromAnswers', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'answers-'));
    await writeFile(join(dir, 'api.yaml'), 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes the answers, capabilities in the SDK order', async () => {
    const text = specFromAnswers(base, dir, dir);
    const loaded = await loadSpecText(text, join(dir, 'connector.yaml'));
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.deepEqual(loaded.spec.capabilities, ['PUSH_NEW_USERS', 'GROUP_PUSH']);
    assert.deepEqual(
      loaded.spec.dialects.map((d) => d.version),
      ['1.1'],
    );
    assert.equal(loaded.spec.server.auth, 'basic');
    assert.equal(loaded.spec.backend.kind, 'store');
    assert.match(text, /^# yaml-language-server: \$schema=/);
  });

  it('names the OpenAPI document relative to the project', async () => {
    const answers: Answers = { ...base, backend: 'openapi', openapi: 'api.yaml', baseUrl: '${ACME_URL}' };
    const text = specFromAnswers(answers, dir, join(dir, 'project'));
    assert.match(text, /document: \.\.\/api\.yaml/);
    const loaded = await loadSpecText(text, join(dir, 'project', 'connector.yaml'));
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.deepEqual(loaded.spec.backend.kind === 'openapi' && loaded.spec.backend.baseUrl, {
      env: 'ACME_URL',
    });
  });

  it('suggests a valid name from the folder and refuses an invalid one', () => {
    const [name] = questions('My Folder_2');
    assert.equal(name?.default, 'my-folder-2');
    assert.equal(name?.validate?.('2bad'), 'lower-case letters, digits and "-", starting with a letter');
    assert.equal(name?.validate?.('good-1'), true);
  });
});
