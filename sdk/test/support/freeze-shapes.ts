// Requests that once blocked the server for seconds (issue 9), sized by the caller, and a probe of /healthz while one runs.
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createScimServer, type ScimServer } from '../../src/http/create-scim-server.js';
import { MAX_JSON_DISTINCT_KEYS, MAX_JSON_KEYS, MAX_JSON_KEYS_PER_OBJECT } from '../../src/http/json-body.js';
import { MAX_ATTRIBUTE_NAMES } from '../../src/http/list-params.js';
import { PATCH_LIMITS } from '../../src/protocol/patch/request.js';
import { RESOURCE_LIMITS } from '../../src/protocol/validate-resource.js';
import { CAPABILITIES } from '../../src/service/capabilities.js';
import { MemoryStore } from '../../src/stores/memory-store.js';

const TOKEN = 'freeze-shapes-token-7c1d';
const SCIM_JSON = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface Shape {
  name: string;
  /** Creates what the request works on (not measured); returns the request to measure. */
  prepare(server: Running): Promise<{ method: string; path: string; body: string }>;
}

export interface Running {
  server: ScimServer;
  url: string;
  request(method: string, path: string, body?: string): Promise<{ status: number; text: string }>;
}

export async function startServer(): Promise<Running> {
  const server = await createScimServer({
    service: new MemoryStore(),
    capabilities: [...CAPABILITIES],
    auth: { bearerTokens: [TOKEN] },
    logger: false,
    host: '127.0.0.1',
    port: 0,
  });
  const url = await server.listen();
  const request = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': SCIM_JSON }),
      },
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, text: await response.text() };
  };
  return { server, url, request };
}

async function created(running: Running, path: string, resource: unknown): Promise<string> {
  const { status, text } = await running.request('POST', path, JSON.stringify(resource));
  if (status !== 201) throw new Error(`setup ${path} answered ${status}: ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { id: string }).id;
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

let prepared = 0;
/** A name no earlier preparation used: a retried test prepares its shape again in the same server. */
const fresh = (name: string) => `${name}-${++prepared}`;

/** The sizes the issue reports (each blocked a server for 10 to 44 s before the fix). */
export const ISSUE_SIZES = {
  members: 10_000,
  memberRemovals: 10_000,
  emails: 100_000,
  emailRemovals: 1_000,
  deletes11: 12_000,
  unknownKeys: 1_000_000,
  keysPerObject: 1_000_000,
  distinctKeys: 1_000_000,
  attributeNames: 100_000,
};

/**
 * Every shape at the most the server accepts; the body-key shape a whole body of unknown keys, as
 * many distinct names as allowed, repeated to fill the total.
 */
export const AT_LIMITS = {
  members: PATCH_LIMITS.maxOperations,
  memberRemovals: PATCH_LIMITS.maxOperations,
  emails: RESOURCE_LIMITS.maxMultiValued,
  emailRemovals: PATCH_LIMITS.maxOperations,
  deletes11: PATCH_LIMITS.maxOperations,
  unknownKeys: MAX_JSON_KEYS - 10,
  keysPerObject: MAX_JSON_KEYS_PER_OBJECT - 10,
  distinctKeys: MAX_JSON_DISTINCT_KEYS - 10,
  attributeNames: MAX_ATTRIBUTE_NAMES,
};

/** The shapes of issue 9 at the given sizes. */
export function freezeShapes(size: {
  members: number;
  memberRemovals: number;
  emails: number;
  emailRemovals: number;
  deletes11: number;
  unknownKeys: number;
  keysPerObject: number;
  distinctKeys: number;
  attributeNames: number;
}): Shape[] {
  return [
    {
      name: `PATCH of ${size.memberRemovals} remove members[value eq …] on a ${size.members}-member group`,
      async prepare(running) {
        const members = range(size.members).map((i) => ({ value: `m${i}` }));
        const id = await created(running, '/scim/v2/Groups', {
          schemas: [],
          displayName: fresh(`big ${size.memberRemovals}`),
          members,
        });
        const Operations = range(size.memberRemovals).map((i) => ({
          op: 'remove',
          path: `members[value eq "m${(i * 7) % size.members}"]`,
        }));
        return {
          method: 'PATCH',
          path: `/scim/v2/Groups/${id}`,
          body: JSON.stringify({ schemas: [PATCH_OP], Operations }),
        };
      },
    },
    {
      name: `PATCH of ${size.emailRemovals} remove emails[value eq …] on a user with ${size.emails} emails`,
      async prepare(running) {
        const emails = range(size.emails).map((i) => ({ value: `e${i}@example.com` }));
        const id = await created(running, '/scim/v2/Users', {
          userName: fresh(`many-emails-${size.emailRemovals}`),
          emails,
        });
        const Operations = range(size.emailRemovals).map((i) => ({
          op: 'remove',
          // 7 is prime to the sizes used: each removal matches a different address.
          path: `emails[value eq "e${(i * 7) % size.emails}@example.com"]`,
        }));
        return {
          method: 'PATCH',
          path: `/scim/v2/Users/${id}`,
          body: JSON.stringify({ schemas: [PATCH_OP], Operations }),
        };
      },
    },
    {
      name: `SCIM 1.1 PATCH of ${size.deletes11} members with "operation": "delete"`,
      async prepare(running) {
        const members = range(size.members).map((i) => ({ value: `m${i}` }));
        const id = await created(running, '/scim/v2/Groups', {
          displayName: fresh(`big 1.1 ${size.deletes11}`),
          members,
        });
        const body = { members: range(size.deletes11).map((i) => ({ value: `m${i}`, operation: 'delete' })) };
        return { method: 'PATCH', path: `/scim/v1/Groups/${id}`, body: JSON.stringify(body) };
      },
    },
    {
      name: `POST of a user with ${size.unknownKeys} unknown keys of ${size.distinctKeys} names, ${size.keysPerObject} per object`,
      async prepare() {
        // Written as text: building a million-key object first would take longer than the request.
        const object = (o: number) =>
          `{${range(size.keysPerObject)
            .map((k) => `"k${(o * size.keysPerObject + k) % size.distinctKeys}":0`)
            .join(',')}}`;
        const count = Math.floor(size.unknownKeys / size.keysPerObject);
        // One object at the top, the rest as records of a multi-valued attribute.
        const records = range(count - 1).map((o) => object(o + 1));
        return {
          method: 'POST',
          path: '/scim/v2/Users',
          body: `{"userName":"${fresh('keys')}",${object(0).slice(1, -1)},"addresses":[${records.join(',')}]}`,
        };
      },
    },
    {
      name: `.search with ${size.attributeNames} names in attributes`,
      async prepare() {
        const attributes = range(size.attributeNames).map((i) => `name${i}`);
        return { method: 'POST', path: '/scim/v2/Users/.search', body: JSON.stringify({ attributes }) };
      },
    },
  ];
}

export interface Measured {
  status: number;
  /** Longest event-loop block while the request ran, in ms (the longest gap of a 1 ms timer). */
  longestBlockMs: number;
  /** Worst /healthz latency while the request ran, in ms. */
  worstHealthzMs: number;
}

/**
 * Median latency of `count` /healthz requests one after another, after `warmUp` more that are not
 * counted: the first requests of a fresh server run cold code and would inflate the baseline.
 */
export async function idleHealthzMedian(running: Running, count = 60, warmUp = 20): Promise<number> {
  for (let i = 0; i < warmUp; i++) await healthz(running);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) latencies.push(await healthz(running));
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(count / 2)] as number;
}

async function healthz(running: Running): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${running.url}/healthz`);
  await response.text();
  return performance.now() - started;
}

/**
 * Sends bytes already encoded, as they are: the client shares the server's event loop here, and
 * fetch's own copying and encoding of a 10 MB body (60–100 ms) would count as the server's block.
 */
function send(running: Running, method: string, path: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${running.url}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': SCIM_JSON,
          'content-length': body.length,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Sends the request while /healthz is asked again and again, one after another, and a 1 ms timer
 * measures the longest gap between its ticks (the longest the event loop was blocked).
 */
export async function measure(
  running: Running,
  shape: { method: string; path: string; body: string },
): Promise<Measured> {
  const body = Buffer.from(shape.body);
  let done = false;
  let worst = 0;
  const probe = (async () => {
    while (!done) worst = Math.max(worst, await healthz(running));
  })();
  // Let the probe's first request reach the server before the shape does.
  await new Promise((resolve) => setTimeout(resolve, 20));
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const status = await send(running, shape.method, shape.path, body);
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  done = true;
  await probe;
  return { status, longestBlockMs: longest, worstHealthzMs: worst };
}
