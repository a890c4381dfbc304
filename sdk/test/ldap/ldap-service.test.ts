// The LDAP service against a real slapd: CRUD, rename, deactivation, passwords, paging cursors, errors.
import { strict as assert } from 'node:assert';
import { Client } from 'ldapts';
import {
  createLdapService,
  ldapConnector,
  type LdapConnect,
  type LdapService,
} from 'scim-connector-sdk/ldap';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { CTX, DISABLED, PEOPLE, serviceOptions, TREE, user } from './directory-fixture.js';

function status(want: number, scimType?: string) {
  return (error: { status?: number; scimType?: string }) => {
    assert.equal(error.status, want);
    if (scimType !== undefined) assert.equal(error.scimType, scimType);
    return true;
  };
}

describe('LDAP service (slapd)', function () {
  let slapd: Slapd;
  let service: LdapService;
  let connections = 0;

  before(async () => {
    slapd = await startSlapd({ ldif: TREE });
    const options = serviceOptions(slapd);
    const connect = ldapConnector(options.connection);
    const counting: LdapConnect = () => ((connections += 1), connect());
    service = createLdapService(options, { connect: counting });
  });
  after(async () => {
    await service?.close();
    await slapd?.stop();
  });

  it('creates, reads and finds a user by userName; the id is the entryUUID', async () => {
    const created = await service.createUser(user('ada'), CTX);
    assert.match(created.id ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(created.userName, 'ada');
    assert.deepEqual(created.name, { givenName: 'Test', familyName: 'ada' });
    assert.deepEqual(created.emails, [{ type: 'work', value: 'ada@example.org' }]);
    assert.equal(created.active, true);
    const found = await service.getUsers(
      { filter: parseFilter('userName eq "ada"'), startIndex: 1, count: 10, sortOrder: 'ascending' },
      CTX,
    );
    assert.equal(found.totalResults, 1);
    assert.equal(found.resources[0]?.id, created.id);
    assert.equal((await service.getUser(created.id ?? '', CTX))?.userName, 'ada');
  });

  it('a taken userName is 409, an unknown id 404, a missing required attribute 400', async () => {
    await assert.rejects(service.createUser(user('ada'), CTX), status(409, 'uniqueness'));
    assert.equal(await service.getUser('00000000-0000-0000-0000-000000000000', CTX), undefined);
    await assert.rejects(
      service.updateUser('00000000-0000-0000-0000-000000000000', user('x'), CTX),
      status(404),
    );
    await assert.rejects(service.createUser(user('nosn', { name: { givenName: 'No' } }), CTX), status(400));
  });

  it('a userName change is a ModifyDN that keeps the id', async () => {
    const created = await service.createUser(user('grace'), CTX);
    const renamed = await service.updateUser(created.id ?? '', user('grace.hopper'), CTX);
    assert.equal(renamed.id, created.id);
    assert.equal(renamed.userName, 'grace.hopper');
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search(`uid=grace.hopper,${PEOPLE}`, {
      scope: 'base',
      attributes: ['cn'],
    });
    await client.unbind();
    assert.equal(searchEntries[0]?.['cn'], 'grace.hopper');
  });

  it('deactivation moves the user into the disabled OU and back; active filters follow', async () => {
    const created = await service.createUser(user('alan'), CTX);
    const id = created.id ?? '';
    const off = await service.updateUser(id, user('alan', { active: false }), CTX);
    assert.equal(off.active, false);
    const inactive = await service.getUsers(
      { filter: parseFilter('active eq false'), startIndex: 1, count: 10, sortOrder: 'ascending' },
      CTX,
    );
    assert.deepEqual(
      inactive.resources.map((u) => u.userName),
      ['alan'],
    );
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search(`uid=alan,${DISABLED}`, {
      scope: 'base',
      attributes: ['uid'],
    });
    await client.unbind();
    assert.equal(searchEntries.length, 1);
    const on = await service.updateUser(id, user('alan', { active: true }), CTX);
    assert.equal(on.active, true);
  });

  it('a password is set with the Password Modify operation: the user can bind with it', async () => {
    const created = await service.createUser(user('linus', { password: 'first-Secret1' }), CTX);
    await service.updateUser(created.id ?? '', user('linus', { password: 'second-Secret2' }), CTX);
    const client = new Client({ url: slapd.url });
    await client.bind(`uid=linus,${PEOPLE}`, 'second-Secret2');
    await client.unbind();
    const stale = new Client({ url: slapd.url });
    await assert.rejects(stale.bind(`uid=linus,${PEOPLE}`, 'first-Secret1'));
  });

  it('deletes; a second delete is 404', async () => {
    const created = await service.createUser(user('temp'), CTX);
    await service.deleteUser(created.id ?? '', CTX);
    await assert.rejects(service.deleteUser(created.id ?? '', CTX), status(404));
  });

  it('an import pages forward on one connection: each page continues the last (no O(n²))', async () => {
    for (let i = 0; i < 25; i += 1) await service.createUser(user(`page${String(i).padStart(2, '0')}`), CTX);
    const filter = parseFilter('userName sw "page"');
    const before = connections;
    const seen: string[] = [];
    let total = 0;
    for (let start = 1; start <= 25; start += 10) {
      const page = await service.getUsers(
        { filter, startIndex: start, count: 10, sortOrder: 'ascending' },
        CTX,
      );
      total = page.totalResults;
      seen.push(...page.resources.map((u) => u.userName ?? ''));
    }
    assert.equal(total, 25);
    assert.equal(seen.length, 25);
    assert.equal(new Set(seen).size, 25);
    assert.equal(connections - before, 1, 'the three pages share the one connection of the import');
  });

  it('a page asked out of order still answers (a new search skips ahead)', async () => {
    const filter = parseFilter('userName sw "page"');
    const page = await service.getUsers({ filter, startIndex: 21, count: 10, sortOrder: 'ascending' }, CTX);
    assert.equal(page.totalResults, 25);
    assert.equal(page.resources.length, 5);
  });

  it('an unreachable directory is 503', async () => {
    const dead = await startSlapd();
    const options = serviceOptions(dead);
    await dead.stop();
    const offline = createLdapService(options);
    await assert.rejects(offline.getUser('x', CTX), status(503));
  });

  it('wrong bind credentials are 502 naming what to fix', async () => {
    const options = serviceOptions(slapd);
    const wrong = createLdapService({
      ...options,
      connection: { ...options.connection, bindPassword: 'wrong' },
    });
    await assert.rejects(wrong.getUser('x', CTX), status(502));
  });
});
