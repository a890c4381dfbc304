// `node bench/profile.mjs <workload> [seconds] [connections]`: loads our server with one workload under --cpu-prof, prints the top self and inclusive times.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topTimes } from './cpu-shares.mjs';
import { load } from './load.mjs';
import { pinLoadGenerator, startTarget } from './targets.mjs';
import { workloads } from './workloads.mjs';

const [id, seconds = '5', connections = '10'] = process.argv.slice(2);
const sizes = { users: 20_000, members: 10_000 };
const ids = workloads(sizes).map((w) => w.id);
const help = id === '--help' || id === '-h';
const problem =
  help || id === undefined
    ? undefined
    : !ids.includes(id)
      ? `no workload "${id}"`
      : ![seconds, connections].every((text) => /^[1-9][0-9]*$/.test(text))
        ? 'seconds and connections are whole numbers'
        : undefined;
if (help || id === undefined || problem !== undefined) {
  if (problem !== undefined) console.error(`profile: ${problem}\n`);
  console.error(
    [
      'Usage: node bench/profile.mjs <workload> [seconds=5] [connections=10]',
      '',
      'Loads our server (the memory store, logging to a file) with one workload under --cpu-prof,',
      'then prints the functions with the most self and inclusive time.',
      `Workloads: ${ids.join(', ')}`,
    ].join('\n'),
  );
  process.exit(help ? 0 : 2);
}
const workload = workloads(sizes).find((w) => w.id === id);
pinLoadGenerator();
const dir = mkdtempSync(join(tmpdir(), 'scim-profile-'));
const target = await startTarget(
  'http-target.mjs',
  ['scim', sizes.users, sizes.members, join(dir, 'server.log')],
  ['--cpu-prof', `--cpu-prof-dir=${dir}`],
);
const { rps } = await load(target.url, workload, {
  connections: Number(connections),
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
