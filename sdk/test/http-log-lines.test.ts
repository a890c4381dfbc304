// What the request log says: URLs without query values that can carry secrets, a client's disconnect as what it is.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScimServer } from '../src/http/create-scim-server.js';
import {
  flushLogFiles,
  loggedUrl,
  loggerOptions,
  plainRequestLines,
  wantsReadableLog,
} from '../src/http/logger.js';
import { describeAuth } from '../src/http/startup-log.js';
import type { ScimService } from '../src/service/scim-service.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { captureLog, type LogCapture } from './support/log-capture.js';
import { send, testServer, TOKEN, user } from './support/scim-test-server.js';

/** Waits (bounded) until the log holds a line `found` accepts. */
async function logLine(
  log: LogCapture,
  found: (line: Record<string, unknown>) => boolean,
  tries = 100,
): Promise<Record<string, unknown> | undefined> {
  for (let i = 0; i < tries; i++) {
    const line = log.lines().find(found);
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describe('loggedUrl', () => {
  const cases: [string, string][] = [
    ['/scim/v2/Users', '/scim/v2/Users'],
    ['/scim/v2/Users?', '/scim/v2/Users?'],
    ['/scim/v2/Users?count=10&startIndex=1', '/scim/v2/Users?count=10&startIndex=1'],
    ['/scim/v2/Users?COUNT=3&sortOrder=descending', '/scim/v2/Users?COUNT=3&sortOrder=descending'],
    ['/scim/v2/Users?filter=userName%20eq%20%22a%22', '/scim/v2/Users?filter=[redacted]'],
    ['/x?token=abc&&flag', '/x?token=[redacted]&flag'],
    ['/x?eyJhbGciOiJIUzI1NiJ9%2Eabc', '/x?[redacted]'],
    ['/x?a%20b=1', '/x?[redacted]'],
  ];
  for (const [url, logged] of cases) {
    it(`${url} → ${logged}`, () => assert.equal(loggedUrl(url), logged));
  }
});

describe('the log format', () => {
  const cases: [string, Record<string, unknown>, boolean, boolean][] = [
    ['stdout is a terminal', {}, true, true],
    ['stdout is a pipe or a file', {}, false, false],
    ['the caller names a stream', { stream: process.stderr }, true, false],
    ['the caller names a file', { file: '/tmp/x.log' }, true, false],
    ['the caller names a transport', { transport: { target: 'pino/file' } }, true, false],
    ['the caller sets only the level', { level: 'debug' }, true, true],
  ];
  for (const [what, given, tty, readable] of cases) {
    it(`${what}: ${readable ? 'readable lines' : 'JSON'}`, () => {
      assert.equal(wantsReadableLog(given, tty), readable);
      const options = loggerOptions(given, tty) as Record<string, unknown>;
      if (readable) assert.ok(options['stream'] !== undefined && options['stream'] !== process.stdout);
      else if (given['stream'] !== undefined || given['transport'] !== undefined)
        assert.equal(options['stream'], given['stream']);
      else assert.ok(((options['stream'] as { minLength?: number }).minLength ?? 0) > 0, 'batched JSON');
    });
  }
});

describe('the start-up lines', () => {
  const auths: [string, Parameters<typeof describeAuth>[0], string][] = [
    ['none', 'none', 'auth: none (every request is let in)'],
    ['one token', { bearerTokens: ['t1'] }, 'auth: bearer (1 token)'],
    [
      'tokens, basic and a verifier',
      { bearerTokens: ['t1', 't2'], basic: [{ username: 'u', password: 'p' }], verify: async () => true },
      'auth: bearer (2 tokens), basic (1 user), a custom verifier',
    ],
  ];
  for (const [what, auth, line] of auths) {
    it(`say the auth: ${what}`, () => assert.equal(describeAuth(auth), line));
  }

  it("say each dialect's URL and the auth once listening, and no credential", async () => {
    const log = captureLog();
    const { server } = await testServer({ logger: { stream: log.stream } });
    try {
      const url = await server.listen();
      const messages = log.lines().map((line) => String(line['msg']));
      assert.ok(messages.includes(`SCIM 2.0: ${url}/scim/v2`), messages.join('\n'));
      assert.ok(messages.includes(`SCIM 1.1 (Okta Provisioning Agent): ${url}/scim/v1`));
      assert.ok(messages.includes('auth: bearer (1 token), basic (1 user)'));
      assert.ok(!log.text().includes(TOKEN));
    } finally {
      await server.close();
    }
  });
});

/** A service whose getUser takes a while (long enough for the client to leave), with a working createUser. */
function slowService(): ScimService {
  const store = new MemoryStore();
  return {
    createUser: store.createUser.bind(store),
    getUsers: store.getUsers.bind(store),
    async getUser() {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return undefined;
    },
  };
}

describe('http: the request log', () => {
  let server: ScimServer;
  let log: LogCapture;

  beforeEach(async () => {
    log = captureLog();
    ({ server } = await testServer({ logger: { stream: log.stream } }));
  });
  afterEach(() => server.close());

  const secretQueries: [string, { url: string; secrets: string[]; logged: string }][] = [
    [
      'a token and a password filter on a SCIM route',
      {
        url: '/scim/v2/Users?access_token=tok-in-query-81f&filter=password%20eq%20%22Pa55-in-filter%22&count=5',
        secrets: ['tok-in-query-81f', 'Pa55-in-filter'],
        logged: '/scim/v2/Users?access_token=[redacted]&filter=[redacted]&count=5',
      },
    ],
    [
      'a token on a path no route serves',
      {
        url: '/nowhere?access_token=tok-nowhere-2c4&startIndex=2',
        secrets: ['tok-nowhere-2c4'],
        logged: '/nowhere?access_token=[redacted]&startIndex=2',
      },
    ],
    [
      'an unknown parameter and a repeated one',
      {
        url: '/scim/v2/Groups?sig=abc-signature-99&sig=second-sig-77&attributes=displayName',
        secrets: ['abc-signature-99', 'second-sig-77'],
        logged: '/scim/v2/Groups?sig=[redacted]&sig=[redacted]&attributes=displayName',
      },
    ],
  ];
  for (const [name, { url, secrets, logged }] of secretQueries) {
    it(`logs the path and the query's names, not its secret values: ${name}`, async () => {
      await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } });
      await server.app.inject({ method: 'GET', url });
      const text = log.text();
      for (const secret of secrets) assert.ok(!text.includes(secret), `the log holds ${secret}:\n${text}`);
      const urls = log
        .lines()
        .map((line) => (line['req'] as { url?: string } | undefined)?.url)
        .filter((u) => u !== undefined);
      assert.ok(urls.length >= 2, text);
      for (const u of urls) assert.equal(u, logged);
    });
  }

  const oneLine: [string, 'GET' | 'POST', string, number][] = [
    ['a read', 'GET', '/scim/v2/Users?filter=userName%20eq%20%22x%22&count=5', 200],
    ['a create', 'POST', '/scim/v2/Users', 201],
    ['an unknown user', 'GET', '/scim/v2/Users/nobody', 404],
    ['a route no one serves', 'GET', '/nowhere', 404],
  ];
  for (const [name, method, url, status] of oneLine) {
    it(`logs one line for ${name}: method, URL as logged, status and time`, async () => {
      const response = await server.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
        ...(method === 'POST' ? { payload: JSON.stringify(user('one-line')) } : {}),
      });
      assert.equal(response.statusCode, status);
      const lines = log.lines().filter((line) => line['reqId'] !== undefined);
      assert.equal(lines.length, 1, log.text());
      const [line] = lines as [Record<string, unknown>];
      assert.deepEqual((line['req'] as Record<string, unknown>)['method'], method);
      assert.equal((line['req'] as Record<string, unknown>)['url'], loggedUrl(url));
      assert.equal((line['res'] as Record<string, unknown>)['statusCode'], status);
      assert.equal(typeof line['responseTime'], 'number');
    });
  }

  it('still logs a fault in the service at error level', async () => {
    // The counterpart of the disconnect test: only the client's leaving is quieter.
    const failing = await testServer({
      logger: { stream: log.stream },
      capabilities: [],
      service: {
        async getUser() {
          throw new Error('backend down');
        },
      },
    });
    try {
      assert.equal((await send(failing.server, 'GET', '/Users/1')).statusCode, 500);
      assert.ok(log.lines().some((line) => line['level'] === 50));
    } finally {
      await failing.server.close();
    }
  });
});

describe('http: a client that leaves', () => {
  let server: ScimServer;
  let log: LogCapture;

  beforeEach(async () => {
    log = captureLog();
    ({ server } = await testServer({
      logger: { stream: log.stream },
      capabilities: [],
      service: slowService(),
    }));
  });
  afterEach(() => server.close());

  const body = JSON.stringify(user('leaver'));
  const leavers: [string, string][] = [
    [
      'mid-body',
      `POST /scim/v2/Users HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        `Content-Type: application/scim+json\r\nContent-Length: ${body.length + 100}\r\n\r\n${body}`,
    ],
    ['while the service works', `GET /scim/v2/Users/slow HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`],
  ];
  for (const [when, request] of leavers) {
    it(`logs a client that disconnects ${when} once, below error level, without a stack`, async () => {
      const url = new URL(await server.listen());
      const socket = connect(Number(url.port), url.hostname);
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      // The request has arrived once Node has read its head (the log has no line for that: one per request, at its end).
      const arrived = new Promise<void>((resolve) => server.app.server.once('request', () => resolve()));
      socket.write(request.replace('\r\n', `\r\nHost: ${url.host}\r\n`));
      await arrived;
      socket.destroy();
      const gone = await logLine(log, (line) => /disconnect/i.test(String(line['msg'])));
      assert.ok(gone !== undefined, `no line says the client disconnected:\n${log.text()}`);
      // Let any later line (a completion, a fault) be written before judging the whole log.
      await logLine(log, () => false, 10);
      const lines = log.lines();
      assert.deepEqual(
        lines.filter((line) => Number(line['level']) >= 50),
        [],
        'nothing at error level',
      );
      assert.ok([30, 40].includes(Number(gone['level'])), `level ${String(gone['level'])}`);
      assert.equal(lines.filter((line) => /disconnect/i.test(String(line['msg']))).length, 1);
      assert.ok(!log.text().includes('"stack"'), 'no stack');
    });
  }

  it('keeps the redaction of request lines a caller shapes, and their level', async () => {
    const shaped = await testServer({
      logger: {
        stream: log.stream,
        // A caller's res serializer may write headers: its request lines stay redacted.
        serializers: {
          res: (reply: { statusCode: number }) => ({
            statusCode: reply.statusCode,
            headers: { 'set-cookie': 'session=s3cr3t' },
          }),
        },
      },
    });
    const quiet = await testServer({ logger: { stream: log.stream, level: 'warn' } });
    try {
      assert.equal((await send(shaped.server, 'GET', '/Users')).statusCode, 200);
      assert.equal((await send(quiet.server, 'GET', '/Users?count=7')).statusCode, 200);
      const lines = log.lines().filter((line) => line['msg'] === 'request completed');
      assert.equal(lines.length, 1, log.text());
      assert.deepEqual((lines[0] as Record<string, unknown>)['res'], {
        statusCode: 200,
        headers: { 'set-cookie': '[redacted]' },
      });
      assert.ok(!log.text().includes('s3cr3t'));
    } finally {
      await shaped.server.close();
      await quiet.server.close();
    }
  });
});

describe('plainRequestLines', () => {
  const cases: [string, boolean | Record<string, unknown> | undefined, boolean][] = [
    ['the default logger', undefined, true],
    ['a file and a level', { file: '/tmp/x.log', level: 'debug' }, true],
    ['a stream', { stream: process.stdout }, true],
    ['no logger', false, false],
    ['serializers', { serializers: {} }, false],
    ['a mixin', { mixin: () => ({}) }, false],
    ['formatters', { formatters: {} }, false],
    ['hooks', { hooks: {} }, false],
    ['more redaction', { redact: ['x'] }, false],
    ['a nested line', { nestedKey: 'payload' }, false],
    ['a message prefix', { msgPrefix: '[scim] ' }, false],
  ];
  for (const [name, setting, plain] of cases) {
    it(`${name}: ${plain ? 'plain request lines' : 'redacted request lines'}`, () =>
      assert.equal(plainRequestLines(setting), plain));
  }
});

describe('plain request lines', () => {
  /** A line with the values that differ between two servers (time, request id, port, duration) blanked. */
  const steady = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.includes('"request completed"'))
      .map((line) =>
        line
          .replace(/"time":\d+/, '"time":0')
          .replace(/"reqId":"[^"]*"/, '"reqId":"-"')
          .replace(/"remotePort":\d+/, '"remotePort":0')
          .replace(/"responseTime":[\d.e+-]+/, '"responseTime":0'),
      );

  /** Where a server's lines go, and how to read them back once it has answered. */
  interface Destination {
    logger: Record<string, unknown>;
    text(): Promise<string>;
  }
  const dir = mkdtempSync(join(tmpdir(), 'scim-plain-lines-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const destinations: [string, (name: string) => Destination][] = [
    [
      'a stream',
      () => {
        const log = captureLog();
        return { logger: { stream: log.stream }, text: () => Promise.resolve(log.text()) };
      },
    ],
    [
      // A log file makes a plain line when it writes its batch, a pino line is held as text.
      'a log file',
      (name) => {
        const file = join(dir, `${name}.log`);
        return {
          logger: { file },
          text: () => {
            flushLogFiles();
            return readFile(file, 'utf8');
          },
        };
      },
    ],
  ];

  for (const [where, destination] of destinations) {
    it(`are the text pino writes for the same line, key for key, to ${where}`, async () => {
      const plainLog = destination('plain');
      const pinoLog = destination('pino');
      // A caller's (empty) redact list keeps its request lines on pino's own path.
      const plain = await testServer({ logger: { ...plainLog.logger, base: { app: 'é"x' } } });
      const viaPino = await testServer({
        logger: { ...pinoLog.logger, base: { app: 'é"x' }, redact: [] },
      });
      const requests: [string, string, unknown?][] = [
        ['GET', '/scim/v2/Users?count=1&filter=userName%20eq%20%22x%22'],
        ['GET', '/scim/v2/Users/nobody'],
        ['POST', '/scim/v2/Users', user('plain-line')],
        ['GET', '/nowhere?access_token=secret'],
      ];
      try {
        for (const { server } of [plain, viaPino]) {
          for (const [method, url, body] of requests) {
            await server.app.inject({
              method: method as 'GET',
              url,
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
              ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
            });
          }
        }
        const text = await plainLog.text();
        const written = steady(text);
        assert.equal(written.length, requests.length, text);
        assert.deepEqual(written, steady(await pinoLog.text()));
        assert.ok(
          written.every((line) => line.includes('"app":"é\\"x"')),
          "with the logger's bindings",
        );
      } finally {
        await plain.server.close();
        await viaPino.server.close();
      }
    });
  }
});
