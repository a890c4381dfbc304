// Starts the benchmark's server processes, each pinned with taskset to the core the load generator does not use.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The cores: the load generator (this process) on the first, the servers on the second. */
export const CORES = { load: '0', server: '1' };

/** Pins this process (the load generator) to its core; returns how, for the table's header. */
export function pinLoadGenerator() {
  const pinned = spawnSync('taskset', ['-cp', CORES.load, String(process.pid)], { encoding: 'utf8' });
  if (pinned.status !== 0) throw new Error(`taskset failed: ${pinned.stderr}`);
  return `autocannon on cpu ${CORES.load}, servers on cpu ${CORES.server} (taskset)`;
}

/** CPU time of process `pid` so far, in clock ticks (user + system); undefined when /proc cannot say. */
function cpuTicks(pid) {
  try {
    // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

const SETTLE_WINDOW_MS = 250;
const SETTLE_LIMIT_MS = 10_000;

/**
 * Resolves once process `pid` has been idle (at most one clock tick, about 4 % of a core) for a
 * window, or after SETTLE_LIMIT_MS. A server that answers has not always finished starting: the GC
 * goes on sweeping what its seeding left, on the core every server shares, and a run measured then
 * measures that too (a peer restarted before a row halved the row's first cells).
 */
async function settled(pid) {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let before = cpuTicks(pid);
  while (before !== undefined && Date.now() < deadline) {
    await sleep(SETTLE_WINDOW_MS);
    const now = cpuTicks(pid);
    if (now === undefined || now - before <= 1) return;
    before = now;
  }
}

/**
 * Starts `script` (relative to bench/) pinned to the server core (its own children too: a database it
 * starts); once it has said it is ready and has settled (see settled), resolves with what its first message says (its url, more if it has more), send, ask, stop and exited.
 */
export function startTarget(script, args, nodeOptions = []) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      'taskset',
      ['-c', CORES.server, process.execPath, ...nodeOptions, path, ...args.map(String)],
      {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    const exited = new Promise((done) => child.once('exit', done));
    // `ask` sends a message and resolves with the child's next one (a profile it was asked for).
    const ask = (message) =>
      new Promise((answer) => {
        child.once('message', answer);
        child.send(message);
      });
    // A first message `{ error }` says why the target could not start (it exits then).
    child.once('message', (started) =>
      started.error === undefined
        ? settled(child.pid).then(() =>
            resolve({
              ...started,
              exited,
              ask,
              send: (message) => child.send(message),
              stop: () => child.kill(),
            }),
          )
        : reject(new Error(started.error)),
    );
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
