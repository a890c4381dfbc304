// Okta's SCIM 2.0 provisioning sequences (okta-provisioning.md) end to end over HTTP, against a MemoryStore.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import type { ScimResource } from '../src/protocol/resource.js';
import { basic, BASIC_USER, group, send, testServer, user } from './support/scim-test-server.js';

interface ListBody {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimResource[];
}

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const OKTA = { 'user-agent': 'Okta SCIM Client 1.0.0' };

describe('http: Okta SCIM 2.0 sequences', () => {
  let server: ScimServer;
  beforeEach(async () => {
    ({ server } = await testServer());
  });
  afterEach(() => server.close());

  it('create: look up by userName (none), POST 201, duplicate POST 409 with a SCIM error', async () => {
    const lookup = await send(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "new.hire@example.com"')}&startIndex=1&count=100`,
      { headers: OKTA },
    );
    assert.equal(lookup.statusCode, 200);
    assert.equal(lookup.json<ListBody>().totalResults, 0);
    assert.deepEqual(lookup.json<ListBody>().Resources, []);
    const created = await send(server, 'POST', '/Users', {
      body: user('new.hire@example.com', { password: 'Init1al!' }),
      headers: OKTA,
    });
    assert.equal(created.statusCode, 201);
    assert.equal(typeof created.json<ScimResource>().id, 'string');
    const duplicate = await send(server, 'POST', '/Users', {
      body: user('new.hire@example.com'),
      headers: OKTA,
    });
    assert.equal(duplicate.statusCode, 409);
    const error = duplicate.json<{ schemas: string[]; status: string; scimType: string; detail: string }>();
    assert.deepEqual(error.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(error.status, '409');
    assert.equal(error.scimType, 'uniqueness');
  });

  it('matches userName case-insensitively, with + or %20 for spaces in the filter', async () => {
    const created = await send(server, 'POST', '/Users', { body: user('Mixed.Case@Example.com') });
    const id = created.json<ScimResource>().id;
    for (const query of [
      'filter=userName+eq+%22mixed.case%40example.com%22',
      'filter=userName%20eq%20%22MIXED.CASE@EXAMPLE.COM%22',
    ]) {
      const found = (await send(server, 'GET', `/Users?${query}&startIndex=1&count=100`)).json<ListBody>();
      assert.equal(found.totalResults, 1, query);
      assert.equal(found.Resources[0]?.id, id);
    }
  });

  it('import: pages of 100 over 250 users, integer paging fields, stable order, every user once', async () => {
    for (let i = 0; i < 250; i++) {
      const response = await send(server, 'POST', '/Users', {
        body: user(`user${String(i).padStart(3, '0')}@example.com`),
      });
      assert.equal(response.statusCode, 201);
    }
    const seen: string[] = [];
    for (let startIndex = 1; ; startIndex += 100) {
      const page = (
        await send(server, 'GET', `/Users?startIndex=${startIndex}&count=100`, { headers: OKTA })
      ).json<ListBody>();
      assert.ok(
        Number.isInteger(page.totalResults) &&
          Number.isInteger(page.startIndex) &&
          Number.isInteger(page.itemsPerPage),
      );
      assert.equal(page.totalResults, 250);
      assert.equal(page.startIndex, startIndex);
      assert.equal(page.itemsPerPage, page.Resources.length);
      seen.push(...page.Resources.map((r) => String(r['userName'])));
      if (startIndex + 100 > page.totalResults) break;
    }
    assert.equal(seen.length, 250);
    assert.equal(new Set(seen).size, 250);
    const again = (await send(server, 'GET', '/Users?startIndex=101&count=100')).json<ListBody>();
    assert.deepEqual(
      again.Resources.map((r) => r['userName']),
      seen.slice(100, 200),
    );
  });

  it('deactivates with PUT of the whole user (after a GET), and with PATCH, answering the user', async () => {
    const created = (
      await send(server, 'POST', '/Users', { body: user('leaving@example.com') })
    ).json<ScimResource>();
    const read = await send(server, 'GET', `/Users/${created.id}`, { headers: OKTA });
    const whole = { ...read.json<ScimResource>(), active: false };
    const put = await send(server, 'PUT', `/Users/${created.id}`, { body: whole, headers: OKTA });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json<ScimResource>()['active'], false);
    const reactivated = await send(server, 'PUT', `/Users/${created.id}`, {
      body: { ...whole, active: true },
    });
    assert.equal(reactivated.json<ScimResource>()['active'], true);
    const patch = await send(server, 'PATCH', `/Users/${created.id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
      headers: OKTA,
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.equal(patch.json<ScimResource>()['active'], false);
    const stored = (await send(server, 'GET', `/Users/${created.id}`)).json<ScimResource>();
    assert.equal(stored['active'], false);
  });

  it('pushes a password with PATCH and never returns it', async () => {
    const created = (
      await send(server, 'POST', '/Users', { body: user('pw@example.com', { password: 'Old-Pa55' }) })
    ).json<ScimResource>();
    const patch = await send(server, 'PATCH', `/Users/${created.id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { password: 'New-Pa55-Secret' } }] },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.ok(!patch.body.includes('New-Pa55-Secret'));
    assert.equal(patch.json<ScimResource>()['password'], undefined);
  });

  it('group push: POST, rename by PATCH with id in the value, add and remove members, DELETE 204', async () => {
    const alice = (
      await send(server, 'POST', '/Users', { body: user('alice@example.com') })
    ).json<ScimResource>();
    const bob = (
      await send(server, 'POST', '/Users', { body: user('bob@example.com') })
    ).json<ScimResource>();
    const created = await send(server, 'POST', '/Groups', {
      body: { ...group('Engineering'), id: 'client-chosen' },
      headers: OKTA,
    });
    assert.equal(created.statusCode, 201);
    const id = String(created.json<ScimResource>().id);
    assert.notEqual(id, 'client-chosen');
    const listed = (await send(server, 'GET', '/Groups?startIndex=1&count=100')).json<ListBody>();
    assert.deepEqual(
      listed.Resources.map((g) => g['displayName']),
      ['Engineering'],
    );

    const rename = await send(server, 'PATCH', `/Groups/${id}`, {
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { id, displayName: 'Platform Engineering' } }],
      },
    });
    // Okta documents 204 for a group PATCH: the store answers nothing, the group is read back.
    assert.equal(rename.statusCode, 204, rename.body);
    const renamed = (await send(server, 'GET', `/Groups/${id}`)).json<ScimResource>();
    assert.equal(renamed['displayName'], 'Platform Engineering');
    assert.equal(renamed.id, id);

    const add = await send(server, 'PATCH', `/Groups/${id}`, {
      body: {
        schemas: [PATCH_OP],
        Operations: [
          {
            op: 'add',
            path: 'members',
            value: [
              { value: alice.id, display: 'alice@example.com' },
              { value: bob.id, display: 'bob@example.com' },
            ],
          },
        ],
      },
    });
    assert.equal(add.statusCode, 204, add.body);
    assert.deepEqual(
      (await send(server, 'GET', `/Groups/${id}`))
        .json<{ members: { value: string }[] }>()
        .members.map((m) => m.value)
        .sort(),
      [alice.id, bob.id].sort(),
    );

    const remove = await send(server, 'PATCH', `/Groups/${id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${alice.id}"]` }] },
    });
    assert.equal(remove.statusCode, 204, remove.body);
    const fetched = (await send(server, 'GET', `/Groups/${id}`)).json<{ members: { value: string }[] }>();
    assert.deepEqual(
      fetched.members.map((m) => m.value),
      [bob.id],
    );
    assert.equal((await send(server, 'DELETE', `/Groups/${id}`, { headers: OKTA })).statusCode, 204);
    assert.equal((await send(server, 'GET', `/Groups/${id}`)).statusCode, 404);
  });

  it('answers bad credentials with 401 and a SCIM error body, and takes Basic credentials', async () => {
    const refused = await send(server, 'GET', '/Users?startIndex=1&count=1', {
      authorization: basic('okta', 'nope'),
    });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json<{ status: string }>().status, '401');
    const accepted = await send(server, 'GET', '/Users?startIndex=1&count=1', {
      authorization: basic(BASIC_USER.username, BASIC_USER.password),
    });
    assert.equal(accepted.statusCode, 200);
  });
});
