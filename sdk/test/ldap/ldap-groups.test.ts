// Groups on a real slapd: members as DNs, memberOf read back, single-value membership changes, the hidden placeholder.
import { strict as assert } from 'node:assert';
import { Client } from 'ldapts';
import { createLdapService, type LdapService } from 'scim-connector-sdk/ldap';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { CTX, GROUPS, PLACEHOLDER, serviceOptions, TREE, user } from './directory-fixture.js';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('LDAP groups (slapd)', function () {
  let slapd: Slapd;
  let service: LdapService;
  const ids: string[] = [];

  async function memberValues(cn: string): Promise<string[]> {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search(`cn=${cn},${GROUPS}`, {
      scope: 'base',
      attributes: ['member'],
    });
    await client.unbind();
    const raw = searchEntries[0]?.['member'] ?? [];
    return (Array.isArray(raw) ? raw : [raw]).map(String);
  }

  before(async () => {
    slapd = await startSlapd({ ldif: TREE });
    service = createLdapService(serviceOptions(slapd));
    for (const name of ['m1', 'm2', 'm3']) ids.push((await service.createUser(user(name), CTX)).id ?? '');
  });
  after(async () => {
    await service?.close();
    await slapd?.stop();
  });

  it('creates a group with members; the placeholder is stored but never shown', async () => {
    const group = await service.createGroup(
      { schemas: [GROUP], displayName: 'staff', members: [{ value: ids[0] ?? '' }] },
      CTX,
    );
    assert.deepEqual(
      group.members?.map((m) => m.value),
      [ids[0]],
    );
    assert.deepEqual(
      (await memberValues('staff')).sort(),
      [PLACEHOLDER, 'uid=m1,ou=people,dc=example,dc=org'].sort(),
    );
  });

  it('an empty group exists (placeholder only) and reads back with no members', async () => {
    const group = await service.createGroup({ schemas: [GROUP], displayName: 'empty' }, CTX);
    assert.deepEqual(group.members, []);
  });

  it('PATCH adds and removes members one value at a time, down to none', async () => {
    const [group] = (
      await service.getGroups(
        { filter: parseFilter('displayName eq "staff"'), startIndex: 1, count: 1, sortOrder: 'ascending' },
        CTX,
      )
    ).resources;
    const id = group?.id ?? '';
    await service.patchGroup(
      id,
      [{ op: 'add', path: 'members', value: [{ value: ids[1] ?? '' }, { value: ids[2] ?? '' }] }],
      CTX,
    );
    assert.equal((await service.getGroup(id, CTX))?.members?.length, 3);
    for (const member of ids)
      await service.patchGroup(id, [{ op: 'remove', path: `members[value eq "${member}"]` }], CTX);
    assert.deepEqual((await service.getGroup(id, CTX))?.members, []);
    assert.deepEqual(await memberValues('staff'), [PLACEHOLDER]);
  });

  it('finds groups by member id; an unknown member id is 400', async () => {
    const [group] = (
      await service.getGroups(
        { filter: parseFilter('displayName eq "staff"'), startIndex: 1, count: 1, sortOrder: 'ascending' },
        CTX,
      )
    ).resources;
    await service.patchGroup(
      group?.id ?? '',
      [{ op: 'add', path: 'members', value: [{ value: ids[0] ?? '' }] }],
      CTX,
    );
    const found = await service.getGroups(
      {
        filter: parseFilter(`members[value eq "${ids[0]}"]`),
        startIndex: 1,
        count: 10,
        sortOrder: 'ascending',
      },
      CTX,
    );
    assert.deepEqual(
      found.resources.map((g) => g.displayName),
      ['staff'],
    );
    await assert.rejects(
      service.patchGroup(
        group?.id ?? '',
        [{ op: 'add', path: 'members', value: [{ value: 'no-such-user' }] }],
        CTX,
      ),
      (error: { status?: number }) => error.status === 400,
    );
  });

  it('renames with ModifyDN (id kept) and replaces members with their difference', async () => {
    const created = await service.createGroup(
      { schemas: [GROUP], displayName: 'old', members: [{ value: ids[0] ?? '' }, { value: ids[1] ?? '' }] },
      CTX,
    );
    const updated = await service.updateGroup(
      created.id ?? '',
      { schemas: [GROUP], displayName: 'new', members: [{ value: ids[1] ?? '' }, { value: ids[2] ?? '' }] },
      CTX,
    );
    assert.equal(updated.id, created.id);
    assert.equal(updated.displayName, 'new');
    assert.deepEqual(updated.members?.map((m) => m.value).sort(), [ids[1], ids[2]].sort());
  });

  it('a taken displayName is 409; delete then 404', async () => {
    await assert.rejects(
      service.createGroup({ schemas: [GROUP], displayName: 'new' }, CTX),
      (e: { status?: number }) => e.status === 409,
    );
    const [group] = (
      await service.getGroups(
        { filter: parseFilter('displayName eq "new"'), startIndex: 1, count: 1, sortOrder: 'ascending' },
        CTX,
      )
    ).resources;
    await service.deleteGroup(group?.id ?? '', CTX);
    assert.equal(await service.getGroup(group?.id ?? '', CTX), undefined);
  });
});
