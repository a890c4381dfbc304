// Regeneration end to end through the CLI: edits survive spec changes, renames are followed, unneeded methods stop being served.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { DEPRECATED_MARK } from '../../src/regenerate/merge-connector.js';
import { CORE } from '../../src/shell/core.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import {
  assertEditsIntact,
  editProject,
  linkNodeModules,
  projectTests,
  putUserStatus,
  specText,
  typeCheck,
  V1,
  V2,
  V3,
  V4,
  type SpecShape,
} from './scenario-project.js';

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.parentPath.includes('node_modules') || entry.name === 'node_modules') continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, entry.isFile() ? `${(await stat(path)).mtimeMs} ${await readFile(path, 'utf8')}` : 'dir');
  }
  return out;
}

describe('regeneration scenario (CLI)', function () {
  this.timeout(300_000);
  let dir: string;
  let project: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'regen-scenario-'));
    project = join(dir, 'project');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function generate(shape: SpecShape, ...flags: string[]): Promise<string> {
    // The first generation reads a spec from elsewhere; then the user edits the project's own copy.
    const inProject = existsSync(join(project, 'connector.yaml'));
    const spec = join(inProject ? project : dir, 'connector.yaml');
    if (!existsSync(spec) || (await readFile(spec, 'utf8')) !== specText(shape))
      await writeFile(spec, specText(shape));
    let out = '';
    let err = '';
    const code = await runCli(['generate', spec, '--out', project, '--packages', 'registry', ...flags], {
      core: CORE,
      root: GENERATOR_ROOT,
      version: '0.0.0',
      io: { out: (s) => (out += s), err: (s) => (err += s) },
    });
    assert.equal(code, 0, `${out}${err}`);
    return out;
  }

  const connector = () => readFile(join(project, 'src/connector.ts'), 'utf8');

  it('generates, then keeps every edit while adding a capability and a custom attribute', async () => {
    await generate(V1);
    await linkNodeModules(project);
    await editProject(project);
    const report = await generate(V2);
    await assertEditsIntact(project);
    const text = await connector();
    for (const method of ['createGroup', 'updateGroup', 'getGroup', 'deleteGroup'])
      assert.match(text, new RegExp(`async ${method}\\(`));
    assert.match(report, /^added {6}src\/connector\.ts createGroup \(new: the spec needs it\)$/m);
    assert.match(report, /^kept {7}src\/connector\.ts createUser \(kept because edited\)$/m);
    assert.doesNotMatch(report, /npm install/, 'the dependencies did not change');
    assert.match(await readFile(join(project, 'src/generated/schemas.ts'), 'utf8'), /name: 'costCenter'/);
    typeCheck(project);
    projectTests(project);
  });

  it('follows a renamed custom attribute and names the edited body still using the old name', async () => {
    const report = await generate(V3);
    const schemas = await readFile(join(project, 'src/generated/schemas.ts'), 'utf8');
    assert.match(schemas, /name: 'department'/);
    assert.doesNotMatch(schemas, /costCenter/);
    assert.match(report, /^old name {3}src\/connector\.ts updateUser still uses costCenter, /m);
    await assertEditsIntact(project);
  });

  it('deprecates a method the spec no longer needs, keeps it, and stops serving it (501)', async () => {
    const report = await generate(V4);
    assert.match(report, /^deprecated src\/connector\.ts updateUser /m);
    const text = await connector();
    assert.ok(text.includes(`@generated operation=updateUser\n   * ${DEPRECATED_MARK}\n`), text);
    await assertEditsIntact(project);
    typeCheck(project);
    assert.equal(putUserStatus(project), 501);
  });

  it('serves it again, without the mark, when the spec needs it again', async () => {
    const report = await generate(V3);
    assert.match(report, /^restored {3}src\/connector\.ts updateUser /m);
    assert.ok(!(await connector()).includes('@deprecated'));
    await assertEditsIntact(project);
    assert.equal(putUserStatus(project), 404);
  });

  it('changes no byte when regenerated from the same spec, and says so', async () => {
    const before = await snapshot(project);
    const dry = await generate(V3, '--dry-run');
    const report = await generate(V3);
    assert.match(
      report,
      /^nothing changed: connector\.yaml and the generator are as last time; no byte written$/m,
    );
    assert.equal(report.split('\nwrote')[0], dry.split('\nwould write')[0]);
    assert.deepEqual(await snapshot(project), before);
  });
});
