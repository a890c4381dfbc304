// The server's log: request ids, faults logged with their error, and no secret (password, token, Basic credentials) ever written.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { flushLogFiles, loggerOptions } from '../src/http/logger.js';
import { pino, type DestinationStream, type LoggerOptions } from 'pino';
import type { ScimService } from '../src/service/scim-service.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { captureLog as capture } from './support/log-capture.js';
import { basic, BASIC_USER, send, testServer, TOKEN, user } from './support/scim-test-server.js';

describe('http: logging', () => {
  let server: ScimServer;
  let log: ReturnType<typeof capture>;

  beforeEach(async () => {
    log = capture();
    const store = new MemoryStore();
    const service: ScimService = {
      createUser: store.createUser.bind(store),
      getUser: store.getUser.bind(store),
      updateUser: store.updateUser.bind(store),
      getUsers: store.getUsers.bind(store),
      async deleteUser() {
        throw new Error('backend connection reset');
      },
    };
    ({ server } = await testServer({
      service,
      capabilities: [],
      logger: { stream: log.stream, level: 'debug' },
    }));
  });
  afterEach(() => server.close());

  it('never writes a password, a bearer token or Basic credentials', async () => {
    const password = 'Sup3r-Secret-Pa55word';
    const created = await send(server, 'POST', '/Users', {
      body: user('secretive', { password }),
      headers: { cookie: 'session=cookie-secret-value' },
    });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: string }>().id;
    const patched = await send(server, 'PATCH', `/Users/${id}`, {
      body: { Operations: [{ op: 'replace', value: { password: `${password}-2` } }] },
    });
    assert.equal(patched.statusCode, 200);
    const basicHeader = basic(BASIC_USER.username, BASIC_USER.password);
    assert.equal((await send(server, 'GET', `/Users/${id}`, { authorization: basicHeader })).statusCode, 200);
    assert.equal(
      (await send(server, 'GET', `/Users/${id}`, { authorization: 'Bearer wrong-token-value' })).statusCode,
      401,
    );
    assert.equal((await send(server, 'DELETE', `/Users/${id}`)).statusCode, 500);

    const text = log.text();
    assert.equal(
      log.lines().filter((line) => line['msg'] === 'request completed').length,
      5,
      'each request was logged',
    );
    for (const secret of [
      password,
      TOKEN,
      basicHeader.slice('Basic '.length),
      BASIC_USER.password,
      'wrong-token-value',
      'cookie-secret-value',
    ]) {
      assert.ok(!text.includes(secret), `the log holds ${secret}`);
    }
  });

  it('logs each request with its id, and a fault with the error and the request id', async () => {
    const created = await send(server, 'POST', '/Users', { body: user('faulty') });
    const id = created.json<{ id: string }>().id;
    const response = await send(server, 'DELETE', `/Users/${id}`, {
      headers: { 'x-request-id': 'fault-42' },
    });
    assert.equal(response.statusCode, 500);
    assert.ok(!response.body.includes('backend connection reset'));
    const lines = log.lines().filter((line) => line['reqId'] === 'fault-42');
    assert.ok(lines.some((line) => line['msg'] === 'request completed'));
    const fault = lines.find((line) => line['level'] === 50);
    assert.ok(fault !== undefined, 'the fault is logged at error level');
    assert.match(JSON.stringify(fault['err']), /backend connection reset/);
    assert.equal(fault['requestId'], 'fault-42');
  });
});

describe('http: logging a fault', () => {
  const password = 'Leaky-Pa55word-in-a-message';
  const backendToken = 'backend-api-token-7c1d';
  const stored = 'Stored-Pa55word-never-sent';
  /** What getUsers quotes in its error: the test sets it to the credentials the request sends. */
  let echo = '';

  /** A server whose every write fails with an error quoting what it was given, as careless backends do. */
  async function faultyServer(log: ReturnType<typeof capture>): Promise<ScimServer> {
    const leak = (what: string): never => {
      const error = new Error(`backend refused ${what}`, { cause: new Error(`inner: ${what}`) });
      // An HTTP client's error often carries the request it made, its credentials included.
      Object.assign(error, { config: { headers: { Authorization: `Bearer ${backendToken}` } } });
      throw error;
    };
    const service: ScimService = {
      async createUser(user) {
        return leak(JSON.stringify(user));
      },
      async getUser(id) {
        // A backend that hands back the password it holds: a read-apply-update PATCH passes it on.
        return {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          id,
          userName: 'u',
          password: stored,
        };
      },
      async updateUser(_id, user) {
        return leak(JSON.stringify(user));
      },
      async getUsers() {
        return leak(`the credentials ${echo}`);
      },
    };
    const { server } = await testServer({
      service,
      capabilities: [],
      logger: { stream: log.stream, level: 'debug' },
    });
    return server;
  }

  it('keeps the error and its cause, but no secret of the request, no password read for it, none of the error’s other fields', async () => {
    const log = capture();
    const server = await faultyServer(log);
    try {
      const created = await send(server, 'POST', '/Users', { body: user('leaky', { password }) });
      assert.equal(created.statusCode, 500);
      const put = await send(server, 'PUT', '/scim/v1/Users/u1', {
        body: { schemas: ['urn:scim:schemas:core:1.0'], userName: 'u', password: `${password}-11` },
        contentType: 'application/json',
      });
      assert.equal(put.statusCode, 500);
      const patched = await send(server, 'PATCH', '/Users/u1', {
        body: { Operations: [{ op: 'replace', path: 'password', value: `${password}-patched` }] },
      });
      assert.equal(patched.statusCode, 500);
      const deactivated = await send(server, 'PATCH', '/Users/u1', {
        body: { Operations: [{ op: 'replace', value: { active: false } }] },
      });
      assert.equal(deactivated.statusCode, 500);
      const basicHeader = basic(BASIC_USER.username, BASIC_USER.password);
      for (const [authorization, quoted] of [
        [`Bearer ${TOKEN}`, TOKEN],
        [basicHeader, `${basicHeader} ${BASIC_USER.username}:${BASIC_USER.password}`],
      ] as const) {
        echo = quoted;
        assert.equal((await send(server, 'GET', '/Users', { authorization })).statusCode, 500);
      }
      const faults = log.lines().filter((line) => line['level'] === 50);
      assert.equal(faults.length, 6);
      for (const fault of faults) assert.equal((fault['err'] as { type: string }).type, 'Error');
      const text = log.text();
      assert.match(text, /backend refused/);
      assert.match(text, /inner: /);
      for (const secret of [
        password,
        stored,
        TOKEN,
        BASIC_USER.password,
        basicHeader.slice('Basic '.length),
        backendToken,
      ]) {
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
      }
    } finally {
      await server.close();
    }
  });
});

describe('http: logger options', () => {
  it('keeps the built-in redactions and adds the caller’s, given as an array or as { paths }', () => {
    for (const redact of [['req.body.secret'], { paths: ['req.body.secret'] }]) {
      const options = loggerOptions({ level: 'warn', redact }) as {
        level: string;
        redact: { paths: string[] };
      };
      assert.equal(options.level, 'warn');
      assert.ok(options.redact.paths.includes('req.headers.authorization'));
      assert.ok(options.redact.paths.includes('req.body.secret'));
    }
    assert.equal(loggerOptions(false), false);
    assert.equal((loggerOptions(undefined) as { level: string }).level, 'info');
  });

  it('writes JSON lines to a file in batches, each line there within a moment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scim-log-'));
    const file = join(dir, 'server.log');
    const options = loggerOptions({ file }, false) as { stream?: { minLength?: number }; file?: string };
    // Batches: a write per few kilobytes of lines, not one per line (the most of a request's CPU under load).
    assert.ok((options.stream?.minLength ?? 0) >= 4096, 'the destination batches its writes');
    assert.equal(options.file, undefined);
    const { server } = await testServer({ logger: { file } });
    try {
      for (let i = 0; i < 3; i++) await send(server, 'GET', '/Users');
      let completed = 0;
      for (let tries = 0; tries < 100 && completed < 3; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const text = await readFile(file, 'utf8').catch(() => '');
        completed = text.split('\n').filter((line) => line.includes('"request completed"')).length;
      }
      assert.equal(completed, 3, 'every request reached the file');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes the lines still batched when the process exits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scim-log-'));
    const file = join(dir, 'server.log');
    try {
      const { stream, ...options } = loggerOptions({ file }, false) as LoggerOptions & {
        stream: DestinationStream;
      };
      pino(options, stream).info('far less than a batch');
      assert.equal(await readFile(file, 'utf8'), '', 'the line waits for its batch');
      assert.ok(process.listeners('exit').includes(flushLogFiles), 'written when the process exits');
      flushLogFiles();
      assert.match(await readFile(file, 'utf8'), /"msg":"far less than a batch"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
