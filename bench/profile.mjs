// `node bench/profile.mjs <workload> [seconds]`: loads our server with one workload under --cpu-prof, prints the top self and inclusive times.
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
const { self, inclusive } = topTimes(profile, Number(seconds) * 1e6, 30);
for (const [title, rows] of [
  ['self time', self],
  ['inclusive time (the function and what it calls)', inclusive],
]) {
  console.log(`-- ${title}`);
  for (const [name, share] of rows) console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
}

/**
 * The functions (name, file, line) that took the most time in the profile's last `window` µs (the
 * load), idle left out: by self time, and inclusive of their callees (a function counted once per
 * sample, however often it is on the stack).
 */
function topTimes(profile, window, count) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nameOf = (nodeId) => {
    const { functionName, url, lineNumber } = byNode.get(nodeId).callFrame;
    return `${functionName || '(anonymous)'} ${url.split('/').slice(-3).join('/')}:${lineNumber + 1}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let all = 0;
  let time = profile.startTime;
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time < profile.endTime - window || byNode.get(nodeId).callFrame.functionName === '(idle)') return;
    all += delta;
    self.set(nameOf(nodeId), (self.get(nameOf(nodeId)) ?? 0) + delta);
    const onStack = new Set();
    for (let id = nodeId; id !== undefined; id = parents.get(id)) onStack.add(nameOf(id));
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  });
  const top = (totals) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, total]) => [key, total / all]);
  return { self: top(self), inclusive: top(inclusive) };
}
