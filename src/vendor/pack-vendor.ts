// Builds scim-connector-sdk and scim-connector-tester and packs them (npm pack: fixed mtimes, so the same bytes every time).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A packed package: its tarball's file name (`scim-connector-sdk-0.1.0.tgz`) and bytes. */
export interface Tarball {
  name: string;
  filename: string;
  bytes: Uint8Array;
}

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

/**
 * The SDK's and tester's tarballs, as `npm pack` makes them from the generator's own copies. npm
 * pack writes fixed mtimes and a fixed order, so the same sources give the same bytes (a test
 * checks it); scripts are not run.
 */
export async function packVendor(root: string): Promise<{ sdk: Tarball; tester: Tarball }> {
  await build(root);
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
    const tarballs = await Promise.all(
      packed.map(async ({ name, filename }) => ({
        name,
        filename,
        bytes: new Uint8Array(await readFile(join(out, filename))),
      })),
    );
    const [sdk, tester] = ['scim-connector-sdk', 'scim-connector-tester'].map((name) => {
      const tarball = tarballs.find((t) => t.name === name);
      if (!tarball) throw new Error(`npm pack did not pack ${name}`);
      return tarball;
    });
    return { sdk: sdk!, tester: tester! };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
