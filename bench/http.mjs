// HTTP benchmark: SCIM routes over the memory store (100k users) against a bare fastify route returning the same JSON.
// Each server runs in its own child process with its default logging on (sent to /dev/null); autocannon loads it.
// Prints the median requests/s of several rounds per route and the ratio to the bare route measured in the same run.
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { median, ratioLine } from './stats.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 10;
const AUTH = { authorization: 'Bearer bench-token', 'content-type': 'application/scim+json' };

function start(kind, samples) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./http-target.mjs', import.meta.url), [kind, JSON.stringify(samples ?? {})], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', ({ url }) => resolve({ url, stop: () => child.kill() }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

let created = 0;
const scenarios = [
  { name: 'GET /Users/{id}', method: 'GET', path: '/scim/v2/Users/u4242' },
  {
    name: 'GET /Users?filter=userName eq (100k users)',
    method: 'GET',
    path: `/scim/v2/Users?filter=${encodeURIComponent('userName eq "user77777@example.com"')}`,
  },
  {
    name: 'POST /Users',
    method: 'POST',
    path: '/scim/v2/Users',
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: `new${created++}@example.com`,
            name: { givenName: 'New', familyName: 'User' },
            active: true,
          }),
        }),
      },
    ],
  },
  {
    name: 'PATCH /Groups/{id} membership add+remove',
    method: 'PATCH',
    path: '/scim/v2/Groups/g1',
    // Each connection adds then removes its own user, in order, so no request races another.
    requests: [
      {
        setupRequest: (request, context) => {
          context.user ??= `u${50_000 + created++}`;
          return { ...request, body: JSON.stringify(patch('add', 'members', [{ value: context.user }])) };
        },
      },
      {
        setupRequest: (request, context) => ({
          ...request,
          body: JSON.stringify(patch('remove', `members[value eq "${context.user}"]`)),
        }),
      },
    ],
  },
];

function patch(op, path, value) {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op, path, value }] };
}

async function load(url, scenario) {
  const result = await autocannon({
    url: url + scenario.path,
    method: scenario.method,
    headers: AUTH,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: scenario.requests,
  });
  const errors = result.non2xx + result.errors;
  if (errors > 0) throw new Error(`${scenario.name}: ${errors} failed requests of ${result.requests.total}`);
  return result.requests.average;
}

async function fetchSamples(url) {
  const get = async (path) => (await fetch(url + path, { headers: AUTH })).json();
  return {
    user: await get('/scim/v2/Users/u4242'),
    list: await get(scenarios[1].path),
    group: await get('/scim/v2/Groups/g1'),
  };
}

const scim = await start('scim');
const bare = await start('bare', await fetchSamples(scim.url));
console.log(`HTTP benchmark: ${ROUNDS} rounds of ${SECONDS}s per route, ${CONNECTIONS} connections, medians`);
try {
  for (const scenario of scenarios) {
    // A warm-up round on each server, not counted.
    await load(bare.url, scenario);
    await load(scim.url, scenario);
    const ours = [];
    const base = [];
    for (let round = 0; round < ROUNDS; round++) {
      base.push(await load(bare.url, scenario));
      ours.push(await load(scim.url, scenario));
    }
    console.log(ratioLine(scenario.name, median(ours), median(base), 'req/s'));
  }
} finally {
  scim.stop();
  bare.stop();
}
