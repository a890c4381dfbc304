// `node bench/profile.mjs <workload> [seconds]`: loads our server with one workload under --cpu-prof, prints the top self times.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './load.mjs';
import { pinLoadGenerator, startTarget } from './targets.mjs';
import { workloads } from './workloads.mjs';

const [id, seconds = '5'] = process.argv.slice(2);
const sizes = { users: 20_000, members: 10_000 };
const workload = workloads(sizes).find((w) => w.id === id);
if (workload === undefined)
  throw new Error(
    `no workload ${id}: ${workloads(sizes)
      .map((w) => w.id)
      .join(', ')}`,
  );
pinLoadGenerator();
const dir = mkdtempSync(join(tmpdir(), 'scim-profile-'));
const target = await startTarget(
  'http-target.mjs',
  ['scim', sizes.users, sizes.members, join(dir, 'server.log')],
  ['--cpu-prof', `--cpu-prof-dir=${dir}`],
);
const { rps } = await load(target.url, workload, {
  connections: 10,
  pipelining: 4,
  seconds: Number(seconds),
});
await new Promise((resolve) => {
  target.exited.then(resolve);
  target.send('exit');
});
const profile = JSON.parse(
  readFileSync(
    join(
      dir,
      readdirSync(dir).find((name) => name.endsWith('.cpuprofile')),
    ),
    'utf8',
  ),
);
console.log(`${workload.label}: ${Math.round(rps)} req/s under the profiler; profile in ${dir}`);
for (const [name, share] of topSelfTimes(profile, Number(seconds) * 1e6, 30))
  console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${name}`);

/** The functions (name, file, line) that took the most self time in the profile's last `window` µs (the load), idle left out. */
function topSelfTimes(profile, window, count) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let all = 0;
  let time = profile.startTime;
  profile.samples.forEach((nodeId, i) => {
    time += profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = byNode.get(nodeId).callFrame;
    if (time < profile.endTime - window || functionName === '(idle)') return;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-3).join('/')}:${lineNumber + 1}`;
    const delta = profile.timeDeltas[i] ?? 0;
    totals.set(key, (totals.get(key) ?? 0) + delta);
    all += delta;
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, time]) => [key, time / all]);
}
