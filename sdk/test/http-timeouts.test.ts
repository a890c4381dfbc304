// Connection timeouts: clients trickling headers or bodies are cut off while real clients are served; idle keep-alives close.
import { strict as assert } from 'node:assert';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { resolveTimeouts } from '../src/http/server-options.js';
import { testServer, TOKEN } from './support/scim-test-server.js';

/** Short timeouts so the test runs in seconds; the defaults are a minute. */
const TIMEOUTS = { requestTimeout: 4000, headersTimeout: 3000, keepAliveTimeout: 300 };
const SLOW_CONNECTIONS = 300;
const TRICKLE_EVERY_MS = 200;
const REAL_REQUESTS = 30;

interface Slow {
  socket: Socket;
  kind: string;
  closed: boolean;
  received: string;
  timer?: NodeJS.Timeout;
}

/** A connection that sends `head` at once, then one byte of `tail` every TRICKLE_EVERY_MS. */
function trickle(port: number, kind: string, head: string, tail: string): Promise<Slow> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const slow: Slow = { socket, kind, closed: false, received: '' };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (slow.received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      slow.closed = true;
      clearInterval(slow.timer);
    });
    socket.once('connect', () => {
      socket.write(head);
      let at = 0;
      slow.timer = setInterval(() => {
        if (at < tail.length && !socket.destroyed) socket.write(tail[at++] ?? '');
      }, TRICKLE_EVERY_MS);
      resolve(slow);
    });
    socket.once('error', reject);
  });
}

/** One real client's GET over a fresh connection: its status. */
function realGet(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/scim/v2/Users',
        headers: { authorization: `Bearer ${TOKEN}`, connection: 'close' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function until(check: () => boolean, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

describe('http: connection timeouts', () => {
  let server: ScimServer;
  let port: number;
  const slow: Slow[] = [];

  beforeEach(async () => {
    ({ server } = await testServer(TIMEOUTS));
    await server.listen();
    port = server.address?.port ?? 0;
  });
  afterEach(async () => {
    for (const s of slow.splice(0)) {
      clearInterval(s.timer);
      s.socket.destroy();
    }
    await server.close();
  });

  it('checks the timeouts and fills in defaults', () => {
    assert.deepEqual(resolveTimeouts({}), {
      requestTimeout: 60_000,
      headersTimeout: 15_000,
      keepAliveTimeout: 72_000,
      connectionsCheckingInterval: 1000,
    });
    assert.throws(() => resolveTimeouts({ requestTimeout: 1000, headersTimeout: 2000 }), /headersTimeout/);
    assert.throws(() => resolveTimeouts({ keepAliveTimeout: 0 }), /keepAliveTimeout/);
    assert.throws(() => resolveTimeouts({ requestTimeout: 1.5 }), /requestTimeout/);
  });

  it(`serves real clients while ${SLOW_CONNECTIONS} trickling connections are open, and cuts those off at their timeouts`, async () => {
    const body = JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'slow',
    });
    const kinds: ((i: number) => [kind: string, head: string, tail: string])[] = [
      // Headers one byte at a time, never finished.
      (i: number) => [
        'headers',
        `GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n`,
        `X-Slow-${i}: ${'a'.repeat(200)}`,
      ],
      // Authenticated, the body one byte at a time.
      () => [
        'body',
        `POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n` +
          `Content-Type: application/scim+json\r\nContent-Length: ${body.length}\r\n\r\n`,
        body,
      ],
      // Unauthenticated, the body one byte at a time: answered 401 at once, then cut off too.
      () => [
        'unauthenticated body',
        `POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          `Content-Type: application/scim+json\r\nContent-Length: ${body.length}\r\n\r\n`,
        body,
      ],
    ];
    const opened = Date.now();
    const opening = Array.from({ length: SLOW_CONNECTIONS }, (_, i) => {
      const [kind, head, tail] = kinds[i % kinds.length]!(i);
      return trickle(port, kind, head, tail);
    });
    slow.push(...(await Promise.all(opening)));

    const statuses = await Promise.all(Array.from({ length: REAL_REQUESTS }, () => realGet(port)));
    const stillOpen = slow.filter((s) => !s.closed).length;
    assert.deepEqual(statuses, Array(REAL_REQUESTS).fill(200));
    assert.ok(stillOpen >= SLOW_CONNECTIONS * 0.9, `served while ${stillOpen} slow connections were open`);

    // Every trickler would need minutes to finish; the server must close each within its timeout
    // plus a few checking intervals.
    await until(() => slow.every((s) => s.closed), TIMEOUTS.requestTimeout * 4);
    const open = slow.filter((s) => !s.closed);
    assert.equal(
      open.length,
      0,
      `${open.length} slow connections still open after ${Date.now() - opened} ms`,
    );
    for (const s of slow) {
      const status = s.received.slice(0, 12);
      const want = s.kind === 'unauthenticated body' ? 'HTTP/1.1 401' : 'HTTP/1.1 408';
      assert.equal(status, want, `${s.kind}: ${s.received.slice(0, 80)}`);
    }
  });

  it('closes an idle keep-alive connection after keepAliveTimeout', async () => {
    const idle = await trickle(
      port,
      'keep-alive',
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`,
      '',
    );
    slow.push(idle);
    await until(() => idle.received.includes('"ok"'), 2000);
    assert.match(idle.received, /^HTTP\/1\.1 200/);
    await until(() => idle.closed, TIMEOUTS.keepAliveTimeout * 10);
    assert.ok(idle.closed, 'the idle connection was closed');
  });
});
