// One cell of a suite: warm-up, then rounds interleaved over the targets, each target's runs summarised as medians.
import { load } from './load.mjs';
import { median } from './stats.mjs';

/**
 * Loads each of `names` (keys of `targets`) with `workloadOf(name)` for `rounds` runs of `cell`, after a
 * warm-up of `warmup` seconds each; `after(name)` runs after every run. Resolves with a summary per name.
 */
export async function measureCell({ targets, names, workloadOf, cell, warmup, rounds, after }) {
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  const measure = async (name, options) => {
    const result = await load(targets[name].url, workloadOf(name), options);
    if (after !== undefined) await after(name);
    return result;
  };
  if (warmup > 0) {
    for (const name of names) await measure(name, { ...cell, seconds: warmup });
  }
  for (let round = 0; round < rounds; round++) {
    for (const name of names) runs[name].push(await measure(name, cell));
  }
  return Object.fromEntries(names.map((name) => [name, summary(runs[name])]));
}

function summary(runs) {
  return {
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    runs: runs.map((run) => Math.round(run.rps)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    statusCodes: runs.map((run) => run.statusCodes),
  };
}
