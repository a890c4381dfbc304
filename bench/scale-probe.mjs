// Child process of the scale curves (run with --expose-gc): one store of N users, its heap per user and its read latencies.
import { CAPABILITIES, createScimServer, MemoryStore } from 'scim-connector-sdk';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { typicalUser } from './seed.mjs';
import { median } from './stats.mjs';

// The warm-up is long enough for the JIT to settle and for the GC to finish sweeping the heap the
// seeding left (at 1M users, about a gigabyte): a 100 ms warm-up measured that sweeping, not the lookup.
const [size, rounds, warmUpMs] = process.argv.slice(2).map(Number);
const ROUND_MS = 100;

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Process CPU time so far (this thread, the GC's helpers and the libuv pool), in microseconds. */
function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Median CPU microseconds per call of `op` over rounds of about ROUND_MS of wall time. CPU time, not
 * wall time: the sizes run one after another on a shared machine, and wall time there measures
 * whoever else had the core at that moment.
 */
async function micros(op) {
  const times = [];
  // Round 0 warms the code up and is not counted.
  for (let round = 0; round <= rounds; round++) {
    const limit = BigInt(round === 0 ? warmUpMs : ROUND_MS) * 1_000_000n;
    let calls = 0;
    const start = process.hrtime.bigint();
    const cpuStart = cpuMicros();
    do await op(calls++);
    while (process.hrtime.bigint() - start < limit);
    if (round > 0) times.push((cpuMicros() - cpuStart) / calls);
  }
  return median(times);
}

const before = heapAfterGc();
const store = new MemoryStore({ seed: { users: Array.from({ length: size }, (_, i) => typicalUser(i)) } });
const bytesPerUser = (heapAfterGc() - before) / size;
const page = (startIndex) => ({ startIndex, count: 100, sortOrder: 'ascending' });
const result = {
  size,
  bytesPerUser,
  filterMicros: await micros((i) =>
    store.getUsers({ ...page(1), filter: parseFilter(`userName eq "user${(i * 7919) % size}@example.com"`) }),
  ),
  firstPageMicros: await micros(() => store.getUsers(page(1))),
  lastPageMicros: await micros(() => store.getUsers(page(size - 99))),
};
// The same lookup as a whole request (auth, routing, serialisation; no socket, no log), through fastify's inject.
const server = await createScimServer({
  service: store,
  capabilities: [...CAPABILITIES],
  auth: { bearerTokens: ['bench-token'] },
  logger: false,
});
result.requestFilterMicros = await micros(async (i) => {
  const filter = encodeURIComponent(`userName eq "user${(i * 7919) % size}@example.com"`);
  const response = await server.app.inject({
    url: `/scim/v2/Users?filter=${filter}`,
    headers: { authorization: 'Bearer bench-token' },
  });
  if (response.statusCode !== 200) throw new Error(`the filter request answered ${response.statusCode}`);
});
await server.close();
if (store.size.users !== size) throw new Error(`the store holds ${store.size.users} users, not ${size}`);
process.stdout.write(JSON.stringify(result));
