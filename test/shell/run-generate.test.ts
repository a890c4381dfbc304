// runGenerate: the shells' one run; vendored packages outside the repository, and a failed regeneration undone.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORE } from '../../src/shell/core.js';
import { runGenerate, type GenerateRequest } from '../../src/shell/run-generate.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { nodeWriterFs } from '../../src/write/apply-plan.js';
import { contentHash } from '../../src/write/content-hash.js';

const SPEC = `name: shell-test
capabilities: [PUSH_NEW_USERS, GROUP_PUSH]
backend: none
`;

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out.set(
      path,
      entry.isFile() ? `${(await stat(path)).mtimeMs} ${contentHash(await readFile(path))}` : 'dir',
    );
  }
  return out;
}

describe('runGenerate', function () {
  this.timeout(120_000);
  let dir: string;
  let request: GenerateRequest;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'run-generate-'));
    await writeFile(join(dir, 'connector.yaml'), SPEC);
    request = {
      specFile: join(dir, 'connector.yaml'),
      outDir: join(dir, 'p'),
      dryRun: false,
      force: false,
      root: GENERATOR_ROOT,
    };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('vendors the SDK and tester outside the repository, referenced with file: and hashed in the manifest', async () => {
    const outcome = await runGenerate(CORE, request);
    assert.equal(outcome.kind, 'written');
    const pkg = JSON.parse(await readFile(join(dir, 'p/package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    assert.equal(pkg['dependencies']?.['scim-connector-sdk'], 'file:vendor/scim-connector-sdk-0.1.0.tgz');
    assert.equal(
      pkg['devDependencies']?.['scim-connector-tester'],
      'file:vendor/scim-connector-tester-0.1.0.tgz',
    );
    assert.equal(pkg['overrides']?.['scim-connector-sdk'], 'file:vendor/scim-connector-sdk-0.1.0.tgz');
    const manifest = JSON.parse(await readFile(join(dir, 'p/.scim-connector/manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    const tarball = await readFile(join(dir, 'p/vendor/scim-connector-sdk-0.1.0.tgz'));
    assert.equal(manifest.files['vendor/scim-connector-sdk-0.1.0.tgz'], `sha256:${contentHash(tarball)}`);
  });

  it('leaves the project as it was when a write fails part-way through a regeneration', async () => {
    request.packages = 'registry';
    assert.equal((await runGenerate(CORE, request)).kind, 'written');
    await writeFile(request.specFile, SPEC.replace('GROUP_PUSH', 'GROUP_PUSH, IMPORT_NEW_USERS'));
    const before = await snapshot(request.outDir);
    let renames = 0;
    const fs = {
      ...nodeWriterFs,
      rename: async (from: string, to: string) => {
        if (++renames === 3) throw new Error('injected: disk full');
        return nodeWriterFs.rename(from, to);
      },
    };
    await assert.rejects(runGenerate(CORE, { ...request, fs }), /injected: disk full/);
    assert.deepEqual(await snapshot(request.outDir), before);
    const after = await runGenerate(CORE, request);
    assert.ok(after.kind === 'written' && after.files.some((f) => f.action === 'rewrite'));
  });

  it('leaves an edited project as it was when the last move of a regeneration fails', async () => {
    request.packages = 'registry';
    await writeFile(request.specFile, SPEC.replace('backend: none', 'backend: store'));
    assert.equal((await runGenerate(CORE, request)).kind, 'written');
    const connector = join(request.outDir, 'src/connector.ts');
    const text = await readFile(connector, 'utf8');
    await writeFile(
      connector,
      text.replace('return this.store.createUser(', 'return await this.store.createUser('),
    );
    await writeFile(join(request.outDir, 'src/server.ts'), '// mine\n');
    // Back to stubs: bodies refreshed or kept, src/generated/store.ts deleted, server.ts kept.
    await writeFile(request.specFile, SPEC);
    const dry = await runGenerate(CORE, { ...request, dryRun: true });
    assert.equal(dry.kind, 'planned');
    const actions = new Map(dry.files.map((f) => [f.path, f.action]));
    assert.equal(actions.get('src/generated/store.ts'), 'delete');
    assert.equal(actions.get('src/server.ts'), 'keep');
    assert.equal(actions.get('src/connector.ts'), 'rewrite');
    const count = (action: string) => dry.files.filter((f) => f.action === action).length;
    const moves = 2 * count('rewrite') + count('create') + count('delete');
    const before = await snapshot(request.outDir);
    let renames = 0;
    const fs = {
      ...nodeWriterFs,
      rename: async (from: string, to: string) => {
        if (++renames === moves) throw new Error('injected: last move fails');
        return nodeWriterFs.rename(from, to);
      },
    };
    await assert.rejects(runGenerate(CORE, { ...request, fs }), /injected: last move fails/);
    assert.ok(renames > moves, 'every other file had been moved into place, then moved back');
    assert.deepEqual(await snapshot(request.outDir), before);
  });

  it('writes nothing when the changed spec is bad', async () => {
    request.packages = 'registry';
    assert.equal((await runGenerate(CORE, request)).kind, 'written');
    await writeFile(request.specFile, SPEC.replace('GROUP_PUSH', 'GROUP_PUSHY'));
    const before = await snapshot(request.outDir);
    assert.equal((await runGenerate(CORE, request)).kind, 'problems');
    assert.deepEqual(await snapshot(request.outDir), before);
  });
});
