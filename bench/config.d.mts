// Types of config.mjs, for the tests that check it.

/** Workload ids by part, as `--only` takes them. */
export type WorkloadNames = Record<string, string[]>;

export interface BenchConfig {
  help: false;
  smoke: boolean;
  users: number;
  out: string;
  parts: string[];
  only: string[];
  [setting: string]: unknown;
}

export const PARTS: string[];
export class UsageError extends Error {}
export function usage(names: WorkloadNames): string;
export function readConfig(argv: string[], names: WorkloadNames): BenchConfig | { help: true };
