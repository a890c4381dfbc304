// The writer's reading half: what the planner needs to know about the folder a project goes to.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GeneratedFile } from '../generate/generate-contract.js';
import { MANIFEST_PATH } from '../generate/manifest.js';
import { manifestHashes, manifestMethods } from './manifest-hashes.js';
import type { TargetState } from './write-plan.js';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Whether `dir` holds anything but a `.git` folder and the files in `own` (absolute paths: the spec
 * and the files it names, which a user keeps in the folder they generate into).
 */
export async function holdsOthers(dir: string, own: ReadonlySet<string> = new Set()): Promise<boolean> {
  let found;
  try {
    found = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
  for (const entry of found) {
    const path = join(dir, entry.name);
    if (entry.name === '.git' || own.has(path)) continue;
    if (!entry.isDirectory() || (await holdsOthers(path, own))) return true;
  }
  return false;
}

async function current(path: string): Promise<Uint8Array | 'directory' | undefined> {
  try {
    if ((await stat(path)).isDirectory()) return 'directory';
    return await readFile(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * Reads the out folder: does it hold anything but `own` (absolute paths of the spec and the files it
 * names), the previous manifest, the current bytes of every path to write.
 */
export async function readTarget(
  outDir: string,
  files: readonly GeneratedFile[],
  own: readonly string[] = [],
): Promise<TargetState> {
  const manifest = await current(join(outDir, MANIFEST_PATH));
  const text = manifest instanceof Uint8Array ? Buffer.from(manifest).toString('utf8') : undefined;
  const previous = text === undefined ? undefined : manifestHashes(text);
  const found = new Map<string, Uint8Array | 'directory'>();
  for (const path of new Set([...files.map((file) => file.path), ...(previous?.keys() ?? [])])) {
    const bytes = await current(join(outDir, path));
    if (bytes !== undefined) found.set(path, bytes);
  }
  return {
    nonEmpty: await holdsOthers(outDir, new Set(own.map((p) => resolve(p)))),
    previous,
    previousMethods: text === undefined ? {} : manifestMethods(text),
    current: found,
  };
}
