// appFetch against a loopback server: each auth scheme's header, OAuth 2.0 tokens cached and refreshed once on a 401, timeouts and network failures as 503.
import { strict as assert } from 'node:assert';
import { appFetch, type AppAuth } from '../../src/app.js';
import { ScimError } from '../../src/protocol/errors.js';
import { json, startAppServer, type AppServer } from './app-server.js';

const TIMEOUT_MS = 2000;

describe('appFetch: credentials on every call', () => {
  let app: AppServer;
  before(async () => {
    app = await startAppServer((_seen, response) => json(response, 200, { ok: true }));
  });
  after(() => app.close());

  const CASES: { title: string; auth: AppAuth; header: string; value: string | undefined }[] = [
    {
      title: 'none: no authorization header',
      auth: { type: 'none' },
      header: 'authorization',
      value: undefined,
    },
    { title: 'bearer', auth: { type: 'bearer', token: 't0k' }, header: 'authorization', value: 'Bearer t0k' },
    {
      title: 'Basic: user and password base64-encoded',
      auth: { type: 'basic', username: 'svc', password: 'p:ss' },
      header: 'authorization',
      value: `Basic ${Buffer.from('svc:p:ss').toString('base64')}`,
    },
    {
      title: 'API key in its own header',
      auth: { type: 'apiKey', header: 'X-Api-Key', value: 'k-123' },
      header: 'x-api-key',
      value: 'k-123',
    },
  ];
  for (const c of CASES) {
    it(c.title, async () => {
      const fetcher = appFetch({ auth: c.auth, timeoutMs: TIMEOUT_MS, credentials: 'APP_SECRET' });
      const response = await fetcher(new Request(`${app.url}/things`));
      assert.equal(response.status, 200);
      assert.equal(app.seen.at(-1)?.headers[c.header], c.value);
    });
  }
});

describe('appFetch: OAuth 2.0 client credentials', () => {
  let app: AppServer;
  let issued = 0;
  /** Tokens the API refuses once, as if they had expired. */
  const expired = new Set<string>();
  /** Whether the API refuses every token. */
  let refuseAll = false;

  before(async () => {
    app = await startAppServer((seen, response) => {
      if (seen.path === '/token') {
        const basic = `Basic ${Buffer.from('client:secret').toString('base64')}`;
        if (seen.headers.authorization !== basic) return json(response, 401, { error: 'invalid_client' });
        const form = new URLSearchParams(seen.body);
        assert.equal(form.get('grant_type'), 'client_credentials');
        assert.equal(form.get('scope'), 'read write');
        issued += 1;
        return json(response, 200, { access_token: `token-${issued}`, expires_in: 3600 });
      }
      const token = (seen.headers.authorization ?? '').replace('Bearer ', '');
      if (refuseAll || expired.has(token)) return json(response, 401, { message: 'expired' });
      return json(response, 200, { token });
    });
  });
  after(() => app.close());
  beforeEach(() => {
    issued = 0;
    expired.clear();
    refuseAll = false;
  });

  const oauth = (clientSecret = 'secret'): AppAuth => ({
    type: 'oauth2',
    tokenUrl: `${app.url}/token`,
    clientId: 'client',
    clientSecret,
    scope: 'read write',
  });

  it('fetches a token once and reuses it until it expires', async () => {
    const fetcher = appFetch({ auth: oauth(), timeoutMs: TIMEOUT_MS, credentials: 'APP_CLIENT_SECRET' });
    for (let i = 0; i < 3; i++) assert.equal((await fetcher(new Request(`${app.url}/x`))).status, 200);
    assert.equal(issued, 1);
  });

  it('on a 401 fetches a new token and tries once more', async () => {
    const fetcher = appFetch({ auth: oauth(), timeoutMs: TIMEOUT_MS, credentials: 'APP_CLIENT_SECRET' });
    await fetcher(new Request(`${app.url}/x`));
    expired.add('token-1');
    const before = app.seen.length;
    const response = await fetcher(new Request(`${app.url}/x`, { method: 'POST', body: '{"a":1}' }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { token: 'token-2' });
    const retried = app.seen.slice(before).filter((s) => s.path === '/x');
    assert.deepEqual(
      retried.map((s) => s.body),
      ['{"a":1}', '{"a":1}'],
      'the retry sends the same body',
    );
  });

  it('refreshes only once: a second 401 is the answer', async () => {
    const fetcher = appFetch({ auth: oauth(), timeoutMs: TIMEOUT_MS, credentials: 'APP_CLIENT_SECRET' });
    refuseAll = true;
    const response = await fetcher(new Request(`${app.url}/x`));
    assert.equal(response.status, 401);
    assert.equal(issued, 2);
  });

  it('a token endpoint refusing the client is 502 naming the settings to check', async () => {
    const fetcher = appFetch({
      auth: oauth('wrong'),
      timeoutMs: TIMEOUT_MS,
      credentials: 'APP_CLIENT_SECRET',
    });
    await assert.rejects(fetcher(new Request(`${app.url}/x`)), (error: unknown) => {
      assert.ok(error instanceof ScimError);
      assert.equal(error.status, 502);
      assert.match(error.message, /APP_CLIENT_SECRET/);
      assert.doesNotMatch(error.message, /wrong/, 'the secret stays out of the message');
      return true;
    });
  });
});

describe('appFetch: a call that gets no answer is 503', () => {
  it('times out a call the app does not answer', async () => {
    // The server never answers; the timeout is short so the test runs quickly.
    const app = await startAppServer(() => undefined);
    try {
      const fetcher = appFetch({ auth: { type: 'none' }, timeoutMs: 100, credentials: '' });
      await assert.rejects(fetcher(new Request(`${app.url}/slow`)), (error: unknown) => {
        assert.ok(error instanceof ScimError);
        assert.equal(error.status, 503);
        assert.match(error.message, /no answer to GET \/slow within 100 ms/);
        assert.ok((error.retryAfter ?? 0) > 0);
        return true;
      });
    } finally {
      await app.close();
    }
  });

  it('a refused connection is 503', async () => {
    const app = await startAppServer(() => undefined);
    const url = app.url;
    await app.close();
    const fetcher = appFetch({ auth: { type: 'none' }, timeoutMs: TIMEOUT_MS, credentials: '' });
    await assert.rejects(fetcher(new Request(`${url}/gone`)), (error: unknown) => {
      assert.ok(error instanceof ScimError);
      assert.equal(error.status, 503);
      assert.match(error.message, /GET \/gone failed/);
      return true;
    });
  });
});
