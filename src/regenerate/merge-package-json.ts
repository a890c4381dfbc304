// Merges the generator's package.json into the user's: its fields, dependencies and scripts win, the user's additions stay.
import { formatSource } from '../generate/format-source.js';
import { MergeError } from './merge-connector.js';

/** Fields that hold the user's own choices once the project exists. */
const USERS = new Set(['version']);
/** Fields whose change means `npm install` must run again. */
const INSTALLED = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'overrides',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(text: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value)) return value;
  } catch {
    // reported below, with the file named
  }
  throw new MergeError(`${what} is not a JSON object: fix it and generate again`);
}

export interface PackageJsonMerge {
  text: string;
  /** Dependencies, versions or overrides changed: the user must run `npm install`. */
  dependenciesChanged: boolean;
}

/**
 * `current` (the user's package.json) with every field of `fresh` (the generator's) applied: object
 * fields (scripts, dependencies, …) entry by entry, so the user's own entries stay; other fields
 * replaced, except the ones the user owns (`version`). Key order: the user's, new keys appended.
 */
export async function mergePackageJson(current: string, fresh: string): Promise<PackageJsonMerge> {
  const mine = parse(current, 'package.json');
  const theirs = parse(fresh, "the generator's package.json");
  const merged: Record<string, unknown> = { ...mine };
  for (const [key, value] of Object.entries(theirs)) {
    if (USERS.has(key) && key in mine) continue;
    const own = mine[key];
    merged[key] = isRecord(value) && isRecord(own) ? { ...own, ...value } : value;
  }
  const installed = (pkg: Record<string, unknown>) =>
    JSON.stringify(INSTALLED.map((key) => pkg[key] ?? null));
  const text = await formatSource('package.json', JSON.stringify(merged));
  return {
    text: text === (await formatSource('package.json', current)) ? current : text,
    dependenciesChanged: installed(mine) !== installed(merged),
  };
}
