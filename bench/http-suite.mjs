// The HTTP suite: every workload at each connection count, rounds interleaved over ours, the bare route and the peer.
// Rows name their backend: a sql-backed server is one more 'ours' target whose rows say 'sql' (not built on this branch).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drain, load, sample } from './load.mjs';
import { median } from './stats.mjs';
import { startTarget } from './targets.mjs';
import { workloads } from './workloads.mjs';

/** The rows of the suite for `config` ({ users, members, connections, pipelining, seconds, warmup, rounds, only }). */
export async function httpSuite(config, progress) {
  const logDir = mkdtempSync(join(tmpdir(), 'scim-bench-'));
  const targets = {};
  try {
    targets.ours = await startTarget('http-target.mjs', [
      'scim',
      config.users,
      config.members,
      join(logDir, 'server.log'),
    ]);
    targets.bare = await startTarget('http-target.mjs', ['bare']);
    targets.peer = await startTarget('peer/server.mjs', [config.users]);
    const chosen = workloads(config).filter((w) => config.only.length === 0 || config.only.includes(w.id));
    const samples = {};
    for (const workload of chosen) samples[workload.id] = await sample(targets.ours.url, workload);
    targets.bare.send({ samples });
    const rows = [];
    for (const workload of chosen) {
      for (const connections of config.connections) {
        const cell = {
          connections,
          pipelining: config.pipelining,
          seconds: config.seconds,
          amount: config.amount,
        };
        const against = ['bare', 'ours', ...(workload.peer ? ['peer'] : [])];
        const runs = Object.fromEntries(against.map((name) => [name, []]));
        // Pipelined writes the server had read go on after a cell: wait for them, so the next cell starts on an idle server.
        const measure = async (name, options) => {
          const result = await load(targets[name].url, workload, options);
          if (name === 'ours' && workload.drain !== undefined) await drain(targets.ours.url, workload.drain);
          return result;
        };
        if (config.warmup > 0) {
          for (const name of against) await measure(name, { ...cell, seconds: config.warmup });
        }
        for (let round = 0; round < config.rounds; round++) {
          for (const name of against) runs[name].push(await measure(name, cell));
        }
        const row = {
          workload: workload.id,
          label: workload.label,
          backend: 'memory',
          connections,
          pipelining: config.pipelining,
        };
        for (const name of against) row[name] = summary(runs[name]);
        row.vsBare = row.ours.rps / row.bare.rps;
        if (row.peer !== undefined && row.peer.rps > 0) {
          row.vsPeer = row.ours.rps / row.peer.rps;
          // How far ahead of the peer the limit itself is: no server on this route can pass it.
          row.bareVsPeer = row.bare.rps / row.peer.rps;
        } else if (row.peer !== undefined) {
          // The peer finished no request in a cell: its rate was under one per cell, so ours÷peer exceeds this.
          row.vsPeerAtLeast = row.ours.rps * cell.seconds;
        }
        progress(row);
        rows.push(row);
      }
    }
    return rows;
  } finally {
    for (const target of Object.values(targets)) target.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
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
