// yo scim-connector through yeoman-test: prompts, --spec, regeneration keeping edits, a merge error (npm run test:yeoman, outside c8).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helpers from 'yeoman-test';
import { loadSpec } from '../../src/spec/index.js';
import {
  assertEditsIntact,
  editProject,
  linkNodeModules,
  putUserStatus,
  specText,
  typeCheck,
  V1,
  V2,
  V3,
  V4,
  type SpecShape,
} from '../regenerate/scenario-project.js';

const GENERATOR = fileURLToPath(new URL('../../generators/app/index.js', import.meta.url));
const SPEC = `name: from-spec
description: Given with --spec
capabilities: [PUSH_NEW_USERS, IMPORT_PROFILE_UPDATES]
scim: { versions: ['1.1'] }
backend: store
`;
type RunOptions = Parameters<ReturnType<typeof helpers.run>['withOptions']>[0];
/** Our options (yeoman-test forces overwrites by default; yo does not), registry packages to skip packing. */
const options = (extra: Record<string, string | boolean> = {}) =>
  ({ force: false, packages: 'registry', ...extra }) as RunOptions;

describe('yo scim-connector (yeoman-test)', function () {
  this.timeout(120_000);
  before(function () {
    if (!existsSync(new URL('../../dist/shell/core.js', import.meta.url))) {
      throw new Error('the Yeoman shell imports the compiled core: run npm run build first');
    }
  });

  it('prompts, writes the answers as connector.yaml, generates from it and records it in .yo-rc.json', async () => {
    const result = await helpers
      .run(GENERATOR)
      .withOptions(options())
      .withAnswers(
        {
          name: 'prompted',
          description: 'Answered in the prompts',
          capabilities: ['PUSH_NEW_USERS', 'GROUP_PUSH'],
          versions: ['2.0'],
          auth: 'basic',
          backend: 'none',
        },
        { throwOnMissingAnswer: true },
      );
    const loaded = await loadSpec(join(result.cwd, 'connector.yaml'));
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.equal(loaded.spec.name, 'prompted');
    assert.deepEqual(loaded.spec.capabilities, ['PUSH_NEW_USERS', 'GROUP_PUSH']);
    assert.equal(loaded.spec.server.auth, 'basic');
    const connector = await readFile(join(result.cwd, 'src/connector.ts'), 'utf8');
    for (const method of ['createUser', 'getUsers', 'createGroup', 'deleteGroup']) {
      assert.match(connector, new RegExp(`@generated operation=${method}\\b`));
    }
    assert.deepEqual(JSON.parse(await readFile(join(result.cwd, '.yo-rc.json'), 'utf8')), {
      'generator-scim-connector': { spec: 'connector.yaml' },
    });
    assert.ok(existsSync(join(result.cwd, '.scim-connector/manifest.json')));
  });

  it('--spec runs without a question and copies the spec to the project root', async () => {
    const result = await helpers
      .run(GENERATOR)
      // yeoman-test calls this without awaiting it: the files must exist when it returns.
      .inTmpDir((dir) => {
        mkdirSync(join(dir, 'specs'));
        writeFileSync(join(dir, 'specs/acme.yaml'), SPEC);
      })
      .withOptions(options({ spec: 'specs/acme.yaml' }))
      .withAnswers({}, { throwOnMissingAnswer: true });
    assert.equal(await readFile(join(result.cwd, 'connector.yaml'), 'utf8'), SPEC);
    const connector = await readFile(join(result.cwd, 'src/connector.ts'), 'utf8');
    assert.match(connector, /@generated operation=getUser\b/);
    assert.doesNotMatch(connector, /operation=createGroup/);
  });

  /** A folder of our own (yeoman-test removes its temporary folder when the next run starts). */
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yo-'));
    await writeFile(join(dir, 'connector.yaml'), SPEC);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const inDir = () => helpers.run(GENERATOR, { tmpdir: false }).cd(dir);

  it('refuses a non-empty folder before asking anything', async () => {
    await assert.rejects(async () => {
      await inDir().withOptions(options()).withAnswers({}, { throwOnMissingAnswer: true });
    }, /nothing written/);
    assert.equal(existsSync(join(dir, 'src')), false);
  });

  it('inside a generated project, regenerates from .yo-rc.json without a question, changing nothing', async () => {
    await inDir().withOptions(options({ spec: 'connector.yaml' }));
    const file = join(dir, 'src/connector.ts');
    const before = (await stat(file)).mtimeMs;
    await inDir().withOptions(options()).withAnswers({}, { throwOnMissingAnswer: true });
    assert.equal((await stat(file)).mtimeMs, before);
  });

  it('regenerates inside the project from .yo-rc.json and connector.yaml, keeping every edit', async () => {
    await writeFile(join(dir, 'connector.yaml'), specText(V1));
    await inDir().withOptions(options({ spec: 'connector.yaml' }));
    await linkNodeModules(dir);
    await editProject(dir);
    const server = join(dir, 'src/server.ts');
    const generatedServer = await readFile(server, 'utf8');
    await writeFile(server, `${generatedServer}// mine\n`);
    const regenerate = async (shape: SpecShape, extra: Record<string, boolean> = {}) => {
      await writeFile(join(dir, 'connector.yaml'), specText(shape));
      await inDir().withOptions(options(extra)).withAnswers({}, { throwOnMissingAnswer: true });
    };
    await regenerate(V2);
    await assertEditsIntact(dir);
    assert.match(await readFile(join(dir, 'src/connector.ts'), 'utf8'), /async createGroup\(/);
    assert.equal(await readFile(server, 'utf8'), `${generatedServer}// mine\n`, 'edited server.ts kept');
    typeCheck(dir);
    await regenerate(V4);
    assert.match(
      await readFile(join(dir, 'src/connector.ts'), 'utf8'),
      /operation=updateUser\n\s+\* @deprecated/,
    );
    assert.equal(putUserStatus(dir), 501);
    await regenerate(V3);
    assert.doesNotMatch(await readFile(join(dir, 'src/connector.ts'), 'utf8'), /@deprecated/);
    assert.equal(putUserStatus(dir), 404);
    await assertEditsIntact(dir);
    await assert.rejects(() => regenerate(V3, { bail: true }), /nothing written/);
    await regenerate(V3, { force: true });
    assert.equal(await readFile(server, 'utf8'), generatedServer, '--force replaced server.ts');
    await assertEditsIntact(dir);
  });

  it('fails, writing nothing, when src/connector.ts cannot be merged (never asking the conflicter)', async () => {
    await inDir().withOptions(options({ spec: 'connector.yaml' }));
    await writeFile(join(dir, 'src/connector.ts'), '// mine\n');
    await writeFile(join(dir, 'connector.yaml'), SPEC.replace('IMPORT_PROFILE_UPDATES', 'GROUP_PUSH'));
    const manifest = await readFile(join(dir, '.scim-connector/manifest.json'), 'utf8');
    await assert.rejects(async () => {
      await inDir().withOptions(options());
    }, /no class Connector/);
    assert.equal(await readFile(join(dir, 'src/connector.ts'), 'utf8'), '// mine\n');
    assert.equal(await readFile(join(dir, '.scim-connector/manifest.json'), 'utf8'), manifest);
  });
});
