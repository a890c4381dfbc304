// One cell of a suite: warm-up, then rounds interleaved over the targets, each target's runs summarised as medians.
import { load } from './load.mjs';
import { median } from './stats.mjs';

/** A warm-up run faster than the one before by more than this share: the target is still warming. */
export const STEADY_GAIN = 0.1;
/** The most warm-up runs a target that warms until steady gets. */
export const MAX_WARMUP_RUNS = 4;

/**
 * Loads each of `names` (keys of `targets`) with `workloadOf(name)` for `rounds` runs of `cell`, after a
 * warm-up of `warmup` seconds each; `after(name)` runs after every run. Each of `steady` (names) warms
 * up until steady instead (see warmUpRuns): a server that has not yet run the workload's code path
 * compiles it meanwhile, which takes seconds on a core it shares with its compiler threads.
 * Each of `giveUp` (names) that finished no request in its warm-up is not loaded again: its summary
 * has no runs, rps 0 and `gaveUp: true` (a peer that takes seconds a request would only add them).
 * Resolves with a summary per name, the rates of its warm-up runs included.
 */
export async function measureCell({
  targets,
  names,
  workloadOf,
  cell,
  warmup,
  rounds,
  after,
  steady = [],
  giveUp = [],
}) {
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  const warmups = Object.fromEntries(names.map((name) => [name, []]));
  const measure = async (name, options) => {
    const result = await load(targets[name].url, workloadOf(name), options);
    if (after !== undefined) await after(name);
    return result;
  };
  if (warmup > 0) {
    for (const name of names) {
      const rates = warmups[name];
      const more = () => (steady.includes(name) ? warmUpRuns(rates) : rates.length < 1);
      while (more()) rates.push((await measure(name, { ...cell, seconds: warmup })).rps);
    }
  }
  const measured = names.filter((name) => !(giveUp.includes(name) && warmups[name][0] === 0));
  for (let round = 0; round < rounds; round++) {
    for (const name of measured) runs[name].push(await measure(name, cell));
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      measured.includes(name)
        ? summary(runs[name], warmups[name])
        : { gaveUp: true, rps: 0, runs: [], non2xx: 0, warmupRuns: [0] },
    ]),
  );
}

/**
 * Whether a target that warms until steady needs another warm-up run after runs at `rates`: at least
 * two, then until one is no more than STEADY_GAIN faster than the one before, at most MAX_WARMUP_RUNS.
 */
export function warmUpRuns(rates) {
  if (rates.length < 2) return true;
  if (rates.length >= MAX_WARMUP_RUNS) return false;
  return rates.at(-1) > rates.at(-2) * (1 + STEADY_GAIN);
}

function summary(runs, warmupRates) {
  return {
    warmupRuns: warmupRates.map((rps) => Math.round(rps)),
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    runs: runs.map((run) => Math.round(run.rps)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    statusCodes: runs.map((run) => run.statusCodes),
  };
}
