// The writer's thin fs half: stages every write beside its target, then moves them into place, undoing all on failure.
import * as fsp from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { PlannedFile } from './write-plan.js';

/** The fs calls the applier makes; tests pass a copy that fails on purpose. */
export interface WriterFs {
  mkdir(path: string): Promise<void>;
  writeFile(path: string, contents: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}

export const nodeWriterFs: WriterFs = {
  mkdir: (path) => fsp.mkdir(path).then(() => undefined),
  writeFile: (path, contents) => fsp.writeFile(path, contents, { flag: 'wx' }),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  rmdir: (path) => fsp.rmdir(path),
  exists: (path) =>
    fsp.lstat(path).then(
      () => true,
      () => false,
    ),
};

function target(outDir: string, path: string): string {
  const relative = normalize(path);
  if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new Error(`refusing to write outside the project: ${path}`);
  }
  return join(outDir, relative);
}

/** Creates the missing folders above `file` (outermost first), returning those it created. */
async function makeParents(fs: WriterFs, file: string): Promise<string[]> {
  const missing: string[] = [];
  for (let dir = dirname(file); !(await fs.exists(dir)); dir = dirname(dir)) missing.unshift(dir);
  for (const dir of missing) await fs.mkdir(dir);
  return missing;
}

interface Move {
  path: string;
  /** The new bytes' temporary name; absent for a deletion (the file is only moved aside). */
  staged?: string;
  /** Where the previous file was moved aside, if there was one. */
  aside?: string;
  done: 'none' | 'aside' | 'placed';
}

const tag = `.scim-connector-${process.pid}`;

async function quietly(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch {
    // undoing is best effort: the original error is the one to report
  }
}

/**
 * Writes the plan's `create` and `rewrite` files and removes its `delete` ones (never touching
 * `unchanged` or `keep` ones). Each file is written to a temporary name beside its target first;
 * only when all are staged are they renamed into place, the previous files (and the deleted ones)
 * moved aside until the end. If anything fails, every file moved is put back, staged files and
 * created folders are removed, and the error is rethrown.
 */
export async function applyPlan(
  outDir: string,
  files: readonly PlannedFile[],
  fs: WriterFs = nodeWriterFs,
): Promise<void> {
  const changes = files.filter((file) => ['create', 'rewrite', 'delete'].includes(file.action));
  const createdDirs: string[] = [];
  const moves: Move[] = [];
  try {
    for (const [index, file] of changes.entries()) {
      const path = target(outDir, file.path);
      const move: Move = { path, done: 'none' };
      if (file.action !== 'create') move.aside = `${path}${tag}-${index}.old`;
      moves.push(move);
      if (file.action === 'delete') continue;
      createdDirs.push(...(await makeParents(fs, path)));
      move.staged = `${path}${tag}-${index}.new`;
      await fs.writeFile(move.staged, file.contents);
    }
    for (const move of moves) {
      if (move.aside !== undefined) {
        await fs.rename(move.path, move.aside);
        move.done = 'aside';
      }
      if (move.staged === undefined) continue;
      await fs.rename(move.staged, move.path);
      move.done = 'placed';
    }
  } catch (error) {
    for (const move of [...moves].reverse()) {
      if (move.done === 'placed') await quietly(() => fs.unlink(move.path));
      if (move.done !== 'none' && move.aside !== undefined)
        await quietly(() => fs.rename(move.aside!, move.path));
      if (move.done !== 'placed' && move.staged !== undefined) await quietly(() => fs.unlink(move.staged!));
    }
    for (const dir of [...createdDirs].reverse()) await quietly(() => fs.rmdir(dir));
    throw error;
  }
  for (const move of moves) if (move.aside !== undefined) await quietly(() => fs.unlink(move.aside!));
}
