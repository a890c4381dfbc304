// What outside clients send: any-case and trailing-slash paths, 405 before the body, auth before router errors, charsets, encodings, huge paging values.
import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { URN } from '../src/protocol/resource.js';
import type { MemoryStore } from '../src/stores/memory-store.js';
import { send, testServer, TOKEN, user } from './support/scim-test-server.js';

interface DialectCase {
  name: string;
  base: string;
  contentType: string;
  user(userName: string): Record<string, unknown>;
  /** The discovery endpoints, as the dialect names them. */
  discovery: string[];
}

const DIALECTS: DialectCase[] = [
  {
    name: 'SCIM 2.0',
    base: '/scim/v2',
    contentType: 'application/scim+json',
    user: (userName) => user(userName),
    discovery: ['/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/User', '/Schemas'],
  },
  {
    name: 'SCIM 1.1',
    base: '/scim/v1',
    contentType: 'application/json',
    user: (userName) => ({ schemas: [URN.core11], userName, name: { givenName: 'A', familyName: 'B' } }),
    discovery: ['/ServiceProviderConfigs', '/ServiceProviderConfig', '/ResourceTypes', '/Schemas'],
  },
];

/** The error body's detail in either dialect. */
function detailOf(body: string): string {
  const parsed = JSON.parse(body) as { detail?: string };
  return parsed.detail ?? '';
}

describe('http: interop with clients no one here wrote (both dialects)', () => {
  let server: ScimServer;
  let store: MemoryStore;

  beforeEach(async () => {
    ({ server, store } = await testServer());
  });
  afterEach(() => server.close());

  for (const d of DIALECTS) {
    describe(d.name, () => {
      async function createUser(userName: string): Promise<string> {
        const response = await send(server, 'POST', `${d.base}/Users`, {
          body: d.user(userName),
          contentType: d.contentType,
        });
        assert.equal(response.statusCode, 201, response.body);
        return response.json<{ id: string }>().id;
      }

      it('matches resource and discovery paths in any case, with or without a trailing slash', async () => {
        const id = await createUser('casey');
        const paths = [
          '/users',
          '/USERS',
          '/Users/',
          '/users/',
          `/users/${id}`,
          `/Users/${id}/`,
          '/groups',
          '/Groups/',
          ...d.discovery.flatMap((p) => [p.toLowerCase(), `${p}/`]),
          '/schemas/' + (d.base === '/scim/v2' ? URN.user : `${URN.core11}:User`),
        ];
        for (const path of paths) {
          const response = await send(server, 'GET', `${d.base}${path}`);
          assert.equal(response.statusCode, 200, `${path}: ${response.body}`);
        }
      });

      if (d.base === '/scim/v2') {
        it('serves .search in any case, with a trailing slash', async () => {
          await createUser('searcher');
          for (const path of ['/users/.search', '/Users/.SEARCH/', '/.Search/']) {
            const response = await send(server, 'POST', `${d.base}${path}`, {
              body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'] },
            });
            assert.equal(response.statusCode, 200, `${path}: ${response.body}`);
            assert.equal(response.json<{ totalResults: number }>().totalResults, 1, path);
          }
        });
      }

      it('lists with a filter at /Users/?filter=…, not "User  not found"', async () => {
        await createUser('trailing');
        const response = await send(server, 'GET', `${d.base}/Users/?filter=userName%20eq%20%22trailing%22`);
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.json<{ totalResults: number }>().totalResults, 1);
      });

      it('answers 405 to a method the endpoint lacks before reading the body (Okta: POST "test")', async () => {
        const targets: [string, string][] = [
          ...d.discovery.flatMap((path) =>
            ['POST', 'PUT', 'PATCH', 'DELETE'].map((method): [string, string] => [method, path]),
          ),
          ['POST', '/users/some-id/'],
          ['PUT', '/Users'],
          ['PATCH', '/groups/'],
          ['DELETE', '/Groups'],
          ...(d.base === '/scim/v2' ? ([['GET', '/users/.SEARCH']] as [string, string][]) : []),
        ];
        for (const [method, path] of targets) {
          const response = await send(server, method, `${d.base}${path}`, {
            body: 'test',
            contentType: 'application/json',
          });
          assert.equal(response.statusCode, 405, `${method} ${path}: ${response.body}`);
          assert.ok(response.headers.allow, `${method} ${path} names the allowed methods`);
        }
      });

      it('serves every URN the ServiceProviderConfig lists at /Schemas/{urn}, and lists it at /Schemas', async () => {
        const config = await send(server, 'GET', `${d.base}${d.discovery[0]}`);
        const { schemas } = config.json<{ schemas: string[] }>();
        assert.ok(schemas.includes(URN.oktaProviderConfig));
        const okta = await send(server, 'GET', `${d.base}/Schemas/${URN.oktaProviderConfig}`);
        assert.equal(okta.statusCode, 200, okta.body);
        const definition = okta.json<{ id: string; attributes: { name: string; multiValued: boolean }[] }>();
        assert.equal(definition.id, URN.oktaProviderConfig);
        assert.deepEqual(
          definition.attributes.map((a) => [a.name, a.multiValued]),
          [['userManagementCapabilities', true]],
        );
        const all = await send(server, 'GET', `${d.base}/Schemas`);
        const ids = all.json<{ Resources: { id: string }[] }>().Resources.map((r) => r.id);
        assert.ok(ids.includes(URN.oktaProviderConfig), ids.join(', '));
        if (d.base === '/scim/v2') {
          for (const urn of schemas.filter((u) => u !== URN.serviceProviderConfig)) {
            const served = await send(server, 'GET', `${d.base}/Schemas/${urn}`);
            assert.equal(served.statusCode, 200, `${urn}: ${served.body}`);
          }
        }
      });

      it('answers 401 and nothing else to unauthenticated requests, router errors and unknown paths included', async () => {
        const paths = [
          `${d.base}/Users/${'x'.repeat(2049)}`,
          `${d.base}/Users/%zz`,
          `${d.base}/Nowhere`,
          '/nowhere',
          '/scim/v3/Users',
          `${d.base}/ServiceProviderConfig`,
        ];
        for (const path of paths) {
          const response = await send(server, 'GET', path, { authorization: null });
          assert.equal(response.statusCode, 401, `${path}: ${response.body}`);
          assert.doesNotMatch(response.body, /not found|percent|longer/i, path);
          assert.match(String(response.headers['www-authenticate']), /Bearer/);
        }
        const health = await send(server, 'GET', '/healthz', { authorization: null });
        assert.equal(health.statusCode, 200);
      });

      it('still answers router errors as SCIM errors once authenticated', async () => {
        const long = await send(server, 'GET', `${d.base}/Users/${'x'.repeat(2049)}`);
        assert.equal(long.statusCode, 404, long.body);
        const bad = await send(server, 'GET', `${d.base}/Users/%zz`);
        assert.equal(bad.statusCode, 400, bad.body);
      });

      it('refuses invalid UTF-8 with 400 invalidSyntax and stores nothing', async () => {
        const text = JSON.stringify(d.user('bad-utf8-XX'));
        const bytes = Buffer.from(text, 'utf8');
        const at = bytes.indexOf('XX');
        bytes[at] = 0xc3;
        bytes[at + 1] = 0x28;
        const response = await server.app.inject({
          method: 'POST',
          url: `${d.base}/Users`,
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': d.contentType },
          payload: bytes,
        });
        assert.equal(response.statusCode, 400, response.body);
        assert.match(detailOf(response.body), /UTF-8/);
        assert.equal(
          (await store.getUsers({ startIndex: 1, count: 10, sortOrder: 'ascending' }, ctx)).totalResults,
          0,
        );
      });

      it('answers 415 to a charset other than UTF-8, and accepts UTF-8 in any spelling', async () => {
        for (const charset of ['iso-8859-1', 'utf-16', 'windows-1252']) {
          const response = await send(server, 'POST', `${d.base}/Users`, {
            body: d.user(`charset-${charset}`),
            contentType: `${d.contentType}; charset=${charset}`,
          });
          assert.equal(response.statusCode, 415, `${charset}: ${response.body}`);
          assert.match(detailOf(response.body), new RegExp(charset, 'i'));
        }
        for (const [i, charset] of ['UTF-8', 'utf8', '"utf-8"'].entries()) {
          const response = await send(server, 'POST', `${d.base}/Users`, {
            body: d.user(`utf8-${i}`),
            contentType: `${d.contentType}; charset=${charset}`,
          });
          assert.equal(response.statusCode, 201, `${charset}: ${response.body}`);
        }
        assert.equal(
          (await store.getUsers({ startIndex: 1, count: 10, sortOrder: 'ascending' }, ctx)).totalResults,
          3,
        );
      });

      it('answers 415 naming the encoding to a gzip (or any) Content-Encoding, and stores nothing', async () => {
        for (const encoding of ['gzip', 'deflate', 'br']) {
          const response = await server.app.inject({
            method: 'POST',
            url: `${d.base}/Users`,
            headers: {
              authorization: `Bearer ${TOKEN}`,
              'content-type': d.contentType,
              'content-encoding': encoding,
            },
            payload: gzipSync(JSON.stringify(d.user(`enc-${encoding}`))),
          });
          assert.equal(response.statusCode, 415, `${encoding}: ${response.body}`);
          assert.match(detailOf(response.body), new RegExp(encoding));
        }
        const identity = await send(server, 'POST', `${d.base}/Users`, {
          body: d.user('identity'),
          contentType: d.contentType,
          headers: { 'content-encoding': 'identity' },
        });
        assert.equal(identity.statusCode, 201, identity.body);
        assert.equal(
          (await store.getUsers({ startIndex: 1, count: 10, sortOrder: 'ascending' }, ctx)).totalResults,
          1,
        );
      });

      it('clamps paging numbers beyond any integer instead of answering 400', async () => {
        await createUser('pager');
        const cases: { query: string; total: number; items: number }[] = [
          { query: 'count=100000000000000000000', total: 1, items: 1 },
          { query: 'startIndex=1&count=100000000000000000000', total: 1, items: 1 },
          { query: 'startIndex=100000000000000000000&count=10', total: 1, items: 0 },
          { query: 'startIndex=1&count=99999999999999999999999999999999999999999', total: 1, items: 1 },
        ];
        for (const c of cases) {
          const response = await send(server, 'GET', `${d.base}/Users?${c.query}`);
          assert.equal(response.statusCode, 200, `${c.query}: ${response.body}`);
          const body = response.json<{ totalResults: number; Resources: unknown[] }>();
          assert.equal(body.totalResults, c.total, c.query);
          assert.equal(body.Resources.length, c.items, c.query);
        }
      });
    });
  }

  it('answers a failing verifier with 500 on every path, router errors included, never the fault itself', async () => {
    await server.close();
    let calls = 0;
    ({ server } = await testServer({
      auth: {
        verify: () => {
          calls++;
          return Promise.reject(new Error('introspection down for token s3cret-token'));
        },
      },
    }));
    const paths = ['/scim/v2/Users', '/scim/v1/Users/%zz', `/scim/v2/Users/${'x'.repeat(2049)}`, '/nowhere'];
    for (const path of paths) {
      calls = 0;
      const response = await send(server, 'GET', path, { authorization: 'Bearer s3cret-token' });
      assert.equal(response.statusCode, 500, `${path}: ${response.body}`);
      assert.doesNotMatch(response.body, /s3cret|introspection|not found/, path);
      assert.equal(calls, 1, `${path}: the verifier runs once per request`);
    }
  });

  it('clamps huge numbers in a .search body too (SCIM 2.0)', async () => {
    const response = await send(server, 'POST', '/scim/v2/Users/.search', {
      body: '{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":1e20,"startIndex":100000000000000000000}',
    });
    assert.equal(response.statusCode, 200, response.body);
  });
});

const ctx = { requestId: 'test', dialect: '2.0' as const };
