// Pins the SqlStore on PGlite: round trips, hashed passwords, uniqueness by userNameKey, paging, versions, membership writes.
import { strict as assert } from 'node:assert';
import { parseFilter } from '../../src/protocol/filter/parser.js';
import { URN, type ScimGroup, type ScimUser } from '../../src/protocol/resource.js';
import { isScimError } from '../../src/protocol/errors.js';
import type { ListQuery, RequestContext } from '../../src/service/scim-service.js';
import { passwordMatches } from '../../src/sql/password-hash.js';
import { openFixture, type SqlFixture } from './sql-fixture.js';

const ctx: RequestContext = { requestId: 'test', dialect: '2.0' };
const query = (extra: Partial<ListQuery> = {}): ListQuery => ({
  startIndex: 1,
  sortOrder: 'ascending',
  ...extra,
});
const user = (userName: string, extra: Record<string, unknown> = {}): ScimUser => ({
  schemas: [URN.user],
  userName,
  ...extra,
});
const group = (displayName: string, members: string[] = []): ScimGroup => ({
  schemas: [URN.group],
  displayName,
  members: members.map((value) => ({ value })),
});

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => isScimError(error) && error.code === code);
}

describe('sql store (PGlite)', function () {
  this.timeout(120000);
  let fx: SqlFixture;
  before(async () => {
    fx = await openFixture();
  });
  after(async () => fx.close());
  beforeEach(async () => fx.reset());

  it('stores a user across its table and child table, and reads it back whole', async () => {
    const created = await fx.store.createUser(
      user('ada@example.com', {
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        active: true,
      }),
    );
    assert.match(created.id!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(await fx.store.getUser(created.id!), created);
    assert.deepEqual(created.name, { givenName: 'Ada', familyName: 'Lovelace' });
    assert.deepEqual(created.emails, [{ value: 'ada@example.com', type: 'work', primary: true }]);
    assert.equal(created.active, true);
    assert.equal(created.meta?.version, 'W/"1"');
    const rows = await fx.pg.query<{ login_key: string; status: string }>(
      'select login_key, status from accounts',
    );
    assert.deepEqual(rows.rows, [{ login_key: 'ada@example.com', status: 'ACTIVE' }]);
  });

  it('hashes a password with bcrypt and never returns it', async () => {
    const created = await fx.store.createUser(user('pw', { password: "s3cret'; drop table accounts; --" }));
    assert.equal('password' in created, false);
    const row = await fx.pg.query<{ password_hash: string }>('select password_hash from accounts');
    const hash = row.rows[0]!.password_hash;
    assert.match(hash, /^\$2[aby]\$10\$/);
    assert.equal(await passwordMatches('bcrypt', "s3cret'; drop table accounts; --", hash), true);
    // An update without a password keeps the stored hash.
    await fx.store.updateUser(created.id!, user('pw', { title: 'x' }), ctx);
    const after = await fx.pg.query<{ password_hash: string }>('select password_hash from accounts');
    assert.equal(after.rows[0]!.password_hash, hash);
  });

  it('refuses a userName equal under userNameKey (case, Unicode) with 409', async () => {
    await fx.store.createUser(user('Straße@Example.com'));
    await rejectsWith(fx.store.createUser(user('STRASSE@example.com')), 'SCIM_ERR_CONFLICT');
    const found = await fx.store.getUsers(
      query({ filter: parseFilter('userName eq "strasse@EXAMPLE.com"') }),
    );
    assert.equal(found.totalResults, 1);
  });

  it('deactivates through the status column', async () => {
    const created = await fx.store.createUser(user('d'));
    const off = await fx.store.updateUser(created.id!, user('d', { active: false }), ctx);
    assert.equal(off.active, false);
    const row = await fx.pg.query<{ status: string }>('select status from accounts');
    assert.equal(row.rows[0]!.status, 'DISABLED');
    const inactive = await fx.store.getUsers(query({ filter: parseFilter('active eq false') }));
    assert.deepEqual(
      inactive.resources.map((u) => u.userName),
      ['d'],
    );
  });

  it('pages in a stable order with the true totalResults', async () => {
    for (let i = 0; i < 7; i++)
      await fx.store.createUser(user(`p${i}`, { title: i % 2 === 0 ? 'even' : 'odd' }));
    const seen: string[] = [];
    for (let start = 1; start <= 7; start += 3) {
      const page = await fx.store.getUsers(query({ startIndex: start, count: 3 }));
      assert.equal(page.totalResults, 7);
      seen.push(...page.resources.map((u) => u.userName!));
    }
    assert.equal(new Set(seen).size, 7);
    const sorted = await fx.store.getUsers(
      query({
        sortBy: { name: 'userName' },
        sortOrder: 'descending',
        count: 2,
        filter: parseFilter('title eq "even"'),
      }),
    );
    assert.equal(sorted.totalResults, 4);
    assert.deepEqual(
      sorted.resources.map((u) => u.userName),
      ['p6', 'p4'],
    );
  });

  it('counts versions and answers 412 to an If-Match naming an old one', async () => {
    const created = await fx.store.createUser(user('v'));
    const second = await fx.store.updateUser(created.id!, user('v', { title: 'a' }), {
      ...ctx,
      ifMatch: 'W/"1"',
    });
    assert.equal(second.meta?.version, 'W/"2"');
    await rejectsWith(
      fx.store.updateUser(created.id!, user('v', { title: 'b' }), { ...ctx, ifMatch: 'W/"1"' }),
      'SCIM_ERR_PRECONDITION_FAILED',
    );
    const patched = await fx.store.patchUser(
      created.id!,
      [{ op: 'replace', path: 'title', value: 'c' }],
      ctx,
    );
    assert.equal(patched.meta?.version, 'W/"3"');
  });

  it('a membership PATCH inserts and deletes only the rows that change', async () => {
    const ids: string[] = [];
    for (const name of ['m1', 'm2', 'm3']) ids.push((await fx.store.createUser(user(name))).id!);
    const team = await fx.store.createGroup(group('Team', [ids[0]!, ids[1]!]));
    const xmin = async () =>
      new Map(
        (
          await fx.pg.query<{ account_id: string; xmin: string }>('select account_id, xmin from team_members')
        ).rows.map((r) => [r.account_id, r.xmin]),
      );
    const before = await xmin();
    const patched = await fx.store.patchGroup(
      team.id!,
      [
        { op: 'add', path: 'members', value: [{ value: ids[2] }] },
        { op: 'remove', path: `members[value eq "${ids[0]}"]` },
      ],
      ctx,
    );
    assert.deepEqual(new Set(patched.members?.map((m) => m.value)), new Set([ids[1], ids[2]]));
    const after = await xmin();
    assert.equal(after.get(ids[1]!), before.get(ids[1]!), 'the unchanged member row was not rewritten');
    assert.equal(after.has(ids[0]!), false);
    assert.equal(patched.members?.find((m) => m.value === ids[2])?.display, 'm3');
    const groupsOf = await fx.store.getUser(ids[2]!);
    assert.deepEqual(groupsOf?.['groups'], [{ value: team.id, display: 'Team' }]);
  });

  it('refuses a member that does not exist with 400, and a duplicate group name with 409', async () => {
    await rejectsWith(
      fx.store.createGroup(group('G', ['00000000-0000-0000-0000-000000000000'])),
      'SCIM_ERR_INVALID_VALUE',
    );
    await rejectsWith(fx.store.createGroup(group('G', ['not-a-uuid'])), 'SCIM_ERR_INVALID_VALUE');
    await fx.store.createGroup(group('Dup'));
    await rejectsWith(fx.store.createGroup(group('DUP')), 'SCIM_ERR_CONFLICT');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    assert.equal(await fx.store.getUser('00000000-0000-0000-0000-000000000000'), undefined);
    assert.equal(await fx.store.getUser("1' or '1'='1"), undefined);
    await rejectsWith(fx.store.deleteUser('nope'), 'SCIM_ERR_NOT_FOUND');
    await rejectsWith(fx.store.updateUser('nope', user('x'), ctx), 'SCIM_ERR_NOT_FOUND');
  });

  it('deleting a user removes its child rows and memberships', async () => {
    const u = await fx.store.createUser(user('gone', { emails: [{ value: 'g@x.example' }] }));
    await fx.store.createGroup(group('T', [u.id!]));
    await fx.store.deleteUser(u.id!);
    const left = await fx.pg.query<{ n: number }>(
      'select (select count(*) from account_emails)::int + (select count(*) from team_members)::int as n',
    );
    assert.equal(left.rows[0]!.n, 0);
  });
});
