// The HTTP suite: every workload at each connection count, rounds interleaved over ours, the bare route and the peer.
// Rows name their backend (memory here); the sql and openapi rows are in backend-sql.mjs and backend-openapi.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCell, pairedRatio } from './cells.mjs';
import { drain, sample } from './load.mjs';
import { startTarget } from './targets.mjs';
import { workloads } from './workloads.mjs';

const PEER_IDLE_MS = 500;

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
        // Pipelined writes the server had read go on after a cell: wait for them, so the next cell starts on an idle server.
        const after = async (name) => {
          if (name === 'ours' && workload.drain !== undefined) await drain(targets.ours.url, workload.drain);
          if (name === 'peer' && !(await answersSoon(targets.peer.url))) {
            // The peer is still working through requests it read (a filter over every user takes it
            // seconds each) on the core the next target runs on: a fresh peer, so that work stops.
            targets.peer.stop();
            await targets.peer.exited;
            targets.peer = await startTarget('peer/server.mjs', [config.users]);
          }
        };
        const measured = await measureCell({
          targets,
          names: against,
          workloadOf: () => workload,
          cell,
          warmup: config.warmup,
          rounds: config.rounds,
          after,
          // A workload's code path is new to our server and the peer at its first connection count
          // only: each warms until steady there (a target measured cold moves the ratios). The bare
          // route runs the same code for every workload: it warms until steady once, at the first.
          steady:
            connections === config.connections[0]
              ? against.filter((name) => name !== 'bare' || workload === chosen[0])
              : [],
          giveUp: ['peer'],
        });
        const row = {
          workload: workload.id,
          label: workload.label,
          backend: 'memory',
          connections,
          pipelining: config.pipelining,
        };
        Object.assign(row, measured);
        row.vsBare = pairedRatio(row.ours, row.bare);
        if (row.peer !== undefined && row.peer.runs.length > 0 && row.peer.runs.every((rps) => rps > 0)) {
          row.vsPeer = pairedRatio(row.ours, row.peer);
          // How far ahead of the peer the limit itself is: no server on this route can pass it.
          row.bareVsPeer = pairedRatio(row.bare, row.peer);
        } else if (row.peer !== undefined) {
          // The peer finished no request in a run (its warm-up, when it gave up): its rate was under one
          // per run, so ours÷peer exceeds this.
          row.vsPeerAtLeast = row.ours.rps * (row.peer.gaveUp ? config.warmup : cell.seconds);
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

/** Whether the server at `url` answers a discovery request within PEER_IDLE_MS: it has nothing queued. */
async function answersSoon(url) {
  try {
    const response = await fetch(`${url}/scim/v2/ServiceProviderConfig`, {
      headers: { authorization: 'Bearer bench-token' },
      signal: AbortSignal.timeout(PEER_IDLE_MS),
    });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
