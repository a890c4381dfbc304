// Types of cells.mjs, for the tests that check it.

export const STEADY_GAIN: number;
export const MIN_WARMUP_RUNS: number;
export const MAX_WARMUP_RUNS: number;
export function warmUpRuns(rates: number[]): boolean;
export function pairedRatio(a: { runs: number[] }, b: { runs: number[] }): number;
export function needsWarmUp(rates: number[], how: { steady: boolean; givesUp: boolean }): boolean;
