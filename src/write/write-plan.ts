// The writer's pure half: what to do with each file of a generated project, given what is on disk.
import type { FileZone, GeneratedFile } from '../generate/generate-contract.js';
import { contentHash } from './content-hash.js';

/**
 * - `create`: not on disk yet;
 * - `rewrite`: on disk with other bytes, and the generator may replace them;
 * - `unchanged`: on disk with exactly the new bytes (left alone: not even its mtime changes);
 * - `blocked`: on disk, edited since the generator wrote it (or never written by it): in the way.
 */
export type WriteAction = 'create' | 'rewrite' | 'unchanged' | 'blocked';

export interface PlannedFile {
  path: string;
  zone: FileZone;
  action: WriteAction;
  contents: string | Uint8Array;
  /** Why a file is blocked, in words. */
  reason?: string;
}

/** What is on disk where the project goes, as the planner needs it. */
export interface TargetState {
  /** The folder holds something besides a `.git` folder, the spec and the files the spec names. */
  nonEmpty: boolean;
  /**
   * The hash of every file the previous generation wrote (`.scim-connector/manifest.json`),
   * or undefined when the folder holds no generated project.
   */
  previous: ReadonlyMap<string, string> | undefined;
  /** Current bytes of each path of the new file set that exists on disk; `'directory'` if a folder. */
  current: ReadonlyMap<string, Uint8Array | 'directory'>;
}

export type WritePlan =
  | { ok: true; files: PlannedFile[] }
  /** `not-empty`: a non-empty folder without a generated project; `blocked`: files in the way. */
  | { ok: false; refusal: 'not-empty' }
  | { ok: false; refusal: 'blocked'; files: PlannedFile[] };

export interface PlanOptions {
  /** Generate into a non-empty folder that holds no generated project, replacing what is in the way. */
  force: boolean;
}

function sameBytes(a: Uint8Array, b: string | Uint8Array): boolean {
  return Buffer.from(a).equals(typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b));
}

function actionFor(
  file: GeneratedFile,
  state: TargetState,
  force: boolean,
): Omit<PlannedFile, keyof GeneratedFile> {
  const current = state.current.get(file.path);
  if (current === undefined) return { action: 'create' };
  if (current === 'directory') return { action: 'blocked', reason: 'a folder is in the place of this file' };
  if (sameBytes(current, file.contents)) return { action: 'unchanged' };
  if (state.previous === undefined) return { action: 'rewrite' }; // only reached with force
  if (file.zone === 'generated') return { action: 'rewrite' };
  const written = state.previous.get(file.path);
  if (written !== undefined && written === contentHash(current)) return { action: 'rewrite' };
  if (force && file.zone === 'scaffolding') return { action: 'rewrite' };
  return {
    action: 'blocked',
    reason: written === undefined ? 'not written by the generator' : 'edited since the generator wrote it',
  };
}

/**
 * Decides every write before any happens. A non-empty folder that holds no generated project is
 * refused unless forced; in a generated project, generated-zone files are rewritten and any other
 * file only if unedited since the last generation (or already identical); with one file in the
 * way, nothing is written. `force` also lets edited scaffolding be replaced, never the merged zone
 * (`src/connector.ts`, `package.json`), which holds the user's code.
 */
export function planWrites(
  files: readonly GeneratedFile[],
  state: TargetState,
  options: PlanOptions,
): WritePlan {
  if (state.previous === undefined && state.nonEmpty && !options.force)
    return { ok: false, refusal: 'not-empty' };
  const planned = files.map((file) => ({ ...file, ...actionFor(file, state, options.force) }));
  if (planned.some((file) => file.action === 'blocked'))
    return { ok: false, refusal: 'blocked', files: planned };
  return { ok: true, files: planned };
}
