// The vendored tarballs' cache: its key changes with every packed file and only with them; a hit skips npm pack.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { packFingerprint } from '../../src/vendor/pack-cache.js';
import { packVendor } from '../../src/vendor/pack-vendor.js';

const FILES = ['bin', 'dist', '!dist/.tsbuildinfo', 'docs'];

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const BASE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'p', version: '1.0.0', files: FILES }),
  'README.md': '# p',
  'dist/index.js': 'export {};',
  'dist/.tsbuildinfo': '{}',
  'docs/guide.md': 'guide',
  'src/index.ts': 'export {};',
};

describe('packFingerprint', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pack-print-'));
    await writeTree(dir, BASE);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const cases: [string, Record<string, string>, boolean][] = [
    ['a packed file changes', { 'dist/index.js': 'export const x = 1;' }, true],
    ['a file is added under a packed folder', { 'dist/extra.js': '' }, true],
    ['a top-level file changes (README, LICENSE)', { 'README.md': '# p 2' }, true],
    [
      'package.json changes',
      { 'package.json': JSON.stringify({ ...JSON.parse(BASE['package.json']!), version: '1.0.1' }) },
      true,
    ],
    ['a source file changes (not packed)', { 'src/index.ts': 'export const y = 2;' }, false],
    ['an excluded file changes (!dist/.tsbuildinfo)', { 'dist/.tsbuildinfo': '{"x":1}' }, false],
  ];
  for (const [name, change, differs] of cases) {
    it(`${differs ? 'changes' : 'stays'} when ${name}`, async () => {
      const before = await packFingerprint(dir);
      assert.match(before ?? '', /^[0-9a-f]{64}$/);
      await writeTree(dir, change);
      assert.equal((await packFingerprint(dir)) !== before, differs);
    });
  }

  const uncachable: [string, unknown][] = [
    ['no files field', undefined],
    ['a glob in files', ['dist/*.js']],
    ['a glob in an exclusion', ['dist', '!dist/**/*.map']],
  ];
  for (const [name, files] of uncachable) {
    it(`is undefined (pack every time) with ${name}`, async () => {
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', files }));
      assert.equal(await packFingerprint(dir), undefined);
    });
  }
});

describe('packVendor with a cache', function () {
  this.timeout(120_000);
  let cacheDir: string;
  before(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'pack-cache-'));
  });
  after(() => rm(cacheDir, { recursive: true, force: true }));

  it('stores one entry, and answers from it without packing again', async () => {
    const first = await packVendor(GENERATOR_ROOT, cacheDir);
    const [key, ...others] = await readdir(cacheDir);
    assert.deepEqual(others, []);
    const entry = join(cacheDir, key!);
    assert.deepEqual(new Uint8Array(await readFile(join(entry, first.sdk.filename))), first.sdk.bytes);
    // Bytes npm pack would never write: they come back only if the cache answered.
    const marker = new TextEncoder().encode('cached sdk');
    await writeFile(join(entry, first.sdk.filename), marker);
    const second = await packVendor(GENERATOR_ROOT, cacheDir);
    assert.deepEqual(second.sdk.bytes, marker);
    assert.deepEqual(second.tester.bytes, first.tester.bytes);
  });
});
