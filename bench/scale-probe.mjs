// Child process of the scale curves (run with --expose-gc): one store of N users, its heap per user and its read latencies.
import { existsSync, readFileSync } from 'node:fs';
import { CAPABILITIES, createScimServer, MemoryStore } from 'scim-connector-sdk';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { typicalUser } from './seed.mjs';
import { median } from './stats.mjs';

// CPU time of the main thread only, where a request runs: the process's CPU time also counts the
// GC's helper threads, which at 1M users go on marking and sweeping what the seeding left (about a
// gigabyte) for seconds, on another core in production, and made the 1M figures move run to run.
// The warm-up lets the JIT settle.
const [size, rounds, warmUpMs] = process.argv.slice(2).map(Number);
const ROUND_MS = 100;

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadClock = existsSync(SCHEDSTAT);

/** CPU time so far, in microseconds: the main thread's (Linux's schedstat, in ns), else the process's. */
function cpuMicros() {
  if (mainThreadClock) return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1000;
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Calls `op` for about `ms` of wall time; the CPU microseconds per call. */
async function callsFor(op, ms) {
  const limit = BigInt(ms) * 1_000_000n;
  let calls = 0;
  const start = process.hrtime.bigint();
  const cpuStart = cpuMicros();
  do await op(calls++);
  while (process.hrtime.bigint() - start < limit);
  return (cpuMicros() - cpuStart) / calls;
}

/**
 * Median CPU microseconds per call of `op` over rounds of about ROUND_MS of wall time, after a
 * warm-up. CPU time, not wall time: the sizes run one after another on a shared machine, and wall
 * time there measures whoever else had the core at that moment.
 */
async function micros(op) {
  await callsFor(op, warmUpMs);
  const times = [];
  for (let round = 0; round < rounds; round++) times.push(await callsFor(op, ROUND_MS));
  return median(times);
}

const before = heapAfterGc();
const store = new MemoryStore({ seed: { users: Array.from({ length: size }, (_, i) => typicalUser(i)) } });
const bytesPerUser = (heapAfterGc() - before) / size;
const page = (startIndex) => ({ startIndex, count: 100, sortOrder: 'ascending' });
// The server's reads tell the store they only read (RequestContext.readOnly): the store calls here do too.
const ctx = { requestId: 'scale', dialect: '2.0', readOnly: true };
const lookup = (i) => `user${(i * 7919) % size}@example.com`;
const result = {
  size,
  clock: mainThreadClock ? 'main thread' : 'process',
  bytesPerUser,
  filterMicros: await micros((i) =>
    store.getUsers({ ...page(1), filter: parseFilter(`userName eq "${lookup(i)}"`) }, ctx),
  ),
  firstPageMicros: await micros(() => store.getUsers(page(1), ctx)),
  lastPageMicros: await micros(() => store.getUsers(page(size - 99), ctx)),
};
// The same reads as whole requests (auth, routing, presentation, serialisation; no socket, no log), through fastify's inject.
const server = await createScimServer({
  service: store,
  capabilities: [...CAPABILITIES],
  auth: { bearerTokens: ['bench-token'] },
  logger: false,
});
const request = async (url) => {
  const response = await server.app.inject({ url, headers: { authorization: 'Bearer bench-token' } });
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
};
result.requestFilterMicros = await micros((i) =>
  request(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${lookup(i)}"`)}`),
);
result.requestLastPageMicros = await micros(() =>
  request(`/scim/v2/Users?startIndex=${size - 99}&count=100`),
);
await server.close();
if (store.size.users !== size) throw new Error(`the store holds ${store.size.users} users, not ${size}`);
process.stdout.write(JSON.stringify(result));
