// Starts the benchmark's server processes, each pinned with taskset to the core the load generator does not use.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The cores: the load generator (this process) on the first, the servers on the second. */
export const CORES = { load: '0', server: '1' };

/** Pins this process (the load generator) to its core; returns how, for the table's header. */
export function pinLoadGenerator() {
  const pinned = spawnSync('taskset', ['-cp', CORES.load, String(process.pid)], { encoding: 'utf8' });
  if (pinned.status !== 0) throw new Error(`taskset failed: ${pinned.stderr}`);
  return `autocannon on cpu ${CORES.load}, servers on cpu ${CORES.server} (taskset)`;
}

/** Starts `script` (relative to bench/) pinned to the server core; resolves with its url, send, stop and exited. */
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
    child.once('message', ({ url }) =>
      resolve({ url, exited, send: (message) => child.send(message), stop: () => child.kill() }),
    );
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
