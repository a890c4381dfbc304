// resolvePackages: workspace inside the repository, vendored tarballs outside, registry on request; packing is reproducible.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { resolvePackages } from '../../src/vendor/package-source.js';

const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('resolvePackages', function () {
  this.timeout(120_000);

  it('uses the workspace packages for a folder the root workspaces name', async () => {
    const resolved = await resolvePackages(GENERATOR_ROOT, join(GENERATOR_ROOT, 'examples', 'acme'));
    // A caret range, as the goldens and the example's package.json have it: npm links any 0.1.x workspace.
    assert.deepEqual(resolved.source, { kind: 'workspace', sdkVersion: '^0.1.0', testerVersion: '^0.1.0' });
    assert.equal(resolved.note, undefined);
  });

  it('warns about a folder in the repository that is no workspace', async () => {
    const resolved = await resolvePackages(GENERATOR_ROOT, join(GENERATOR_ROOT, 'test', 'golden', 'acme'));
    assert.equal(resolved.source.kind, 'workspace');
    assert.match(resolved.note ?? '', /test\/golden\/acme is not one of the root package.json's workspaces/);
  });

  it('selects registry versions when asked', async () => {
    const resolved = await resolvePackages(GENERATOR_ROOT, join(tmpdir(), 'x'), 'registry');
    assert.deepEqual(resolved.source, { kind: 'registry', sdkVersion: '^0.1.0', testerVersion: '^0.1.0' });
  });

  it('keeps registry versions for a project outside the repository that already uses them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sc-registry-'));
    try {
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ dependencies: { 'scim-connector-sdk': '^0.1.0' } }),
      );
      const resolved = await resolvePackages(GENERATOR_ROOT, dir);
      assert.deepEqual(resolved.source, { kind: 'registry', sdkVersion: '^0.1.0', testerVersion: '^0.1.0' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('vendors both packages outside the repository, the same bytes every time', async () => {
    const tarballs = async (out: string) => {
      const { source } = await resolvePackages(GENERATOR_ROOT, join(tmpdir(), out));
      assert.equal(source.kind, 'vendor');
      assert.equal(source.kind === 'vendor' && source.sdkTarball, 'vendor/scim-connector-sdk-0.1.0.tgz');
      assert.equal(
        source.kind === 'vendor' && source.testerTarball,
        'vendor/scim-connector-tester-0.1.0.tgz',
      );
      const files = (source.kind === 'vendor' && source.tarballs) || [];
      assert.ok(files.every((f) => f.contents[0] === 0x1f && f.contents[1] === 0x8b));
      // tar headers carry each path as plain text: the compiler's build cache has no place in a package.
      for (const f of files)
        assert.ok(
          !gunzipSync(f.contents).includes('package/dist/.tsbuildinfo'),
          `${f.path} holds .tsbuildinfo`,
        );
      return files.map((f) => [f.path, sha(f.contents)]);
    };
    const first = await tarballs('outside');
    assert.equal(first.length, 2);
    assert.deepEqual(await tarballs('elsewhere'), first);
  });
});
