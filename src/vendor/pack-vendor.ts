// Builds scim-connector-sdk and scim-connector-tester and packs them (npm pack: fixed mtimes, so the same bytes every time).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cacheDir as cacheDirOf } from './cache-dir.js';
import { packFingerprint, readCachedPack, writeCachedPack, type Tarball } from './pack-cache.js';

export type { Tarball };

const run = promisify(execFile);

/** Brings `sdk/dist` and `tester/dist` up to date with the root's TypeScript (a no-op when they are). */
async function build(root: string): Promise<void> {
  let tsc: string | undefined;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    tsc = undefined;
  }
  if (tsc === undefined) {
    const missing = ['sdk', 'tester'].filter((p) => !existsSync(join(root, p, 'dist', 'index.js')));
    if (missing.length > 0) {
      throw new Error(
        `${missing.join(' and ')} not built and TypeScript not installed: run npm ci && npm run build in ${root}`,
      );
    }
    return;
  }
  await run(process.execPath, [tsc, '-b', join(root, 'sdk'), join(root, 'tester')], { cwd: root });
}

/** Runs `npm pack` on both packages into a throwaway folder and reads the tarballs. */
async function npmPack(root: string): Promise<Tarball[]> {
  const out = await mkdtemp(join(tmpdir(), 'scim-connector-pack-'));
  try {
    const { stdout } = await run(
      'npm',
      [
        'pack',
        join(root, 'sdk'),
        join(root, 'tester'),
        '--json',
        '--ignore-scripts',
        '--pack-destination',
        out,
      ],
      { cwd: out },
    );
    const packed = JSON.parse(stdout) as { name: string; filename: string }[];
    return await Promise.all(
      packed.map(async ({ name, filename }) => ({
        name,
        filename,
        bytes: new Uint8Array(await readFile(join(out, filename))),
      })),
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The cache key of both packages' current files, or undefined when one cannot be fingerprinted. */
async function cacheKey(root: string): Promise<string | undefined> {
  const prints = await Promise.all(['sdk', 'tester'].map((p) => packFingerprint(join(root, p))));
  if (prints.some((print) => print === undefined)) return undefined;
  return createHash('sha256').update(prints.join('\n')).digest('hex');
}

/**
 * The SDK's and tester's tarballs, as `npm pack` makes them from the generator's own copies. npm
 * pack writes fixed mtimes and a fixed order, so the same sources give the same bytes (a test
 * checks it); scripts are not run. Packing starts npm (seconds, most of a generation's time), so
 * the tarballs are kept in `cacheDir` (by default the generator's `node_modules/.cache`) under a
 * hash of the files packed, and packed again only when one of those changes.
 */
export async function packVendor(
  root: string,
  cacheDir: string | undefined = cacheDirOf(root, 'scim-connector-pack'),
): Promise<{ sdk: Tarball; tester: Tarball }> {
  await build(root);
  const key = cacheDir === undefined ? undefined : await cacheKey(root);
  let tarballs = key === undefined ? undefined : await readCachedPack(cacheDir!, key);
  if (tarballs === undefined) {
    tarballs = await npmPack(root);
    if (key !== undefined) await writeCachedPack(cacheDir!, key, tarballs);
  }
  const [sdk, tester] = ['scim-connector-sdk', 'scim-connector-tester'].map((name) => {
    const tarball = tarballs.find((t) => t.name === name);
    if (!tarball) throw new Error(`npm pack did not pack ${name}`);
    return tarball;
  });
  return { sdk: sdk!, tester: tester! };
}
