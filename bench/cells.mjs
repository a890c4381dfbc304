// One cell of a suite: warm-up, then rounds interleaved over the targets, each target's runs summarised as medians.
import { load } from './load.mjs';
import { median } from './stats.mjs';

/** Two warm-up runs whose rates differ by more than this share: the target is not steady yet. */
export const STEADY_GAIN = 0.1;
/**
 * The fewest and the most warm-up runs a target that warms until steady gets: on the one core it
 * shares with V8's compiler threads, a server runs a new code path slowly for two or three seconds
 * (with runs of 0.5 s: ours 2,000, 2,514, 6,347, 5,180, 9,478 req/s; the peer 560, 773, 708 and
 * then 1,356 measured), and two slow runs agree as well as two fast ones.
 */
export const MIN_WARMUP_RUNS = 6;
export const MAX_WARMUP_RUNS = 10;

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
      const how = { steady: steady.includes(name), givesUp: giveUp.includes(name) };
      while (needsWarmUp(rates, how)) rates.push((await measure(name, { ...cell, seconds: warmup })).rps);
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
 * Whether a target needs another warm-up run after runs at `rates`: one run, or until steady (see
 * warmUpRuns) when `steady`; none after a first run that finished nothing when it `givesUp` (it is
 * not measured then, and a peer that takes seconds a request would only add them).
 */
export function needsWarmUp(rates, { steady, givesUp }) {
  if (givesUp && rates[0] === 0) return false;
  return steady ? warmUpRuns(rates) : rates.length < 1;
}

/**
 * Whether a target that warms until steady needs another warm-up run after runs at `rates`: at least
 * MIN_WARMUP_RUNS, then until two in a row differ by no more than STEADY_GAIN, at most
 * MAX_WARMUP_RUNS. A slower run does not end the warm-up: while V8 compiles, a run can dip.
 */
export function warmUpRuns(rates) {
  if (rates.length < MIN_WARMUP_RUNS) return true;
  if (rates.length >= MAX_WARMUP_RUNS) return false;
  return Math.abs(rates.at(-1) - rates.at(-2)) > rates.at(-2) * STEADY_GAIN;
}

/**
 * The ratio of target `a` to target `b` in a cell: the median of their ratios within each round. A
 * round's runs follow each other within seconds, so another process's load on this shared machine
 * slows both of them more often than one: a ratio of medians pairs a run with one of another round.
 */
export function pairedRatio(a, b) {
  const rounds = Math.min(a.runs.length, b.runs.length);
  return median(Array.from({ length: rounds }, (_, round) => a.runs[round] / b.runs[round]));
}

function summary(runs, warmupRates) {
  return {
    warmupRuns: warmupRates.map((rps) => Math.round(rps)),
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    // A tenth of a request a second: the peer's filter runs finish a handful, and ratios divide these.
    runs: runs.map((run) => Math.round(run.rps * 10) / 10),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    statusCodes: runs.map((run) => run.statusCodes),
  };
}
