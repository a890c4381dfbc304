// Replays the original Okta tester's sample requests against /scim/v1 of a MemoryStore seeded with the example data.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { ScimServer } from '../src/http/create-scim-server.js';
import type { MemoryStore } from '../src/stores/memory-store.js';
import {
  CORE_11,
  exampleServer,
  fixture,
  LIST_11,
  OKTA_GROUP_URN,
  OKTA_USER_URN,
  plusFilter,
  send11,
  type ErrorBody11,
  type List11,
} from './support/okta-example-server.js';

type Resource11 = Record<string, unknown> & { id: string; schemas: string[] };

/** What every 1.1 response must be: plain JSON whose `schemas` holds the 1.1 core URN. */
function body11<T>(response: LightMyRequestResponse, status: number): T {
  assert.equal(response.statusCode, status, response.body.slice(0, 400));
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json<{ schemas: string[] }>();
  assert.ok(body.schemas.includes(CORE_11), `schemas ${JSON.stringify(body.schemas)}`);
  return body as T;
}

function list11(response: LightMyRequestResponse): List11 {
  const list = body11<List11>(response, 200);
  assert.ok(list.schemas.includes(LIST_11));
  assert.ok(Array.isArray(list.Resources));
  return list;
}

function assertError11(response: LightMyRequestResponse, status: number): ErrorBody11 {
  const error = body11<ErrorBody11>(response, status);
  assert.equal(error.errors.length, 1);
  assert.equal(error.errors[0]?.statusCode, status);
  assert.match(error.errors[0]?.internalCode ?? '', /^E\d{7}$/);
  assert.equal(error.errors[0]?.help_url, null);
  assert.equal(error.status, String(status));
  assert.equal(typeof error.detail, 'string');
  assert.equal(error.detail, error.errors[0]?.description);
  return error;
}

function assertNoPassword(resource: Record<string, unknown>): void {
  assert.ok(
    !Object.keys(resource).some((key) => key.toLowerCase() === 'password'),
    'a password was returned',
  );
}

/** The tester makes userNames unique per run so that a replay never collides with an earlier one. */
function uniqueUser(name: string, run: string): Record<string, unknown> {
  const body = fixture(name);
  const unique = (value: unknown) => `${run}.${String(value)}`;
  return {
    ...body,
    userName: unique(body['userName']),
    emails: (body['emails'] as Record<string, unknown>[]).map((email) => ({
      ...email,
      value: unique(email['value']),
    })),
  };
}

const CREATE_FIXTURES: [string, { active: boolean; custom: boolean }][] = [
  ['createNewUser', { active: true, custom: false }],
  ['createNewUser-withCustomExtension', { active: true, custom: true }],
  ['createNewUser-withGroups', { active: true, custom: false }],
  ['createPendingUser', { active: false, custom: false }],
  ['createPendingUser-withCustomExtension', { active: false, custom: true }],
];

describe('scim 1.1: replay of the original Okta tester against /scim/v1', () => {
  let server: ScimServer;
  let store: MemoryStore;
  const run = randomUUID().slice(0, 8);

  beforeEach(async () => {
    ({ server, store } = await exampleServer());
  });
  afterEach(() => server.close());

  it('getImplementedUserManagementCapabilities: GET /ServiceProviderConfigs lists every capability', async () => {
    const config = body11<Record<string, unknown>>(
      await send11(server, 'GET', '/ServiceProviderConfigs'),
      200,
    );
    assert.deepEqual(config['schemas'], [CORE_11, 'urn:okta:schemas:scim:providerconfig:1.0']);
    const okta = config['urn:okta:schemas:scim:providerconfig:1.0'] as {
      userManagementCapabilities: string[];
    };
    assert.ok(okta.userManagementCapabilities.includes('GROUP_PUSH'));
    assert.ok(okta.userManagementCapabilities.includes('OPP_SCIM_INCREMENTAL_IMPORTS'));
  });

  for (const [name, want] of CREATE_FIXTURES) {
    it(`${name}: POST 201 with an id, found by userName eq (spaces as +), readable by id`, async () => {
      const sent = uniqueUser(name, run);
      const created = body11<Resource11>(await send11(server, 'POST', '/Users', { body: sent }), 201);
      assert.equal(typeof created.id, 'string');
      assert.notEqual(created.id, '');
      assert.equal(created['userName'], sent['userName']);
      assert.equal(created['active'], want.active);
      assertNoPassword(created);
      if (want.custom) {
        assert.deepEqual(created[OKTA_USER_URN], sent[OKTA_USER_URN]);
        assert.ok(created.schemas.includes(OKTA_USER_URN));
      }
      const found = list11(
        await send11(server, 'GET', `/Users?${plusFilter(`userName eq "${String(sent['userName'])}"`)}`),
      );
      assert.equal(found.totalResults, 1);
      assert.equal(found.Resources[0]?.['id'], created.id);
      const read = body11<Resource11>(await send11(server, 'GET', `/Users/${created.id}`), 200);
      assert.equal(read['userName'], sent['userName']);
      assertNoPassword(read);
      const stored = await store.getUser(created.id);
      assert.equal(stored['password'], sent['password'], 'the password pushed on create is kept');
      // A user's groups are read-only: the sample that carries them joins no group by it.
      assert.equal(read['groups'], undefined);
      const again = await send11(server, 'POST', '/Users', { body: sent });
      assertError11(again, 409);
    });
  }

  it('checkUserExists: email eq "…" OR email eq "…" finds both seed users', async () => {
    const filter = 'email eq "bjensen@example.com" OR email eq "jsmith@example.com"';
    const found = list11(await send11(server, 'GET', `/Users?${plusFilter(filter)}`));
    assert.equal(found.totalResults, 2);
    assert.deepEqual(found.Resources.map((r) => r['id']).sort(), ['101', '102']);
    const one = list11(
      await send11(server, 'GET', `/Users?filter=${encodeURIComponent('email eq "BJENSEN@example.com"')}`),
    );
    assert.deepEqual(
      one.Resources.map((r) => r['userName']),
      ['admin'],
    );
    const none = list11(
      await send11(
        server,
        'GET',
        `/Users?${plusFilter('email eq "nobody@example.com" OR email eq "none@example.com"')}`,
      ),
    );
    assert.equal(none.totalResults, 0);
    assert.deepEqual(none.Resources, []);
  });

  it("the agent's other filters: id eq, name.givenName eq, AND in upper case, the custom-attribute URN", async () => {
    const cases: [string, string[]][] = [
      ['id eq "102"', ['102']],
      ['name.givenName eq "john"', ['101']],
      ['userName eq "okta" AND active eq true', ['101']],
      [`${OKTA_USER_URN}:departmentName eq "Administration"`, ['102']],
      [`${OKTA_USER_URN}:departmentName eq "Cloud Service"`, ['101']],
      [`${OKTA_USER_URN}:isAdmin eq true`, ['102']],
    ];
    for (const [filter, ids] of cases) {
      const found = list11(await send11(server, 'GET', `/Users?${plusFilter(filter)}`));
      assert.deepEqual(
        found.Resources.map((r) => r['id']),
        ids,
        filter,
      );
      for (const resource of found.Resources)
        assert.ok(resource[OKTA_USER_URN] !== undefined, 'the custom extension is under its 1.1 URN');
    }
  });

  it('deactivateUser, activateUser, reactivateUser: PUT of the whole user flips active and keeps the rest', async () => {
    const steps: [string, boolean][] = [
      ['deactivateUser', false],
      ['activateUser', true],
      ['deactivateUser', false],
      ['reactivateUser', true],
    ];
    for (const [name, active] of steps) {
      const body = fixture(name);
      const put = body11<Resource11>(
        await send11(server, 'PUT', `/Users/${String(body['id'])}`, { body }),
        200,
      );
      assert.equal(put['active'], active, name);
      const read = body11<Resource11>(await send11(server, 'GET', '/Users/101'), 200);
      assert.equal(read['active'], active, name);
      assert.equal(read['userName'], 'okta');
      assert.deepEqual(read[OKTA_USER_URN], {
        isAdmin: false,
        isOkta: true,
        departmentName: 'Cloud Service',
      });
    }
  });

  it('createPendingUser then activate: the pending user becomes active by a PUT of itself', async () => {
    const pending = uniqueUser('createPendingUser', run);
    const created = body11<Resource11>(await send11(server, 'POST', '/Users', { body: pending }), 201);
    assert.equal(created['active'], false);
    const activated = body11<Resource11>(
      await send11(server, 'PUT', `/Users/${created.id}`, {
        body: { ...pending, id: created.id, active: true },
      }),
      200,
    );
    assert.equal(activated['active'], true);
    assert.equal(activated.id, created.id);
  });

  it('pushPasswordUpdate: the new password is stored and never returned', async () => {
    const body = fixture('pushPasswordUpdate');
    const put = body11<Resource11>(await send11(server, 'PUT', '/Users/101', { body }), 200);
    assertNoPassword(put);
    assertNoPassword(body11<Resource11>(await send11(server, 'GET', '/Users/101'), 200));
    for (const resource of list11(await send11(server, 'GET', '/Users')).Resources)
      assertNoPassword(resource);
    assert.equal((await store.getUser('101'))['password'], 'this-is-my-new-password');
  });

  it('pushProfileUpdate: name, email and the custom attribute change', async () => {
    const body = fixture('pushProfileUpdate');
    body11<Resource11>(await send11(server, 'PUT', '/Users/101', { body }), 200);
    const read = body11<Resource11>(await send11(server, 'GET', '/Users/101'), 200);
    assert.deepEqual(read['name'], { givenName: 'John', familyName: 'Taylor' });
    assert.deepEqual(read['emails'], [{ value: 'jtaylor@example.com', primary: true, type: 'work' }]);
    assert.equal(
      (read[OKTA_USER_URN] as Record<string, unknown>)['departmentName'],
      'Cloud Service Management',
    );
    const found = list11(
      await send11(server, 'GET', `/Users?${plusFilter('email eq "jtaylor@example.com"')}`),
    );
    assert.deepEqual(
      found.Resources.map((r) => r['id']),
      ['101'],
    );
  });

  it('importUserProfile and downloadUsers: the seed in 1.1 form, custom attributes under the Okta URN, no passwords', async () => {
    const user = body11<Resource11>(await send11(server, 'GET', '/Users/102'), 200);
    assert.equal(user['userName'], 'admin');
    assert.equal(user['active'], false);
    assert.deepEqual(user[OKTA_USER_URN], { isAdmin: true, isOkta: false, departmentName: 'Administration' });
    assert.deepEqual(user['groups'], [{ value: '1002', display: 'secondGroup', type: 'direct' }]);
    assertNoPassword(user);
    const users = list11(await send11(server, 'GET', '/Users?startIndex=1&count=100'));
    assert.equal(users.totalResults, 2);
    assert.deepEqual(
      users.Resources.map((r) => r['userName']),
      ['admin', 'okta'],
    );
    for (const resource of users.Resources) assertNoPassword(resource);
  });

  it('downloadGroups: the seed groups, with the group description under urn:okta:custom:group:1.0', async () => {
    const groups = list11(await send11(server, 'GET', '/Groups?startIndex=1&count=100'));
    assert.equal(groups.totalResults, 2);
    const first = groups.Resources.find((g) => g['id'] === '1001');
    assert.deepEqual(first?.['schemas'], [CORE_11, OKTA_GROUP_URN]);
    assert.deepEqual(first?.[OKTA_GROUP_URN], { description: 'This is the first group' });
    assert.deepEqual(first?.['members'], [{ value: '101', display: 'okta' }]);
  });

  it('createGroup, duplicate 409, getGroupById, updateGroup, deleteGroup', async () => {
    const sent = fixture('createGroup');
    const created = body11<Resource11>(await send11(server, 'POST', '/Groups', { body: sent }), 201);
    assert.notEqual(created.id, 'AppGroup-02', 'the server assigns its own id');
    assert.equal(created['displayName'], 'AppGroup-04');
    assert.deepEqual(created[OKTA_GROUP_URN], { description: 'This is the second group' });
    assert.deepEqual(
      (created['members'] as { value: string }[]).map((m) => m.value),
      ['101', '102'],
    );

    const duplicate = assertError11(await send11(server, 'POST', '/Groups', { body: sent }), 409);
    assert.equal(duplicate.scimType, 'uniqueness');

    const read = body11<Resource11>(await send11(server, 'GET', `/Groups/${created.id}`), 200);
    assert.equal(read['displayName'], 'AppGroup-04');

    const update = fixture('updateGroup');
    const updated = body11<Resource11>(
      await send11(server, 'PUT', `/Groups/${String(update['id'])}`, { body: update }),
      200,
    );
    assert.equal(updated['displayName'], 'AppGroup-Changed');
    assert.deepEqual(updated[OKTA_GROUP_URN], { description: 'This is the changed first group' });
    const admin = body11<Resource11>(await send11(server, 'GET', '/Users/102'), 200);
    assert.deepEqual(admin['groups'], [
      { value: '1002', display: 'AppGroup-Changed', type: 'direct' },
      { value: created.id, display: 'AppGroup-04', type: 'direct' },
    ]);

    const deleted = await send11(server, 'DELETE', `/Groups/${created.id}`);
    assert.equal(deleted.statusCode, 204);
    assertError11(await send11(server, 'GET', `/Groups/${created.id}`), 404);
    const after = body11<Resource11>(await send11(server, 'GET', '/Users/102'), 200);
    assert.deepEqual(after['groups'], [{ value: '1002', display: 'AppGroup-Changed', type: 'direct' }]);
  });

  it('404 with a 1.1 error body (errors and detail) on unknown ids', async () => {
    const cases: [string, string, unknown?][] = [
      ['GET', '/Users/no-such-user'],
      ['PUT', '/Users/no-such-user', fixture('pushProfileUpdate')],
      ['GET', '/Groups/no-such-group'],
      ['PUT', '/Groups/no-such-group', fixture('updateGroup')],
      ['DELETE', '/Groups/no-such-group'],
    ];
    for (const [method, path, body] of cases) {
      const error = assertError11(
        await send11(server, method, path, body === undefined ? {} : { body }),
        404,
      );
      assert.equal(error.errors[0]?.internalCode, 'E0000048', `${method} ${path}`);
    }
  });

  it('incremental import: meta.lastModified gt "<yyyy-MM-ddTHH:mm:ssZ>" finds only what changed since', async () => {
    let clock = new Date('2024-01-01T00:00:00Z');
    await server.close();
    ({ server, store } = await exampleServer({ now: () => clock }));
    clock = new Date('2024-02-01T12:00:00Z');
    body11(await send11(server, 'PUT', '/Users/101', { body: fixture('pushProfileUpdate') }), 200);
    const created = body11<Resource11>(
      await send11(server, 'POST', '/Users', { body: uniqueUser('createNewUser', run) }),
      201,
    );
    const since = (stamp: string) =>
      send11(server, 'GET', `/Users?${plusFilter(`meta.lastModified gt "${stamp}"`)}&startIndex=1&count=100`);
    const changed = list11(await since('2024-01-31T10:00:00Z'));
    assert.deepEqual(changed.Resources.map((r) => r['id']).sort(), ['101', created.id].sort());
    assert.equal(list11(await since('2024-02-01T12:00:00Z')).totalResults, 0);
    assert.equal(list11(await since('2023-12-31T23:59:59Z')).totalResults, 3);
  });

  it('paging the 1.1 way: pages only with both startIndex and count, capped at maxResults, negatives refused', async () => {
    await server.close();
    ({ server, store } = await exampleServer({ server: { maxResults: 4 } }));
    for (let i = 0; i < 5; i++) {
      body11(
        await send11(server, 'POST', '/Users', { body: uniqueUser('createNewUser', `${run}-${i}`) }),
        201,
      );
    }
    const seen: unknown[] = [];
    for (let startIndex = 1; startIndex <= 7; startIndex += 3) {
      const page = list11(await send11(server, 'GET', `/Users?startIndex=${startIndex}&count=3`));
      assert.equal(page.totalResults, 7);
      assert.equal(page.startIndex, startIndex);
      assert.equal(page.itemsPerPage, page.Resources.length);
      seen.push(...page.Resources.map((r) => r['id']));
    }
    assert.equal(seen.length, 7);
    assert.equal(new Set(seen).size, 7);

    for (const query of ['', '?count=2', '?startIndex=3', '?startIndex=2&count=100']) {
      const list = list11(await send11(server, 'GET', `/Users${query}`));
      assert.equal(list.totalResults, 7, query);
      assert.equal(list.Resources.length, 4, `${query}: capped at maxResults`);
    }
    const plain = list11(await send11(server, 'GET', '/Users'));
    assert.equal(plain.startIndex, undefined, 'an unpaged list carries no startIndex');
    assert.equal(plain.itemsPerPage, undefined);
    const unpaged = list11(await send11(server, 'GET', '/Users?count=2'));
    assert.deepEqual(
      unpaged.Resources.map((r) => r['id']),
      seen.slice(0, 4),
      'count alone does not page',
    );
    for (const query of ['count=2', 'startIndex=3']) {
      const half = list11(await send11(server, 'GET', `/Users?${query}`));
      assert.equal(half.startIndex, undefined, `${query} alone: no paging fields`);
      assert.equal(half.itemsPerPage, undefined, `${query} alone: no paging fields`);
    }
    const fromTwo = list11(await send11(server, 'GET', '/Users?startIndex=2&count=100'));
    assert.deepEqual(
      fromTwo.Resources.map((r) => r['id']),
      seen.slice(1, 5),
    );

    for (const query of [
      'startIndex=-1&count=10',
      'startIndex=1&count=-1',
      'count=-5',
      'startIndex=abc&count=1',
      'count=1.5',
      'startIndex=1&count=',
    ]) {
      const error = assertError11(await send11(server, 'GET', `/Users?${query}`), 400);
      assert.equal(error.scimType, 'invalidValue', query);
    }
  });
});
