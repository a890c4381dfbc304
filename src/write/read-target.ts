// The writer's reading half: what the planner needs to know about the folder a project goes to.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFile } from '../generate/generate-contract.js';
import { MANIFEST_PATH, manifestHashes } from './manifest-hashes.js';
import type { TargetState } from './write-plan.js';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
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

/** Reads the out folder: is it empty, the previous manifest, the current bytes of every path to write. */
export async function readTarget(outDir: string, files: readonly GeneratedFile[]): Promise<TargetState> {
  const manifest = await current(join(outDir, MANIFEST_PATH));
  const previous =
    manifest instanceof Uint8Array ? manifestHashes(Buffer.from(manifest).toString('utf8')) : undefined;
  const found = new Map<string, Uint8Array | 'directory'>();
  for (const file of files) {
    const bytes = await current(join(outDir, file.path));
    if (bytes !== undefined) found.set(file.path, bytes);
  }
  return { nonEmpty: (await entries(outDir)).length > 0, previous, current: found };
}
