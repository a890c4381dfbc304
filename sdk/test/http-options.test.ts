// Start-up checks of the server options: capabilities against service methods, explicit auth, transport, paths.
import { strict as assert } from 'node:assert';
import Fastify from 'fastify';
import { createScimServer } from '../src/http/create-scim-server.js';
import { scimPlugin } from '../src/http/scim-plugin.js';
import {
  checkTransport,
  isLoopbackHost,
  resolvePluginOptions,
  type ScimPluginOptions,
} from '../src/http/server-options.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { TOKEN } from './support/scim-test-server.js';

const AVAILABLE = new Map([['2.0', '/scim/v2']] as const);

function options(overrides: Partial<ScimPluginOptions> = {}): ScimPluginOptions {
  return {
    service: new MemoryStore(),
    capabilities: ['PUSH_NEW_USERS'],
    auth: { bearerTokens: [TOKEN] },
    ...overrides,
  };
}

describe('http: server options', () => {
  it('fills in the defaults', () => {
    const resolved = resolvePluginOptions(options(), AVAILABLE);
    assert.equal(resolved.maxResults, 1000);
    assert.equal(resolved.bodyLimit, 16 * 1024 * 1024);
    assert.deepEqual(resolved.dialects, [{ dialect: '2.0', basePath: '/scim/v2' }]);
    assert.equal(resolved.baseUrl, undefined);
  });

  it('names every method the capabilities need and the service lacks, with the capabilities needing it', () => {
    const service = { getUsers: async () => ({ resources: [], totalResults: 0 }) };
    assert.throws(
      () =>
        resolvePluginOptions(
          options({ service, capabilities: ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'GROUP_PUSH'] }),
          AVAILABLE,
        ),
      (err: Error) => {
        assert.match(err.message, /createUser \(needed by PUSH_NEW_USERS\)/);
        assert.match(err.message, /updateUser \(needed by PUSH_PROFILE_UPDATES\)/);
        assert.match(err.message, /getUser \(needed by PUSH_PROFILE_UPDATES\)/);
        assert.match(err.message, /deleteGroup \(needed by GROUP_PUSH\)/);
        assert.doesNotMatch(err.message, /getUsers/);
        return true;
      },
    );
  });

  const refused: [string, { given: Partial<ScimPluginOptions>; want: RegExp }][] = [
    ['auth missing', { given: { auth: undefined as unknown as 'none' }, want: /auth is required/ }],
    ['auth with no scheme', { given: { auth: {} }, want: /auth has no scheme/ }],
    ['an empty token', { given: { auth: { bearerTokens: [''] } }, want: /bearerTokens/ }],
    [
      'a realm with a line break',
      { given: { auth: { bearerTokens: ['t'], realm: 'scim\r\nX-Injected: 1' } }, want: /auth\.realm/ },
    ],
    [
      'basic without a password',
      { given: { auth: { basic: [{ username: 'u', password: '' }] } }, want: /non-empty password/ },
    ],
    [
      'unknown capability',
      {
        given: { capabilities: ['PUSH_EVERYTHING' as 'PUSH_NEW_USERS'] },
        want: /unknown capability "PUSH_EVERYTHING"/,
      },
    ],
    ['maxResults zero', { given: { maxResults: 0 }, want: /maxResults must be a positive integer/ }],
    ['bodyLimit fractional', { given: { bodyLimit: 1.5 }, want: /bodyLimit must be a positive integer/ }],
    [
      'a base path ending in /',
      {
        given: { dialects: { '2.0': { basePath: '/scim/' } } },
        want: /basePath/,
      },
    ],
    ['every dialect off', { given: { dialects: { '2.0': false } }, want: /every dialect is turned off/ }],
    [
      'a dialect this build lacks',
      { given: { dialects: { '1.1': { basePath: '/v1' } } }, want: /dialect '1.1' is not available/ },
    ],
    ['a relative baseUrl', { given: { baseUrl: 'scim.example.com' }, want: /baseUrl must be an absolute/ }],
  ];
  for (const [name, { given, want }] of refused) {
    it(`refuses ${name}`, () => assert.throws(() => resolvePluginOptions(options(given), AVAILABLE), want));
  }

  it('moves a dialect to another base path', () => {
    const resolved = resolvePluginOptions(
      options({ dialects: { '2.0': { basePath: '/api/scim' } } }),
      AVAILABLE,
    );
    assert.deepEqual(resolved.dialects, [{ dialect: '2.0', basePath: '/api/scim' }]);
  });

  it('allows plain HTTP on loopback only, unless allowHttp or tls is given', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['0.0.0.0', '10.0.0.5', '::', 'scim.example.com'])
      assert.ok(!isLoopbackHost(host), host);
    assert.throws(
      () => checkTransport({ host: '0.0.0.0' }),
      /refusing plain HTTP on 0\.0\.0\.0.*allowHttp: true/,
    );
    checkTransport({ host: '0.0.0.0', allowHttp: true });
    checkTransport({ host: '0.0.0.0', tls: { key: 'k', cert: 'c' } });
    checkTransport({});
    await assert.rejects(
      createScimServer({ ...options(), host: '0.0.0.0', logger: false }),
      /refusing plain HTTP/,
    );
  });

  it('mounts as a plugin in an existing fastify app, beside its own routes and under its prefix', async () => {
    const app = Fastify();
    app.get('/own', async () => ({ mine: true }));
    await app.register(scimPlugin, { ...options(), dialects: { '2.0': { basePath: '/v2' }, '1.1': false } });
    await app.register(scimPlugin, {
      ...options({ auth: 'none' }),
      dialects: { '2.0': { basePath: '/scim' }, '1.1': false },
    });
    try {
      assert.deepEqual((await app.inject({ method: 'GET', url: '/own' })).json(), { mine: true });
      const own404 = await app.inject({ method: 'GET', url: '/elsewhere' });
      assert.equal(own404.statusCode, 404);
      assert.equal(
        own404.headers['content-type'],
        'application/json; charset=utf-8',
        "the app's own 404 is untouched",
      );
      const refused = await app.inject({ method: 'GET', url: '/v2/Users' });
      assert.equal(refused.statusCode, 401);
      const list = await app.inject({
        method: 'GET',
        url: '/v2/Users',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(list.statusCode, 200);
      const open = await app.inject({ method: 'GET', url: '/scim/ServiceProviderConfig' });
      assert.equal(open.statusCode, 200);
      assert.match(
        open.json<{ meta: { location: string } }>().meta.location,
        /\/scim\/ServiceProviderConfig$/,
      );
    } finally {
      await app.close();
    }
  });

  // Mounted in a host app, the plugin's own gate is the only one: the server's gate never saw the request.
  const pluginVerdicts: [string, () => Promise<boolean>, number][] = [
    ['accepts', () => Promise.resolve(true), 200],
    ['refuses', () => Promise.resolve(false), 401],
    ['fails', () => Promise.reject(new Error('directory unreachable')), 500],
  ];
  for (const [name, verify, status] of pluginVerdicts) {
    it(`mounted as a plugin, answers ${status} when the verifier ${name}`, async () => {
      const app = Fastify();
      await app.register(scimPlugin, {
        ...options({ auth: { verify } }),
        dialects: { '2.0': { basePath: '/v2' }, '1.1': false },
      });
      try {
        const response = await app.inject({
          method: 'GET',
          url: '/v2/Users',
          headers: { authorization: 'Bearer anything' },
        });
        assert.equal(response.statusCode, status, response.body);
        assert.ok(response.headers['x-request-id'], 'the request id header is set');
        assert.ok(!response.body.includes('directory unreachable'), 'the fault itself is not shown');
      } finally {
        await app.close();
      }
    });
  }

  it('createScimServer throws at start-up when a capability needs a missing method', async () => {
    await assert.rejects(
      createScimServer({ ...options({ service: {}, capabilities: ['GROUP_PUSH'] }), logger: false }),
      /createGroup \(needed by GROUP_PUSH\)/,
    );
  });

  it('fails registration when a capability needs a missing method', async () => {
    const app = Fastify();
    await assert.rejects(async () => {
      await app.register(scimPlugin, options({ service: {}, capabilities: ['IMPORT_NEW_USERS'] }));
    }, /getUsers \(needed by IMPORT_NEW_USERS\); getGroups \(needed by IMPORT_NEW_USERS\)/);
  });
});
