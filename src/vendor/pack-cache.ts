// A cache of the vendored tarballs, keyed by a hash of every file npm pack could put in them.
import { createHash, type Hash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A packed package: its tarball's file name (`scim-connector-sdk-0.1.0.tgz`) and bytes. */
export interface Tarball {
  name: string;
  filename: string;
  bytes: Uint8Array;
}

const GLOB = /[*?[\]{}]/;

async function hashTree(hash: Hash, dir: string, path: string, excluded: Set<string>): Promise<void> {
  const full = join(dir, path);
  if (excluded.has(path)) return;
  const info = await stat(full).catch(() => undefined);
  if (info === undefined) return;
  if (info.isDirectory()) {
    for (const entry of (await readdir(full)).sort()) await hashTree(hash, dir, `${path}/${entry}`, excluded);
    return;
  }
  hash.update(`${path}\0${info.size}\0`);
  hash.update(await readFile(full));
}

/**
 * A hash of what `npm pack` of the package in `dir` could contain: package.json, every top-level
 * file (README, LICENSE, CHANGELOG whatever they are named) and everything under the `files`
 * entries, minus the `!path` ones. It hashes more than npm packs, never less, so a change to a
 * packed file always changes it. Undefined when `files` is missing or holds a glob: then the
 * package is packed every time.
 */
export async function packFingerprint(dir: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { files?: unknown };
  const files = manifest.files;
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === 'string')) return undefined;
  const kept = files.filter((f) => !f.startsWith('!'));
  const excluded = new Set(files.filter((f) => f.startsWith('!')).map((f) => f.slice(1)));
  if ([...kept, ...excluded].some((f) => GLOB.test(f))) return undefined;
  const hash = createHash('sha256');
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.isFile()) await hashTree(hash, dir, entry.name, excluded);
  }
  for (const entry of [...new Set(kept)].sort())
    await hashTree(hash, dir, entry.replace(/\/+$/, ''), excluded);
  return hash.digest('hex');
}

interface Entry {
  name: string;
  filename: string;
}

/** The tarballs cached under `key`, or undefined when there are none (or they cannot be read). */
export async function readCachedPack(cacheDir: string, key: string): Promise<Tarball[] | undefined> {
  const dir = join(cacheDir, key);
  try {
    const entries = JSON.parse(await readFile(join(dir, 'packed.json'), 'utf8')) as Entry[];
    return await Promise.all(
      entries.map(async ({ name, filename }) => ({
        name,
        filename,
        bytes: new Uint8Array(await readFile(join(dir, filename))),
      })),
    );
  } catch {
    return undefined;
  }
}

/**
 * Stores `tarballs` under `key` as the only entry: written to a folder of its own, then renamed into
 * place, so a reader never sees half an entry; older entries are removed.
 */
export async function writeCachedPack(cacheDir: string, key: string, tarballs: Tarball[]): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const staging = join(cacheDir, `.${key}.${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  for (const tarball of tarballs) await writeFile(join(staging, tarball.filename), tarball.bytes);
  const entries: Entry[] = tarballs.map(({ name, filename }) => ({ name, filename }));
  await writeFile(join(staging, 'packed.json'), JSON.stringify(entries));
  for (const old of await readdir(cacheDir)) {
    if (old !== `.${key}.${process.pid}`) await rm(join(cacheDir, old), { recursive: true, force: true });
  }
  try {
    await rename(staging, join(cacheDir, key));
  } catch {
    // Another generator run stored the same key first: its entry holds the same bytes.
    await rm(staging, { recursive: true, force: true });
  }
}
