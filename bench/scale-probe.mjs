// Child process of the scale curves (run with --expose-gc): one store of N users; says its heap per user, then times rounds of reads as the parent asks.
import { existsSync, readFileSync } from 'node:fs';
import { CAPABILITIES, createScimServer, MemoryStore } from 'scim-connector-sdk';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { loopbackClient } from './loopback-client.mjs';
import { typicalUser } from './seed.mjs';

// CPU time of the main thread only, where a request runs: the process's CPU time also counts the
// GC's helper threads, which at 1M users go on marking and sweeping what the seeding left (about a
// gigabyte) for seconds, on another core in production, and made the 1M figures move run to run.
const size = Number(process.argv[2]);

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

/**
 * Calls `op` for about `ms` of wall time; the CPU microseconds per call. CPU time, not wall time:
 * on a shared machine, wall time measures whoever else had the core at that moment.
 */
async function callsFor(op, ms) {
  const limit = BigInt(Math.round(ms * 1e6));
  let calls = 0;
  const start = process.hrtime.bigint();
  const cpuStart = cpuMicros();
  do await op(calls++);
  while (process.hrtime.bigint() - start < limit);
  return (cpuMicros() - cpuStart) / calls;
}

const before = heapAfterGc();
const store = new MemoryStore({ seed: { users: Array.from({ length: size }, (_, i) => typicalUser(i)) } });
const bytesPerUser = (heapAfterGc() - before) / size;
const page = (startIndex) => ({ startIndex, count: 100, sortOrder: 'ascending' });
// The server's reads tell the store they only read (RequestContext.readOnly): the store calls here do too.
const ctx = { requestId: 'scale', dialect: '2.0', readOnly: true };
const lookup = (i) => `user${(i * 7919) % size}@example.com`;
// The same reads as whole requests (auth, routing, presentation, serialisation, the socket; no log),
// one at a time over loopback: the client's work is the same at every size.
const server = await createScimServer({
  service: store,
  capabilities: [...CAPABILITIES],
  auth: { bearerTokens: ['bench-token'] },
  logger: false,
  port: 0,
});
const client = await loopbackClient(await server.listen(), { authorization: 'Bearer bench-token' });
// The floor of an indexed lookup: a Map from userName to the stored user, read with the same fresh
// names. At a million users each hashed lookup misses the cache and the TLB a few times, whoever does it.
const byName = new Map();
for (let i = 0; i < size; i++) {
  const user = await store.getUser(`u${i}`, ctx);
  byName.set(user.userName, user);
}

/** The reads, by the name of the result field that holds their CPU µs per call. */
const reads = {
  mapGetMicros: (i) => byName.get(lookup(i)).id,
  filterMicros: (i) => store.getUsers({ ...page(1), filter: parseFilter(`userName eq "${lookup(i)}"`) }, ctx),
  firstPageMicros: () => store.getUsers(page(1), ctx),
  lastPageMicros: () => store.getUsers(page(size - 99), ctx),
  requestFilterMicros: (i) =>
    client.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${lookup(i)}"`)}`),
  requestLastPageMicros: () => client.get(`/scim/v2/Users?startIndex=${size - 99}&count=100`),
};

// `{ read, ms }`: times `read` for `ms` and answers `{ micros }`; `{ exit: true }` checks the store and exits.
process.on('message', async (message) => {
  try {
    if (message.exit === true) {
      client.close();
      await server.close();
      if (store.size.users !== size)
        throw new Error(`the store holds ${store.size.users} users, not ${size}`);
      process.send({ done: true }, () => process.exit(0));
      return;
    }
    process.send({ micros: await callsFor(reads[message.read], message.ms) });
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) });
  }
});
process.send({ size, clock: mainThreadClock ? 'main thread' : 'process', bytesPerUser });
