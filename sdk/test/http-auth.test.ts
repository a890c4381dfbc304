// Authentication on every SCIM route: bearer, basic and a custom verifier; 401 with a SCIM body and a challenge.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { Agent, get as httpGet } from 'node:http';
import { createAuthenticator, matchesAny } from '../src/http/auth.js';
import type { ScimServer } from '../src/http/create-scim-server.js';
import type { AuthOptions } from '../src/http/server-options.js';
import { BASIC_USER, basic, send, testServer, TOKEN } from './support/scim-test-server.js';

/** Every SCIM route (ids need not exist: auth comes first), and one unknown path under the base. */
const ROUTES: [string, string][] = [
  ['GET', '/Users'],
  ['POST', '/Users'],
  ['GET', '/Users/u1'],
  ['PUT', '/Users/u1'],
  ['PATCH', '/Users/u1'],
  ['DELETE', '/Users/u1'],
  ['POST', '/Users/.search'],
  ['GET', '/Groups'],
  ['POST', '/Groups'],
  ['GET', '/Groups/g1'],
  ['PUT', '/Groups/g1'],
  ['PATCH', '/Groups/g1'],
  ['DELETE', '/Groups/g1'],
  ['POST', '/Groups/.search'],
  ['POST', '/.search'],
  ['GET', '/ServiceProviderConfig'],
  ['GET', '/ResourceTypes'],
  ['GET', '/ResourceTypes/User'],
  ['GET', '/Schemas'],
  ['GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'],
  ['DELETE', '/Users'],
  ['GET', '/NoSuchEndpoint'],
];

/** The SCIM 1.1 routes the agent uses (no .search in 1.1), and one unknown path under the base. */
const ROUTES_11: [string, string][] = [
  ...ROUTES.filter(([, path]) => !path.includes('.search') && !path.startsWith('/Schemas/urn')),
  ['GET', '/ServiceProviderConfigs'],
  ['GET', '/Schemas/Users'],
];

const CREDENTIALS: [string, { authorization: string | null; accepted: boolean }][] = [
  ['no credentials', { authorization: null, accepted: false }],
  ['a wrong bearer token', { authorization: 'Bearer not-the-token', accepted: false }],
  ['the token as a prefix', { authorization: `Bearer ${TOKEN.slice(0, -1)}`, accepted: false }],
  ['the token under another scheme', { authorization: `Token ${TOKEN}`, accepted: false }],
  ['a wrong basic password', { authorization: basic(BASIC_USER.username, 'wrong'), accepted: false }],
  ['basic with the token as password', { authorization: basic(BASIC_USER.username, TOKEN), accepted: false }],
  ['an empty Authorization', { authorization: '', accepted: false }],
  ['the bearer token', { authorization: `Bearer ${TOKEN}`, accepted: true }],
  ['the bearer token, scheme in lower case', { authorization: `bearer ${TOKEN}`, accepted: true }],
  ['basic credentials', { authorization: basic(BASIC_USER.username, BASIC_USER.password), accepted: true }],
];

function bodyFor(method: string): unknown {
  return method === 'GET' || method === 'DELETE' ? undefined : {};
}

describe('http: authentication', () => {
  let server: ScimServer;
  before(async () => {
    ({ server } = await testServer({
      auth: { bearerTokens: ['another-token', TOKEN], basic: [BASIC_USER] },
    }));
  });
  after(() => server.close());

  for (const [credentialName, { authorization, accepted }] of CREDENTIALS) {
    it(`${accepted ? 'lets in' : 'refuses'} ${credentialName} on every route`, async () => {
      for (const [method, path] of ROUTES) {
        const body = bodyFor(method);
        const response = await send(server, method, path, {
          authorization,
          ...(body === undefined ? {} : { body }),
        });
        if (accepted) {
          assert.notEqual(response.statusCode, 401, `${method} ${path}`);
          continue;
        }
        assert.equal(response.statusCode, 401, `${method} ${path}`);
        assert.equal(
          response.headers['www-authenticate'],
          'Bearer realm="scim", Basic realm="scim", charset="UTF-8"',
        );
        const error = response.json<{ schemas: string[]; status: string }>();
        assert.deepEqual(error.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
        assert.equal(error.status, '401');
      }
    });
  }

  it('refuses a request without accepted credentials on every SCIM 1.1 route, with a 1.1 error body', async () => {
    for (const authorization of [null, 'Bearer not-the-token', basic(BASIC_USER.username, 'wrong')]) {
      for (const [method, path] of ROUTES_11) {
        const body = bodyFor(method);
        const response = await send(server, method, `/scim/v1${path}`, {
          authorization,
          ...(body === undefined ? {} : { body, contentType: 'application/json' }),
        });
        assert.equal(response.statusCode, 401, `${method} ${path}`);
        assert.ok(response.headers['www-authenticate'] !== undefined);
        const error = response.json<{ errors: { statusCode: number }[] }>();
        assert.equal(error.errors[0]?.statusCode, 401, `${method} ${path}`);
      }
    }
    for (const [method, path] of ROUTES_11) {
      const body = bodyFor(method);
      const response = await send(server, method, `/scim/v1${path}`, {
        ...(body === undefined ? {} : { body, contentType: 'application/json' }),
      });
      assert.notEqual(response.statusCode, 401, `${method} ${path}`);
    }
  });

  it('serves /healthz without credentials', async () => {
    const response = await send(server, 'GET', '/healthz', { authorization: null });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  it('asks a custom verifier, which sees the headers', async () => {
    const seen: (string | undefined)[] = [];
    const { server: custom } = await testServer({
      auth: {
        verify: async ({ authorization, headers }) => {
          seen.push(authorization);
          return headers['x-api-key'] === 'k-123';
        },
        realm: 'custom',
      },
    });
    try {
      for (const [method, path] of ROUTES) {
        const body = bodyFor(method);
        const refused = await send(custom, method, path, {
          authorization: 'Bearer x',
          ...(body === undefined ? {} : { body }),
        });
        assert.equal(refused.statusCode, 401, `${method} ${path}`);
        assert.equal(refused.headers['www-authenticate'], 'Bearer realm="custom"');
        const accepted = await send(custom, method, path, {
          authorization: null,
          headers: { 'x-api-key': 'k-123' },
          ...(body === undefined ? {} : { body }),
        });
        assert.notEqual(accepted.statusCode, 401, `${method} ${path}`);
      }
      assert.ok(seen.includes('Bearer x'));
    } finally {
      await custom.close();
    }
  });

  it("serves everything without credentials only when auth is the explicit 'none'", async () => {
    const { server: open } = await testServer({ auth: 'none' });
    try {
      const response = await send(open, 'GET', '/Users', { authorization: null });
      assert.equal(response.statusCode, 200);
    } finally {
      await open.close();
    }
  });

  it('compares against every allowed token (constant-time over hashes)', () => {
    const hashes = ['one', 'two', 'three'].map((t) => createHash('sha256').update(t).digest());
    assert.equal(matchesAny('two', hashes), true);
    assert.equal(matchesAny('three', hashes), true);
    assert.equal(matchesAny('tw', hashes), false);
    assert.equal(matchesAny('', hashes), false);
  });

  describe('the verdict known without the verifier', () => {
    const tokenOnly = { bearerTokens: [TOKEN], basic: [BASIC_USER] };
    const withVerifier = { ...tokenOnly, verify: () => Promise.resolve(true) };
    const cases: [string, AuthOptions | 'none', string | undefined, boolean | undefined][] = [
      ["auth 'none', no credentials", 'none', undefined, true],
      ['the token', tokenOnly, `Bearer ${TOKEN}`, true],
      ['Basic credentials', tokenOnly, basic(BASIC_USER.username, BASIC_USER.password), true],
      ['a wrong token, no verifier', tokenOnly, 'Bearer wrong', false],
      ['no credentials, no verifier', tokenOnly, undefined, false],
      ['the token, with a verifier too', withVerifier, `Bearer ${TOKEN}`, true],
      ['a wrong token: the verifier decides', withVerifier, 'Bearer wrong', undefined],
      ['no credentials: the verifier decides', withVerifier, undefined, undefined],
    ];
    for (const [what, options, authorization, verdict] of cases) {
      it(`${what}: ${String(verdict)}`, async () => {
        let asked = 0;
        const auth = createAuthenticator(
          typeof options === 'string' || options.verify === undefined
            ? options
            : { ...options, verify: () => Promise.resolve((asked += 1) > 0) },
        );
        const headers = authorization === undefined ? {} : { authorization };
        assert.equal(auth.known(headers, {}), verdict);
        assert.equal(asked, 0, 'known never asks the verifier');
        // check agrees wherever known has a verdict, and asks the verifier where it has none.
        assert.equal(await auth.check(headers, {}), verdict ?? true);
        assert.equal(asked, verdict === undefined ? 1 : 0);
      });
    }
  });

  it('reads Basic credentials with a colon in the password, and refuses a malformed header', async () => {
    const auth = createAuthenticator({ basic: [{ username: 'u', password: 'p:a:ss' }] });
    assert.equal(await auth.check({ authorization: basic('u', 'p:a:ss') }), true);
    assert.equal(await auth.check({ authorization: 'Basic' }), false);
    assert.equal(await auth.check({ authorization: 'Basic !!!notbase64' }), false);
    assert.equal(await auth.check({}), false);
  });
});

describe('http: credentials accepted on a connection', () => {
  const WRONG_SAME_LENGTH = `Bearer ${'x'.repeat(TOKEN.length)}`;
  // Each step: the header sent on one of two connections, and whether it is let in.
  const steps: [string, 'a' | 'b', string | undefined, boolean][] = [
    ['the token, first time on a', 'a', `Bearer ${TOKEN}`, true],
    ['the token again on a', 'a', `Bearer ${TOKEN}`, true],
    ['a wrong token as long as it, on a', 'a', WRONG_SAME_LENGTH, false],
    ['a wrong token of another length, on a', 'a', 'Bearer short', false],
    ['no header, on a', 'a', undefined, false],
    ['the token once more on a', 'a', `Bearer ${TOKEN}`, true],
    ['a wrong token on b, where nothing was accepted', 'b', WRONG_SAME_LENGTH, false],
    ['basic credentials on b', 'b', basic(BASIC_USER.username, BASIC_USER.password), true],
    ['the token on b, after basic', 'b', `Bearer ${TOKEN}`, true],
    ['wrong basic credentials on b', 'b', basic(BASIC_USER.username, 'wrong-pw!'), false],
  ];

  it('recognises the header accepted before and nothing else, connection by connection', async () => {
    const auth = createAuthenticator({ bearerTokens: [TOKEN], basic: [BASIC_USER] });
    const connections = { a: {}, b: {} };
    for (const [what, on, authorization, accepted] of steps) {
      const headers = authorization === undefined ? {} : { authorization };
      assert.equal(await auth.check(headers, connections[on]), accepted, what);
    }
  });

  it('never remembers a header a custom verifier accepted: it decides every request', async () => {
    const answers = [true, false];
    const auth = createAuthenticator({ verify: () => Promise.resolve(answers.shift() ?? false) });
    const connection = {};
    assert.equal(await auth.check({ authorization: 'Bearer v' }, connection), true);
    assert.equal(await auth.check({ authorization: 'Bearer v' }, connection), false);
  });

  it('refuses a wrong token on a keep-alive connection where the token was accepted', async () => {
    const { server } = await testServer();
    const url = new URL(`${await server.listen()}/scim/v2/Users`);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (authorization: string) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const request = httpGet(url, { agent, headers: { authorization } }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, socket: request.socket }));
        });
        request.on('error', reject);
      });
    try {
      const first = await get(`Bearer ${TOKEN}`);
      const wrong = await get(WRONG_SAME_LENGTH);
      const again = await get(`Bearer ${TOKEN}`);
      assert.deepEqual([first.status, wrong.status, again.status], [200, 401, 200]);
      assert.equal(wrong.socket, first.socket, 'the same connection');
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
