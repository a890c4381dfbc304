// The backend rows: a generated connector against its backend called directly, each workload at one connection count, then profiled.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { measureCell, pairedRatio } from './cells.mjs';
import { load } from './load.mjs';
import { cpuShares } from './cpu-shares.mjs';
import { startTarget } from './targets.mjs';

/** Node's option loading tsx: the targets run the generated project's TypeScript sources as its tests do. */
export const TSX = [`--import=${pathToFileURL(createRequire(import.meta.url).resolve('tsx'))}`];

/** The share of a request's CPU time the generated code may take (issue 17). */
export const GENERATED_TARGET = 0.1;

/**
 * Measures each of `workloads` ({ id, label, profile, cell, ours, direct }) against `targets.ours` and
 * `targets.direct`, then profiles `ours` under the workloads marked `profile`: the share of CPU self
 * time per layer, `generated` being the project under `generatedRoot`. `ours` and `direct` are
 * { headers, requests }: `requests()` starts a run's sequence of requests afresh, so that both targets
 * are sent the same sequence; `cell` overrides the connections and pipelining.
 */
export async function backendRows({
  backend,
  baseline,
  targets,
  workloads,
  generatedRoot,
  config,
  progress,
}) {
  const rows = [];
  for (const workload of workloads) {
    const cell = {
      connections: config.connections[0],
      pipelining: config.pipelining,
      seconds: config.seconds,
      amount: config.amount,
      ...workload.cell,
    };
    const measured = await measureCell({
      targets,
      names: ['direct', 'ours'],
      workloadOf: (name) => loadable(workload, name),
      cell,
      warmup: config.warmup,
      rounds: config.rounds,
      // Both warm until steady: the baseline's code path is as new to it as ours is to our server.
      steady: ['direct', 'ours'],
    });
    const row = {
      workload: workload.id,
      label: workload.label,
      backend,
      baseline,
      connections: cell.connections,
      pipelining: cell.pipelining,
      ...measured,
      vsDirect: pairedRatio(measured.ours, measured.direct),
    };
    if (workload.profile) row.cpu = await profile(targets.ours, workload, cell, generatedRoot);
    progress(row);
    rows.push(row);
  }
  return rows;
}

/** What load() takes for one run of the workload against target `name`. */
function loadable(workload, name) {
  const { headers, requests } = workload[name];
  return { id: workload.id, label: workload.label, headers, request: requests() };
}

/** Loads `target` with the workload once more, profiled in-process over exactly that load. */
async function profile(target, workload, cell, generatedRoot) {
  await target.ask('profile-start');
  await load(target.url, loadable(workload, 'ours'), cell);
  const { profile: cpuProfile } = await target.ask('profile-stop');
  const shares = cpuShares(cpuProfile, generatedRoot);
  return { ...shares, withinTarget: shares.generated <= GENERATED_TARGET };
}

/** An import as Okta runs one: one page after the other, on one connection. */
export const IMPORT_CELL = { connections: 1, pipelining: 1 };

/**
 * The page numbers of an import of `users` users, spread over all of them (a stride prime to their
 * count): each run sees pages from the start to the end, whose cost grows with the offset.
 */
export function importPages(users) {
  const pages = Math.max(1, Math.floor(users / 100));
  let next = 0;
  return () => (next++ * 7919) % pages;
}

export function get(path) {
  return { method: 'GET', path };
}

/** Rows saying why a backend was not measured (its server could not start). */
export function skippedRows(backend, workloads, error) {
  const reason = error instanceof Error ? error.message : String(error);
  return workloads.map((workload) => ({
    workload: workload.id,
    label: workload.label,
    backend,
    skipped: reason,
  }));
}

/**
 * Starts the targets stage after stage, those of one stage at once (`args` sees the targets started
 * before); stops them all when one fails, then rethrows.
 */
export async function startTargets(stages) {
  const targets = {};
  try {
    for (const stage of stages) {
      const started = await Promise.allSettled(
        stage.map(([, script, args]) => startTarget(script, args(targets), TSX)),
      );
      started.forEach((result, i) => {
        if (result.status === 'fulfilled') targets[stage[i][0]] = result.value;
      });
      const failed = started.find((result) => result.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    }
    return targets;
  } catch (error) {
    await stopTargets(targets);
    throw error;
  }
}

/** Asks each target to end and waits for it (the database child stops its server first). */
export async function stopTargets(targets) {
  await Promise.all(
    Object.values(targets).map((target) => {
      target.send('exit');
      return target.exited;
    }),
  );
}
