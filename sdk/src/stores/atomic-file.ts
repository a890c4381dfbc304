// Replaces files' contents atomically and durably: temp file in the same folder, fsync, rename, fsync the folder.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls the file store makes; a test hands in one that fails on demand (ENOSPC, EIO). */
export type StoreFileSystem = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'rm' | 'readFile' | 'readdir' | 'mkdir'
>;

export const NODE_FILE_SYSTEM: StoreFileSystem = nodeFs;

/** A temp file holding the new contents, on disk, waiting to replace `path`. */
interface Prepared {
  readonly path: string;
  readonly temp: string;
}

/**
 * Writes `contents` to `path` so that after a crash the file holds either the old contents or the new,
 * never a mix, and so that once the promise resolves the new contents survive a power loss.
 */
export async function writeFileAtomic(
  path: string,
  contents: string | Uint8Array,
  fs: StoreFileSystem = NODE_FILE_SYSTEM,
): Promise<void> {
  await writeFilesAtomic([{ path, contents }], fs);
}

/**
 * Writes several files as writeFileAtomic does, each new contents fully on disk before any file is
 * replaced: a full disk or an I/O error while writing leaves every file as it was. Resolves with
 * nothing; rejects with the first error, with `replaced` set to the paths already replaced when a
 * rename or the folder's fsync failed (the caller must write those back to undo the write).
 */
export async function writeFilesAtomic(
  files: readonly { path: string; contents: string | Uint8Array }[],
  fs: StoreFileSystem = NODE_FILE_SYSTEM,
): Promise<void> {
  const prepared: Prepared[] = [];
  try {
    for (const { path, contents } of files) prepared.push(await prepare(path, contents, fs));
  } catch (error) {
    await Promise.all(prepared.map(({ temp }) => fs.rm(temp, { force: true })));
    throw error;
  }
  const replaced: string[] = [];
  for (const [index, { path, temp }] of prepared.entries()) {
    try {
      await fs.rename(temp, path);
    } catch (error) {
      await Promise.all(prepared.slice(index).map((p) => fs.rm(p.temp, { force: true })));
      throw Object.assign(error as Error, { replaced });
    }
    replaced.push(path);
  }
  try {
    for (const dir of new Set(prepared.map(({ path }) => dirname(path)))) await syncDirectory(dir, fs);
  } catch (error) {
    throw Object.assign(error as Error, { replaced });
  }
}

async function prepare(path: string, contents: string | Uint8Array, fs: StoreFileSystem): Promise<Prepared> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await fs.open(temp, 'wx', 0o600);
    try {
      await file.writeFile(contents);
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return { path, temp };
}

/** Makes a rename in `dir` durable: the folder entry lives in the folder, not in the file. */
async function syncDirectory(dir: string, fs: StoreFileSystem): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
