// The SCIM 2.0 routes over a MemoryStore: every route and status, ETags, projection, paging, method gate, errors.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { DEFAULT_BODY_LIMIT } from '../src/http/server-options.js';
import type { ScimResource } from '../src/protocol/resource.js';
import { AppRefusedError, AppUnavailableError, NotImplementedError } from '../src/service/errors.js';
import type { ScimService } from '../src/service/scim-service.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { BASE, group, send, testServer, user } from './support/scim-test-server.js';

interface ListBody {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimResource[];
}

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The store's methods, bound, minus the named ones: a connector that implements less. */
function serviceWithout(store: MemoryStore, ...omit: string[]): ScimService {
  const service: Record<string, unknown> = {};
  for (const name of [
    'createUser',
    'updateUser',
    'getUser',
    'getUsers',
    'deleteUser',
    'createGroup',
    'updateGroup',
    'getGroup',
    'getGroups',
    'deleteGroup',
  ]) {
    if (!omit.includes(name))
      service[name] = (store[name as keyof MemoryStore] as (...a: unknown[]) => unknown).bind(store);
  }
  return service;
}

describe('http: resource routes (SCIM 2.0)', () => {
  let server: ScimServer;

  beforeEach(async () => {
    ({ server } = await testServer());
  });
  afterEach(() => server.close());

  async function create(userName: string, extra: Record<string, unknown> = {}): Promise<ScimResource> {
    const response = await send(server, 'POST', '/Users', { body: user(userName, extra) });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<ScimResource>();
  }

  it('lists an empty directory with integer paging fields and Resources present', async () => {
    const response = await send(server, 'GET', '/Users');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/scim+json; charset=utf-8');
    assert.deepEqual(response.json(), {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('creates a user: 201, Location = meta.location, ETag, password never returned', async () => {
    const response = await send(server, 'POST', '/Users', {
      body: user('bjensen', { password: 'hunter2-secret' }),
    });
    assert.equal(response.statusCode, 201);
    const body = response.json<ScimResource>();
    assert.equal(typeof body.id, 'string');
    assert.equal(body.meta?.location, `http://localhost:80${BASE}/Users/${body.id}`);
    assert.equal(response.headers.location, body.meta?.location);
    assert.equal(response.headers.etag, body.meta?.version);
    assert.equal(body.meta?.resourceType, 'User');
    assert.equal(body['password'], undefined);
    assert.ok(!response.body.includes('hunter2-secret'));
  });

  it('accepts application/json and a charset parameter as well as application/scim+json', async () => {
    for (const contentType of [
      'application/json',
      'application/json; charset=utf-8',
      'application/scim+json; charset=UTF-8',
    ]) {
      const response = await send(server, 'POST', '/Users', {
        body: user(`ct-${contentType.length}-${contentType.slice(-3)}`),
        contentType,
      });
      assert.equal(response.statusCode, 201, `${contentType}: ${response.body}`);
    }
  });

  it('gets one user, answers 304 to a matching If-None-Match, 404 with a SCIM error for an unknown id', async () => {
    const created = await create('reader');
    const response = await send(server, 'GET', `/Users/${created.id}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json<ScimResource>().userName, 'reader');
    const etag = String(response.headers.etag);
    const notModified = await send(server, 'GET', `/Users/${created.id}`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
    const changed = await send(server, 'GET', `/Users/${created.id}`, {
      headers: { 'if-none-match': 'W/"0"' },
    });
    assert.equal(changed.statusCode, 200);
    const missing = await send(server, 'GET', '/Users/nobody');
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(Object.keys(missing.json<object>()).sort(), ['detail', 'schemas', 'status']);
    assert.equal(missing.json<{ status: string }>().status, '404');
  });

  it('replaces a user with PUT, honouring If-Match (412 on another version)', async () => {
    const created = await create('putter');
    const stale = await send(server, 'PUT', `/Users/${created.id}`, {
      body: user('putter', { active: false }),
      headers: { 'if-match': 'W/"999"' },
    });
    assert.equal(stale.statusCode, 412);
    const response = await send(server, 'PUT', `/Users/${created.id}`, {
      body: user('putter', { active: false }),
      headers: { 'if-match': String(created.meta?.version) },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json<ScimResource>()['active'], false);
    assert.notEqual(response.headers.etag, created.meta?.version);
    const star = await send(server, 'PUT', `/Users/${created.id}`, {
      body: user('putter'),
      headers: { 'if-match': '*' },
    });
    assert.equal(star.statusCode, 200);
  });

  it('patches by reading, applying and updating when the service has no patchUser', async () => {
    const created = await create('patcher');
    const response = await send(server, 'PATCH', `/Users/${created.id}`, {
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Replace', value: { active: false, 'name.givenName': 'Pat' } }],
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<ScimResource & { name: { givenName: string } }>();
    assert.equal(body['active'], false);
    assert.equal(body.name.givenName, 'Pat');
    const empty = await send(server, 'PATCH', `/Users/${created.id}`, {
      body: { schemas: [PATCH_OP], Operations: [] },
    });
    assert.equal(empty.statusCode, 200);
    assert.equal(empty.headers.etag, response.headers.etag, 'an empty PATCH changes nothing');
  });

  it('refuses a POST or a PATCH that leaves a user attribute with over 1,000 values (SCIM_ERR_TOO_MANY_VALUES)', async () => {
    const emails = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ value: `e${from + i}@example.com` }));
    const over = await send(server, 'POST', '/Users', { body: user('over', { emails: emails(0, 1_001) }) });
    assert.equal(over.statusCode, 400, over.body);
    assert.equal(over.json<{ scimType: string }>().scimType, 'invalidValue');
    const created = await create('full', { emails: emails(0, 1_000) });
    const patched = await send(server, 'PATCH', `/Users/${created.id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'emails', value: emails(1_000, 1) }] },
    });
    assert.equal(patched.statusCode, 400, patched.body);
    assert.match(patched.json<{ detail: string }>().detail, /"emails" has more than 1000 values/);
  });

  it('hands PATCH to patchUser when the service has it, and answers 204 when it returns nothing', async () => {
    const store = new MemoryStore();
    const seen: unknown[] = [];
    const service: ScimService = {
      ...serviceWithout(store),
      async patchUser(id, operations) {
        seen.push({ id, operations });
        return undefined;
      },
    };
    await server.close();
    ({ server } = await testServer({ service }));
    const created = await create('native');
    const response = await send(server, 'PATCH', `/Users/${created.id}`, {
      body: { Operations: [{ op: 'replace', path: 'active', value: false }] },
    });
    assert.equal(response.statusCode, 204);
    assert.deepEqual(seen, [
      { id: created.id, operations: [{ op: 'replace', path: 'active', value: false }] },
    ]);
  });

  it('deletes with 204, after which the user is gone; DELETE with a stale If-Match is 412', async () => {
    const created = await create('leaver');
    const stale = await send(server, 'DELETE', `/Users/${created.id}`, { headers: { 'if-match': 'W/"42"' } });
    assert.equal(stale.statusCode, 412);
    const response = await send(server, 'DELETE', `/Users/${created.id}`, {
      headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    assert.equal(response.statusCode, 204, 'a JSON Content-Type on a DELETE without body is fine');
    assert.equal(response.body, '');
    assert.equal((await send(server, 'GET', `/Users/${created.id}`)).statusCode, 404);
  });

  it('pages: startIndex below 1 is 1, a negative count is 0, a count above maxResults is capped', async () => {
    await server.close();
    ({ server } = await testServer({ maxResults: 3 }));
    for (const name of ['a', 'b', 'c', 'd', 'e']) await create(`pager-${name}`);
    const cases: [
      string,
      { query: string; want: { startIndex: number; itemsPerPage: number; first?: string } },
    ][] = [
      [
        'unpaged, capped at maxResults',
        { query: '', want: { startIndex: 1, itemsPerPage: 3, first: 'pager-a' } },
      ],
      [
        'startIndex 0 read as 1',
        { query: '?startIndex=0&count=2', want: { startIndex: 1, itemsPerPage: 2, first: 'pager-a' } },
      ],
      [
        'startIndex -5 read as 1',
        { query: '?startIndex=-5&count=1', want: { startIndex: 1, itemsPerPage: 1, first: 'pager-a' } },
      ],
      ['negative count read as 0', { query: '?count=-3', want: { startIndex: 1, itemsPerPage: 0 } }],
      [
        'count above maxResults',
        { query: '?startIndex=2&count=100', want: { startIndex: 2, itemsPerPage: 3, first: 'pager-b' } },
      ],
      ['past the end', { query: '?startIndex=10&count=2', want: { startIndex: 10, itemsPerPage: 0 } }],
      [
        'parameter names in any case',
        { query: '?startindex=4&COUNT=1', want: { startIndex: 4, itemsPerPage: 1, first: 'pager-d' } },
      ],
    ];
    for (const [name, { query, want }] of cases) {
      const body = (await send(server, 'GET', `/Users${query}`)).json<ListBody>();
      assert.equal(body.totalResults, 5, name);
      assert.equal(body.startIndex, want.startIndex, name);
      assert.equal(body.itemsPerPage, want.itemsPerPage, name);
      assert.equal(body.Resources.length, want.itemsPerPage, name);
      if (want.first !== undefined) assert.equal(body.Resources[0]?.['userName'], want.first, name);
    }
  });

  it('filters, sorts and projects list pages; projects single resources', async () => {
    await create('zed', { title: 'Boss' });
    const amy = await create('amy', { title: 'Engineer' });
    const filtered = (
      await send(server, 'GET', `/Users?filter=${encodeURIComponent('title eq "engineer"')}`)
    ).json<ListBody>();
    assert.deepEqual(
      filtered.Resources.map((r) => r['userName']),
      ['amy'],
      'title is not caseExact',
    );
    const sw = (
      await send(server, 'GET', `/Users?filter=${encodeURIComponent('userName sw "A"')}`)
    ).json<ListBody>();
    assert.deepEqual(
      sw.Resources.map((r) => r['userName']),
      ['amy'],
    );
    const sorted = (
      await send(server, 'GET', '/Users?sortBy=userName&sortOrder=descending')
    ).json<ListBody>();
    assert.deepEqual(
      sorted.Resources.map((r) => r['userName']),
      ['zed', 'amy'],
    );
    const projected = (await send(server, 'GET', '/Users?attributes=userName')).json<ListBody>();
    for (const resource of projected.Resources) {
      assert.deepEqual(
        Object.keys(resource).filter((k) => !['id', 'schemas', 'meta'].includes(k)),
        ['userName'],
      );
    }
    const excluded = (
      await send(server, 'GET', `/Users/${amy.id}?excludedAttributes=emails,name`)
    ).json<ScimResource>();
    assert.equal(excluded['emails'], undefined);
    assert.equal(excluded['name'], undefined);
    assert.equal(excluded['userName'], 'amy');
  });

  it('serves POST /Users/.search, /Groups/.search and /.search over both', async () => {
    const amy = await create('amy');
    await create('bob');
    const created = await send(server, 'POST', '/Groups', {
      body: group('Admins', [{ value: String(amy.id) }]),
    });
    assert.equal(created.statusCode, 201);
    const users = (
      await send(server, 'POST', '/Users/.search', {
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
          filter: 'userName eq "BOB"',
          attributes: ['userName'],
        },
      })
    ).json<ListBody>();
    assert.deepEqual(
      users.Resources.map((r) => r['userName']),
      ['bob'],
    );
    const groups = (
      await send(server, 'POST', '/Groups/.search', { body: { startIndex: 1, count: 10 } })
    ).json<ListBody>();
    assert.deepEqual(
      groups.Resources.map((r) => r['displayName']),
      ['Admins'],
    );
    const all = (
      await send(server, 'POST', '/.search', { body: { startIndex: 2, count: 2 } })
    ).json<ListBody>();
    assert.equal(all.totalResults, 3);
    assert.equal(all.startIndex, 2);
    assert.deepEqual(
      all.Resources.map((r) => r.meta?.resourceType),
      ['User', 'Group'],
    );
    assert.equal(all.Resources[1]?.['displayName'], 'Admins');
  });

  it('runs the group routes: create 201, get, PUT, PATCH membership, DELETE 204', async () => {
    const amy = await create('amy');
    const created = await send(server, 'POST', '/Groups', { body: group('Team') });
    assert.equal(created.statusCode, 201);
    const id = created.json<ScimResource>().id;
    assert.equal(created.headers.location, `http://localhost:80${BASE}/Groups/${id}`);
    const put = await send(server, 'PUT', `/Groups/${id}`, {
      body: group('Team', [{ value: String(amy.id) }]),
    });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json<{ members: unknown[] }>().members.length, 1);
    const patched = await send(server, 'PATCH', `/Groups/${id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${amy.id}"]` }] },
    });
    // The store's patchGroup answers nothing: 204 (RFC 7644 §3.5.2), the group read back by GET.
    assert.equal(patched.statusCode, 204, patched.body);
    assert.equal(patched.body, '');
    const read = await send(server, 'GET', `/Groups/${id}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json<{ members?: unknown[] }>().members ?? [], []);
    assert.equal((await send(server, 'DELETE', `/Groups/${id}`)).statusCode, 204);
    assert.equal((await send(server, 'GET', `/Groups/${id}`)).statusCode, 404);
  });

  it('answers a group PATCH with 204, or 200 with the group when the client names attributes', async () => {
    const amy = await create('amy');
    const created = await send(server, 'POST', '/Groups', { body: group('Named') });
    const id = String(created.json<ScimResource>().id);
    const add = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: amy.id }] }],
    };
    const plain = await send(server, 'PATCH', `/Groups/${id}`, { body: add });
    assert.equal(plain.statusCode, 204, plain.body);
    const projected = await send(server, 'PATCH', `/Groups/${id}?attributes=displayName`, { body: add });
    assert.equal(projected.statusCode, 200, projected.body);
    assert.deepEqual(Object.keys(projected.json<ScimResource>()).sort(), ['displayName', 'id', 'schemas']);
    assert.ok(projected.headers.etag, 'the answer carries the ETag of the version read');
    const excluded = await send(server, 'PATCH', `/Groups/${id}?excludedAttributes=members`, { body: add });
    assert.equal(excluded.statusCode, 200, excluded.body);
    assert.equal(excluded.json<ScimResource>()['displayName'], 'Named');
    assert.equal(excluded.json<ScimResource>()['members'], undefined);
    const stale = await send(server, 'PATCH', `/Groups/${id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members' }] },
      headers: { 'if-match': 'W/"1"' },
    });
    assert.equal(stale.statusCode, 412, "If-Match still guards the store's patchGroup");
    const members = (await send(server, 'GET', `/Groups/${id}`)).json<{ members: unknown[] }>().members;
    assert.equal(members.length, 1);
  });

  it('applies concurrent PATCHes of one group one after another, so no membership change is lost', async () => {
    const store = new MemoryStore();
    const slowReads: ScimService = {
      ...serviceWithout(store),
      // A backend read takes a while: every PATCH reads before any of them writes.
      getGroup: async (id, ctx) => {
        const found = await store.getGroup(id, ctx);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return found;
      },
    };
    const { server: slow } = await testServer({ service: slowReads });
    try {
      const ids: string[] = [];
      for (const name of ['ann', 'ben', 'cat', 'dan']) {
        ids.push(
          (await send(slow, 'POST', '/Users', { body: user(name) })).json<ScimResource>().id as string,
        );
      }
      const created = await send(slow, 'POST', '/Groups', { body: group('Busy') });
      const groupId = created.json<ScimResource>().id as string;
      const responses = await Promise.all(
        ids.map((value, index) =>
          // Half through each dialect: both serve the same service.
          send(slow, 'PATCH', `${index % 2 === 0 ? BASE : '/scim/v1'}/Groups/${groupId}`, {
            body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value }] }] },
          }),
        ),
      );
      for (const response of responses) assert.equal(response.statusCode, 200, response.body);
      const members = (await store.getGroup(groupId)).members as { value: string }[];
      assert.deepEqual(members.map((m) => m.value).sort(), [...ids].sort());
    } finally {
      await slow.close();
    }
  });

  it('checks If-Match of a PUT only once an earlier write of the resource is done', async () => {
    const store = new MemoryStore();
    const slowReads: ScimService = {
      ...serviceWithout(store),
      getUser: async (id, ctx) => {
        const found = await store.getUser(id, ctx);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return found;
      },
    };
    const { server: slow } = await testServer({ service: slowReads });
    try {
      const created = await send(slow, 'POST', '/Users', { body: user('raced') });
      const { id } = created.json<ScimResource>();
      const etag = created.headers.etag as string;
      const [patched, put] = await Promise.all([
        send(slow, 'PATCH', `/Users/${id}`, {
          body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Boss' }] },
        }),
        send(slow, 'PUT', `/Users/${id}`, { body: user('raced'), headers: { 'if-match': etag } }),
      ]);
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(put.statusCode, 412, 'the PUT names the version the PATCH replaced');
      assert.equal((await store.getUser(id as string))['title'], 'Boss');
    } finally {
      await slow.close();
    }
  });

  it('answers 405 with an Allow header for a method a known route lacks', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/Users', 'GET, POST, HEAD'],
      ['PUT', '/Groups', 'GET, POST, HEAD'],
      ['POST', '/Users/abc', 'GET, PUT, PATCH, DELETE, HEAD'],
      ['POST', '/ServiceProviderConfig', 'GET, HEAD'],
      ['PATCH', '/Schemas', 'GET, HEAD'],
      ['DELETE', '/ResourceTypes/User', 'GET, HEAD'],
      ['GET', '/.search', 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await send(
        server,
        method,
        path,
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      assert.equal(response.statusCode, 405, `${method} ${path}`);
      assert.equal(response.headers.allow, allow, `${method} ${path}`);
      assert.equal(response.json<{ status: string }>().status, '405');
    }
  });

  it('answers 404 with a SCIM error for an unknown route under the base path', async () => {
    for (const path of ['/Nope', '/Users/a/b', '/Userz']) {
      const response = await send(server, 'GET', path);
      assert.equal(response.statusCode, 404, path);
      assert.deepEqual(response.json<{ schemas: string[] }>().schemas, [
        'urn:ietf:params:scim:api:messages:2.0:Error',
      ]);
    }
  });

  it('answers 501 for a route whose service method is missing, or that throws NotImplementedError', async () => {
    const store = new MemoryStore();
    const service: ScimService = {
      ...serviceWithout(store, 'deleteUser', 'getGroups', 'updateGroup', 'createGroup'),
      async createGroup() {
        throw new NotImplementedError('createGroup');
      },
    };
    await server.close();
    ({ server } = await testServer({ service, capabilities: [] }));
    const amy = await create('amy');
    const cases: [string, string, unknown][] = [
      ['DELETE', `/Users/${amy.id}`, undefined],
      ['GET', '/Groups', undefined],
      ['POST', '/Groups/.search', {}],
      ['POST', '/Groups', group('x')],
      ['PUT', '/Groups/g1', group('x')],
      ['PATCH', '/Groups/g1', { Operations: [] }],
    ];
    for (const [method, path, body] of cases) {
      const response = await send(server, method, path, body === undefined ? {} : { body });
      assert.equal(response.statusCode, 501, `${method} ${path}: ${response.body}`);
      assert.equal(response.json<{ status: string }>().status, '501');
    }
  });

  it('answers a thrown non-SCIM error with 500 and no internal detail', async () => {
    const service: ScimService = {
      async getUser() {
        throw new Error('database password is swordfish');
      },
    };
    await server.close();
    ({ server } = await testServer({ service, capabilities: [] }));
    const response = await send(server, 'GET', '/Users/1', { headers: { 'x-request-id': 'req-500-check' } });
    assert.equal(response.statusCode, 500);
    assert.ok(!response.body.includes('swordfish'));
    assert.match(response.json<{ detail: string }>().detail, /req-500-check/);
    assert.equal(response.headers['x-request-id'], 'req-500-check');
  });

  it("answers the app's refusal with 502 and its unavailability with 503 and Retry-After", async () => {
    const service: ScimService = {
      async getUser(id) {
        if (id === 'refused') throw new AppRefusedError('401 from GET /users/refused', 'check APP_TOKEN');
        throw new AppUnavailableError('503 from GET /users/busy', 30);
      },
    };
    await server.close();
    ({ server } = await testServer({ service, capabilities: [] }));
    const refused = await send(server, 'GET', '/Users/refused');
    assert.equal(refused.statusCode, 502);
    assert.match(refused.json<{ detail: string }>().detail, /check APP_TOKEN/);
    assert.equal(refused.headers['retry-after'], undefined);
    const busy = await send(server, 'GET', '/Users/busy');
    assert.equal(busy.statusCode, 503);
    assert.equal(busy.headers['retry-after'], '30');
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const sane = await send(server, 'GET', '/Users', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(sane.headers['x-request-id'], 'abc-123');
    const unsafe = await send(server, 'GET', '/Users', { headers: { 'x-request-id': 'evil\tline' } });
    assert.match(String(unsafe.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it("lets the app take routes of its own after creation, behind auth; router errors outside SCIM keep fastify's shape", async () => {
    server.app.get('/files/:name', async () => ({ ok: true }));
    assert.deepEqual((await send(server, 'GET', '/files/a')).json(), { ok: true });
    assert.equal((await send(server, 'GET', '/files/a', { authorization: null })).statusCode, 401);
    const badUrl = await send(server, 'GET', '/files/%E0%A4%A');
    assert.equal(badUrl.statusCode, 400);
    assert.equal(badUrl.json<{ code: string }>().code, 'FST_ERR_BAD_URL');
    const longParam = await send(server, 'GET', `/files/${'x'.repeat(3000)}`);
    assert.equal(longParam.statusCode, 414);
    const scimLong = await send(server, 'GET', `/Users/${'x'.repeat(3000)}`);
    assert.equal(scimLong.statusCode, 404);
    assert.equal(scimLong.json<{ status: string }>().status, '404');
    const scimLongEnough = await send(server, 'GET', `/Users/${'x'.repeat(2000)}`);
    assert.equal(scimLongEnough.statusCode, 404, 'an id of 2000 characters reaches the service');
    assert.match(scimLongEnough.json<{ detail: string }>().detail, /^User x+ not found$/);
  });

  it('writes meta.location from baseUrl when configured', async () => {
    await server.close();
    ({ server } = await testServer({ baseUrl: 'https://scim.example.com/' }));
    const created = await create('located');
    assert.equal(created.meta?.location, `https://scim.example.com${BASE}/Users/${created.id}`);
  });

  it('answers 413 over bodyLimit, and takes a PUT of a group with 50,000 members under the default limit', async () => {
    await server.close();
    ({ server } = await testServer({ bodyLimit: 2048 }));
    const big = await send(server, 'POST', '/Users', {
      body: user('big', { displayName: 'x'.repeat(4096) }),
    });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json<{ status: string }>().status, '413');

    await server.close();
    ({ server } = await testServer());
    const created = await send(server, 'POST', '/Groups', { body: group('Everyone') });
    const id = created.json<ScimResource>().id;
    const members = Array.from({ length: 50_000 }, (_, i) => ({
      value: `2819c223-7f76-453a-919d-${String(i).padStart(12, '0')}`,
      display: `Member Number ${i}`,
      $ref: `https://scim.example.com/scim/v2/Users/2819c223-7f76-453a-919d-${String(i).padStart(12, '0')}`,
      type: 'User',
    }));
    const body = JSON.stringify(group('Everyone', members));
    const bytesPerMember = Math.round(body.length / members.length);
    console.log(
      `      50,000-member group PUT: ${body.length} bytes (${bytesPerMember} per member), limit ${DEFAULT_BODY_LIMIT}`,
    );
    assert.ok(body.length < DEFAULT_BODY_LIMIT, `${body.length} bytes`);
    const started = Date.now();
    const response = await send(server, 'PUT', `/Groups/${id}`, { body });
    console.log(`      answered ${response.statusCode} in ${Date.now() - started} ms`);
    assert.equal(response.statusCode, 200, response.body.slice(0, 200));
    assert.equal(response.json<{ members: unknown[] }>().members.length, 50_000);
  });
});
