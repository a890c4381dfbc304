// The writer's pure half: what to do with each file of a generated project, given what is on disk.
import type { FileZone, GeneratedFile } from '../generate/generate-contract.js';
import { contentHash } from './content-hash.js';

/**
 * - `create`: not on disk yet;
 * - `rewrite`: on disk with other bytes, and the generator may replace them;
 * - `unchanged`: on disk with exactly the new bytes (left alone: not even its mtime changes);
 * - `keep`: scaffolding edited since the generator wrote it (or never written by it), or a file the
 *   generator no longer produces that was edited: left as it is and listed;
 * - `delete`: written last time, no longer produced, unedited;
 * - `blocked`: in the way (a folder where a file goes; edited scaffolding with `bail`).
 */
export type WriteAction = 'create' | 'rewrite' | 'unchanged' | 'keep' | 'delete' | 'blocked';

export interface PlannedFile {
  path: string;
  zone: FileZone;
  action: WriteAction;
  contents: string | Uint8Array;
  /** Why a file is kept or blocked, in words. */
  reason?: string;
  /** Written by the previous generation and no longer produced (contents then empty). */
  stale?: true;
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
  /** Operation → hash of the body the generator last wrote (empty without a previous project). */
  previousMethods?: Readonly<Record<string, string>>;
  /**
   * Current bytes of each path of the new file set, and of each path the previous manifest lists,
   * that exists on disk; `'directory'` if a folder.
   */
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
  /** Stop (nothing written) rather than keep an edited scaffolding file. */
  bail?: boolean;
}

function sameBytes(a: Uint8Array, b: string | Uint8Array): boolean {
  return Buffer.from(a).equals(typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b));
}

/** What to do with one file of the new set. `merged` files arrive already merged with the user's copy. */
export function actionFor(
  file: GeneratedFile,
  state: TargetState,
  options: PlanOptions,
): Omit<PlannedFile, keyof GeneratedFile> {
  const current = state.current.get(file.path);
  if (current === undefined) return { action: 'create' };
  if (current === 'directory') return { action: 'blocked', reason: 'a folder is in the place of this file' };
  if (sameBytes(current, file.contents)) return { action: 'unchanged' };
  if (state.previous === undefined) return { action: 'rewrite' }; // only reached with force
  if (file.zone !== 'scaffolding') return { action: 'rewrite' };
  const written = state.previous.get(file.path);
  if (written !== undefined && written === contentHash(current)) return { action: 'rewrite' };
  if (options.force) return { action: 'rewrite' };
  const reason =
    written === undefined ? 'not written by the generator' : 'edited since the generator wrote it';
  return options.bail === true ? { action: 'blocked', reason } : { action: 'keep', reason };
}

/** Files the previous generation wrote that this one does not: deleted if unedited, else kept. */
function staleFiles(files: readonly GeneratedFile[], state: TargetState): PlannedFile[] {
  const produced = new Set(files.map((file) => file.path));
  const stale: PlannedFile[] = [];
  for (const [path, written] of state.previous ?? []) {
    const current = state.current.get(path);
    if (produced.has(path) || current === undefined || current === 'directory') continue;
    const edited = contentHash(current) !== written;
    stale.push({
      path,
      zone: 'scaffolding',
      contents: '',
      stale: true,
      action: edited ? 'keep' : 'delete',
      ...(edited ? { reason: 'no longer generated, edited since the generator wrote it' } : {}),
    });
  }
  return stale;
}

/**
 * Decides every write before any happens. A non-empty folder that holds no generated project is
 * refused unless forced. In a generated project, generated and merged files are written (merged ones
 * hold the user's code already), scaffolding only if unedited since the last generation (`force`
 * replaces edited scaffolding; `bail` stops instead of keeping it), and files no longer produced are
 * deleted if unedited. With one file blocked, nothing is written.
 */
export function planWrites(
  files: readonly GeneratedFile[],
  state: TargetState,
  options: PlanOptions,
): WritePlan {
  if (state.previous === undefined && state.nonEmpty && !options.force)
    return { ok: false, refusal: 'not-empty' };
  const planned = [
    ...files.map((file) => ({ ...file, ...actionFor(file, state, options) })),
    ...staleFiles(files, state),
  ];
  if (planned.some((file) => file.action === 'blocked'))
    return { ok: false, refusal: 'blocked', files: planned };
  return { ok: true, files: planned };
}
