// Pins the memory store: server ids, case-insensitive uniqueness, stable paging, meta, derived groups, copies.
import { strict as assert } from 'node:assert';
import { MemoryStore, type StoreChange } from '../src/stores/memory-store.js';
import { parseFilter } from '../src/protocol/filter/parser.js';
import { URN, type ScimUser, type ScimGroup } from '../src/protocol/resource.js';
import type { ListQuery } from '../src/service/scim-service.js';
import { ScimError } from '../src/protocol/errors.js';

const ctx = { requestId: 'test', dialect: '2.0' as const };

function user(userName: string, extra: Record<string, unknown> = {}): ScimUser {
  return { schemas: [URN.user], userName, ...extra };
}

function group(displayName: string, members: string[] = []): ScimGroup {
  return { schemas: [URN.group], displayName, members: members.map((value) => ({ value })) };
}

function query(extra: Partial<ListQuery> = {}): ListQuery {
  return { startIndex: 1, sortOrder: 'ascending', ...extra };
}

/** A store with counting ids (u1, u2, … / g1, …) and a clock that advances one second per call. */
function testStore(options: { onChange?: (change: StoreChange) => void } = {}): MemoryStore {
  let ids = 0;
  let tick = 0;
  return new MemoryStore({
    newId: () => `id${++ids}`,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
    ...options,
  });
}

async function rejectsWith(promise: Promise<unknown>, status: number, scimType?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ScimError, `expected a ScimError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.scimType, scimType);
    return true;
  });
}

describe('MemoryStore', () => {
  describe('users', () => {
    it('assigns its own id and meta, ignoring the id and meta the client sent', async () => {
      const store = testStore();
      const created = await store.createUser(
        user('bjensen', { id: 'client-id', ID: 'other', meta: { version: 'W/"99"', location: 'x' } }),
        ctx,
      );
      assert.equal(created.id, 'id1');
      assert.equal(created.ID, undefined);
      assert.deepEqual(created.meta, {
        resourceType: 'User',
        created: '2026-01-01T00:00:00.000Z',
        lastModified: '2026-01-01T00:00:00.000Z',
        version: 'W/"1"',
      });
    });

    it('makes ids with crypto.randomUUID by default', async () => {
      const store = new MemoryStore();
      const a = await store.createUser(user('a'), ctx);
      const b = await store.createUser(user('b'), ctx);
      assert.match(a.id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notEqual(a.id, b.id);
    });

    it('draws another id when the generator repeats one', async () => {
      const ids = ['same', 'same', 'other'];
      const store = new MemoryStore({ newId: () => ids.shift() ?? 'exhausted' });
      await store.createUser(user('a'), ctx);
      assert.equal((await store.createUser(user('b'), ctx)).id, 'other');
    });

    const conflicts: [string, { existing: string; wanted: string }][] = [
      ['the same name', { existing: 'alice', wanted: 'alice' }],
      ['another case', { existing: 'Alice', wanted: 'ALICE' }],
      ['mixed case', { existing: 'alice@example.com', wanted: 'Alice@Example.COM' }],
      ['composed and decomposed é', { existing: 'caf\u00e9', wanted: 'cafe\u0301' }],
      ['ß and SS (full case folding)', { existing: 'stra\u00dfe', wanted: 'STRASSE' }],
      ['İ and i with a dot above', { existing: '\u0130stanbul', wanted: 'i\u0307stanbul' }],
      [
        'final and medial sigma',
        {
          existing: '\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3',
          wanted: '\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2',
        },
      ],
    ];
    for (const [name, { existing, wanted }] of conflicts) {
      it(`answers 409 uniqueness on create with ${name}`, async () => {
        const store = testStore();
        await store.createUser(user(existing), ctx);
        await rejectsWith(store.createUser(user(wanted), ctx), 409, 'uniqueness');
        assert.equal(store.size.users, 1);
      });
      it(`answers 409 uniqueness on update to ${name}`, async () => {
        const store = testStore();
        await store.createUser(user(existing), ctx);
        const other = await store.createUser(user('someone-else'), ctx);
        await rejectsWith(store.updateUser(other.id as string, user(wanted), ctx), 409, 'uniqueness');
        assert.equal((await store.getUser(other.id as string, ctx)).userName, 'someone-else');
      });
    }

    it('lets a user change the case of its own userName, and frees the old name on rename', async () => {
      const store = testStore();
      const created = await store.createUser(user('alice'), ctx);
      const id = created.id as string;
      assert.equal((await store.updateUser(id, user('ALICE'), ctx)).userName, 'ALICE');
      await store.updateUser(id, user('alice2'), ctx);
      assert.equal((await store.createUser(user('Alice'), ctx)).userName, 'Alice');
    });

    const invalid: [string, ScimUser][] = [
      ['no userName', { schemas: [URN.user] }],
      ['an empty userName', user('')],
      // Input the types rule out, as an untyped caller (JavaScript, a cast) can still send it.
      ['a numeric userName', { schemas: [URN.user], userName: 42 } as unknown as ScimUser],
    ];
    for (const [name, body] of invalid) {
      it(`answers 400 invalidValue for ${name}`, async () => {
        const store = testStore();
        await rejectsWith(store.createUser(body, ctx), 400, 'invalidValue');
        const existing = await store.createUser(user('x'), ctx);
        await rejectsWith(store.updateUser(existing.id as string, body, ctx), 400, 'invalidValue');
      });
    }

    it('finds userName under any case of the attribute name in the body', async () => {
      const store = testStore();
      await store.createUser({ schemas: [URN.user], UserName: 'bob' }, ctx);
      await rejectsWith(store.createUser(user('BOB'), ctx), 409, 'uniqueness');
    });

    it('replaces the whole user on update: created kept, lastModified and version advance', async () => {
      const store = testStore();
      const created = await store.createUser(user('bjensen', { title: 'Tour Guide', active: true }), ctx);
      const updated = await store.updateUser(created.id as string, user('bjensen', { active: false }), ctx);
      assert.equal(updated.title, undefined);
      assert.equal(updated.active, false);
      assert.equal(updated.meta?.created, created.meta?.created);
      assert.equal(updated.meta?.lastModified, '2026-01-01T00:00:01.000Z');
      assert.equal(updated.meta?.version, 'W/"2"');
      const again = await store.updateUser(created.id as string, user('bjensen'), ctx);
      assert.equal(again.meta?.version, 'W/"3"');
    });

    it('keeps the password when a whole-user update leaves it out, and replaces it when given', async () => {
      const store = testStore();
      const { id } = await store.createUser(user('bjensen', { password: 'first' }), ctx);
      assert.equal(
        (await store.updateUser(id as string, user('bjensen', { active: false }), ctx)).password,
        'first',
      );
      assert.equal(
        (await store.updateUser(id as string, user('bjensen', { password: 'second' }), ctx)).password,
        'second',
      );
    });

    const unknown: [string, (store: MemoryStore) => Promise<unknown>][] = [
      ['getUser', (store) => store.getUser('nope', ctx)],
      ['updateUser', (store) => store.updateUser('nope', user('x'), ctx)],
      ['deleteUser', (store) => store.deleteUser('nope', ctx)],
      ['getGroup', (store) => store.getGroup('nope', ctx)],
      ['updateGroup', (store) => store.updateGroup('nope', group('x'), ctx)],
      ['deleteGroup', (store) => store.deleteGroup('nope', ctx)],
    ];
    for (const [name, call] of unknown) {
      it(`${name} of an unknown id answers 404`, async () => {
        const store = testStore();
        await rejectsWith(call(store), 404);
      });
    }

    it('deletes a user and frees its userName', async () => {
      const store = testStore();
      const { id } = await store.createUser(user('gone'), ctx);
      await store.deleteUser(id as string, ctx);
      await rejectsWith(store.getUser(id as string, ctx), 404);
      assert.equal(
        (await store.getUsers(query({ filter: parseFilter('userName eq "gone"') }), ctx)).totalResults,
        0,
      );
      await store.createUser(user('gone'), ctx);
    });

    it('hands out copies: changing what it returned or what it was given changes nothing stored', async () => {
      const store = testStore();
      const input = user('bjensen', { name: { givenName: 'Barbara' }, emails: [{ value: 'b@example.com' }] });
      const created = await store.createUser(input, ctx);
      (input.name as Record<string, unknown>).givenName = 'changed input';
      (created.name as Record<string, unknown>).givenName = 'changed output';
      (created.emails as unknown[]).push({ value: 'x@example.com' });
      const read = await store.getUser(created.id as string, ctx);
      (read.meta as Record<string, unknown>).version = 'changed';
      const listed = await store.getUsers(query({ filter: parseFilter('name.givenName pr') }), ctx);
      (listed.resources[0]?.name as Record<string, unknown>).givenName = 'changed list';
      const again = await store.getUser(created.id as string, ctx);
      assert.deepEqual(again.name, { givenName: 'Barbara' });
      assert.deepEqual(again.emails, [{ value: 'b@example.com' }]);
      assert.equal(again.meta?.version, 'W/"1"');
    });
  });

  describe('listing users', () => {
    async function storeWith(count: number): Promise<{ store: MemoryStore; ids: string[] }> {
      const store = testStore();
      const ids: string[] = [];
      // Names descend so that insertion order differs from alphabetical order.
      for (let i = count; i > 0; i -= 1)
        ids.push((await store.createUser(user(`user${String(i).padStart(4, '0')}`), ctx)).id as string);
      return { store, ids };
    }

    // startIndex and count as the server gives them, and as a caller of the store itself might.
    const bounds: [number, number | undefined, number, number][] = [
      [1, undefined, 0, 5],
      [1, 2, 0, 2],
      [4, 10, 3, 5],
      [5, 1, 4, 5],
      [6, 3, 5, 5],
      [0, 2, 0, 2],
      [-3, 2, 0, 2],
      [2, 0, 1, 1],
      [2, -1, 1, 1],
      [2.7, 1.5, 1, 3],
      [Number.NaN, 2, 0, 0],
      [2, Number.NaN, 1, 1],
      [3, Number.POSITIVE_INFINITY, 2, 5],
      [Number.POSITIVE_INFINITY, 2, 5, 5],
    ];
    for (const [startIndex, count, from, to] of bounds) {
      it(`pages startIndex ${startIndex}, count ${String(count)} as the users from ${from} to ${to}`, async () => {
        const { store, ids } = await storeWith(5);
        for (const readOnly of [false, true]) {
          const result = await store.getUsers(
            query({ startIndex, ...(count === undefined ? {} : { count }) }),
            {
              ...ctx,
              readOnly,
            },
          );
          assert.deepEqual(
            result.resources.map((u) => u.id),
            ids.slice(from, to),
          );
          assert.equal(result.totalResults, 5);
        }
      });
    }

    it('pages in insertion order, stable across pages, updates and deletes', async () => {
      const { store, ids } = await storeWith(250);
      await store.updateUser(ids[5] as string, user('renamed'), ctx);
      await store.deleteUser(ids[7] as string, ctx);
      const seen: string[] = [];
      for (let startIndex = 1; ; startIndex += 100) {
        const result = await store.getUsers(query({ startIndex, count: 100 }), ctx);
        assert.equal(result.totalResults, 249);
        if (result.resources.length === 0) break;
        seen.push(...result.resources.map((u) => u.id as string));
      }
      assert.deepEqual(
        seen,
        ids.filter((_, index) => index !== 7),
      );
    });

    const pages: [string, { startIndex: number; count?: number; want: number[] }][] = [
      ['all without count', { startIndex: 1, want: [0, 1, 2, 3, 4] }],
      ['count 0: nothing, but the total', { startIndex: 1, count: 0, want: [] }],
      ['a middle page', { startIndex: 2, count: 2, want: [1, 2] }],
      ['a short last page', { startIndex: 4, count: 10, want: [3, 4] }],
      ['past the end', { startIndex: 9, count: 10, want: [] }],
      ['startIndex below 1 read as 1', { startIndex: 0, count: 1, want: [0] }],
      ['negative count read as 0', { startIndex: 1, count: -3, want: [] }],
    ];
    for (const [name, { startIndex, count, want }] of pages) {
      it(`pages: ${name}`, async () => {
        const { store, ids } = await storeWith(5);
        const result = await store.getUsers(
          query({ startIndex, ...(count === undefined ? {} : { count }) }),
          ctx,
        );
        assert.equal(result.totalResults, 5);
        assert.deepEqual(
          result.resources.map((u) => u.id),
          want.map((i) => ids[i]),
        );
      });
    }

    const lookups: [string, string, boolean][] = [
      ['exact', 'userName eq "user0003"', true],
      ['value in another case', 'userName eq "USER0003"', true],
      ['attribute name in another case and upper-case operator', 'USERNAME EQ "user0003"', true],
      ['with the core schema URN', `${URN.user}:userName eq "user0003"`, true],
      ['an absent name', 'userName eq "nobody"', false],
    ];
    for (const [name, filter, found] of lookups) {
      it(`finds by userName: ${name}`, async () => {
        const { store, ids } = await storeWith(5);
        const result = await store.getUsers(query({ filter: parseFilter(filter), count: 100 }), ctx);
        assert.deepEqual(
          result.resources.map((u) => u.id),
          found ? [ids[2]] : [],
        );
        assert.equal(result.totalResults, found ? 1 : 0);
      });
    }

    it('finds a userName given in another normalisation or folding, by index and by scan alike', async () => {
      const store = testStore();
      const created = await store.createUser(user('Stra\u00dfe-Caf\u00e9'), ctx);
      for (const text of [
        'userName eq "STRASSE-CAFE\u0301"',
        'userName eq "strasse-café" or userName eq "x"',
      ]) {
        const result = await store.getUsers(query({ filter: parseFilter(text) }), ctx);
        assert.deepEqual(
          result.resources.map((u) => u.id),
          [created.id],
          text,
        );
      }
    });

    it('finds by userName the user as last written: after a replace, a rename and a restored checkpoint', async () => {
      const store = testStore();
      const { id } = await store.createUser(user('before', { title: 'one' }), ctx);
      const byName = async (name: string) =>
        (await store.getUsers(query({ filter: parseFilter(`userName eq "${name}"`) }), ctx)).resources.map(
          (u) => [u.id, u.userName, u.title],
        );
      await store.updateUser(id as string, user('before', { title: 'two' }), ctx);
      assert.deepEqual(await byName('before'), [[id, 'before', 'two']]);
      const restore = store.checkpoint();
      await store.updateUser(id as string, user('after', { title: 'three' }), ctx);
      assert.deepEqual(await byName('before'), []);
      assert.deepEqual(await byName('after'), [[id, 'after', 'three']]);
      restore();
      assert.deepEqual(await byName('after'), []);
      assert.deepEqual(await byName('before'), [[id, 'before', 'two']]);
      await rejectsWith(store.createUser(user('before'), ctx), 409, 'uniqueness');
      await store.createUser(user('after'), ctx);
    });

    it('pages a userName lookup like any other list (count 0 still counts)', async () => {
      const { store } = await storeWith(3);
      const result = await store.getUsers(
        query({ filter: parseFilter('userName eq "user0001"'), count: 0 }),
        ctx,
      );
      assert.deepEqual(result, { resources: [], totalResults: 1 });
    });

    it('finds by id through the index, and by other filters through a scan', async () => {
      const { store, ids } = await storeWith(4);
      const byId = await store.getUsers(query({ filter: parseFilter(`id eq "${ids[1]}"`) }), ctx);
      assert.deepEqual(
        byId.resources.map((u) => u.userName),
        ['user0003'],
      );
      const byPrefix = await store.getUsers(
        query({ filter: parseFilter('userName sw "USER000" and not (userName eq "user0004")') }),
        ctx,
      );
      assert.deepEqual(
        byPrefix.resources.map((u) => u.userName),
        ['user0003', 'user0002', 'user0001'],
      );
      const extension = await store.getUsers(
        query({ filter: parseFilter(`${URN.enterpriseUser}:userName eq "user0001"`) }),
        ctx,
      );
      assert.equal(extension.totalResults, 0);
    });

    it('sorts when asked, copies included', async () => {
      const { store } = await storeWith(3);
      const result = await store.getUsers(
        query({ sortBy: { name: 'userName' }, sortOrder: 'ascending' }),
        ctx,
      );
      assert.deepEqual(
        result.resources.map((u) => u.userName),
        ['user0001', 'user0002', 'user0003'],
      );
    });

    it('serves incremental import: meta.lastModified gt', async () => {
      const { store, ids } = await storeWith(3);
      await store.updateUser(ids[0] as string, user('user0003', { title: 'changed' }), ctx);
      const result = await store.getUsers(
        query({ filter: parseFilter('meta.lastModified gt "2026-01-01T00:00:02Z"') }),
        ctx,
      );
      assert.deepEqual(
        result.resources.map((u) => u.id),
        [ids[0]],
      );
    });

    it('answers a userName lookup among 100,000 users from the index, far faster than a scan', async function () {
      this.timeout(60_000);
      const users = Array.from({ length: 100_000 }, (_, i) =>
        user(`user${i}@example.com`, { id: `u${i}`, externalId: `x${i}` }),
      );
      const store = new MemoryStore({ seed: { users } });
      // Milliseconds per lookup; the scan (externalId has no index) is the baseline of the same run.
      const perLookup = async (lookups: number, filter: (i: number) => string): Promise<number> => {
        const started = process.hrtime.bigint();
        for (let i = 0; i < lookups; i += 1) {
          const wanted = (i * 7919) % 100_000;
          const result = await store.getUsers(
            query({ filter: parseFilter(filter(wanted)), count: 100 }),
            ctx,
          );
          assert.equal(result.resources[0]?.id, `u${wanted}`);
        }
        return Number(process.hrtime.bigint() - started) / 1e6 / lookups;
      };
      const indexed = await perLookup(2_000, (i) => `userName eq "USER${i}@example.com"`);
      const scanned = await perLookup(5, (i) => `externalId eq "x${i}"`);
      console.log(
        `      among 100k users: userName lookup ${indexed.toFixed(4)} ms, scan ${scanned.toFixed(2)} ms (${(scanned / indexed).toFixed(0)}×)`,
      );
      assert.ok(
        scanned / indexed > 20,
        `the index was only ${(scanned / indexed).toFixed(1)}× faster than a scan`,
      );
    });

    it('reads the last page of 100,000 users about as fast as the first (paging is not a walk from the start)', async function () {
      this.timeout(60_000);
      const users = Array.from({ length: 100_000 }, (_, i) => user(`user${i}@example.com`, { id: `u${i}` }));
      const store = new MemoryStore({ seed: { users } });
      // Milliseconds per page of one round of 20 reads.
      const round = async (startIndex: number): Promise<number> => {
        const started = process.hrtime.bigint();
        for (let i = 0; i < 20; i += 1) {
          const result = await store.getUsers(query({ startIndex, count: 100 }), ctx);
          assert.equal(result.resources[0]?.id, `u${startIndex - 1}`);
        }
        return Number(process.hrtime.bigint() - started) / 1e6 / 20;
      };
      // The rounds of both pages interleave, in alternating order, so a burst of load on the shared
      // machine (or the GC still sweeping after the seeding) falls on both, not on one; medians of each.
      const firsts: number[] = [];
      const lasts: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        if (i % 2 === 0) firsts.push(await round(1));
        lasts.push(await round(99_901));
        if (i % 2 === 1) firsts.push(await round(1));
      }
      const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] as number;
      const first = median(firsts);
      const last = median(lasts);
      console.log(
        `      among 100k users: first page ${first.toFixed(3)} ms, last page ${last.toFixed(3)} ms`,
      );
      assert.ok(last / first < 3, `the last page took ${(last / first).toFixed(1)}× the first`);
    });

    it('pages in insertion order again after a checkpoint undoes creates and deletes', async () => {
      const store = testStore();
      const a = await store.createUser(user('a'), ctx);
      const b = await store.createUser(user('b'), ctx);
      const restore = store.checkpoint();
      await store.deleteUser(a.id as string, ctx);
      await store.createUser(user('c'), ctx);
      restore();
      const page = await store.getUsers(query({ startIndex: 2, count: 5 }), ctx);
      assert.deepEqual(
        page.resources.map((u) => u.userName),
        ['b'],
      );
      assert.equal(page.totalResults, 2);
      assert.equal((await store.createUser(user('c'), ctx)).userName, 'c');
      const all = await store.getUsers(query(), ctx);
      assert.deepEqual(
        all.resources.map((u) => u.id),
        [a.id, b.id, 'id4'],
      );
    });
  });

  describe('groups', () => {
    it('fills members[].display from the user (displayName, else userName) or group, and keeps a given one', async () => {
      const store = testStore();
      const withDisplay = await store.createUser(user('bjensen', { displayName: 'Babs Jensen' }), ctx);
      const plain = await store.createUser(user('jsmith'), ctx);
      const inner = await store.createGroup(group('Inner'), ctx);
      const created = await store.createGroup(
        {
          schemas: [URN.group],
          displayName: 'Outer',
          members: [
            { value: withDisplay.id as string },
            { value: plain.id as string },
            { value: inner.id as string, type: 'Group' },
            { value: plain.id as string, display: 'given' },
            { value: 'not-a-known-id' },
          ],
        },
        ctx,
      );
      assert.deepEqual(created.members, [
        { value: withDisplay.id as string, display: 'Babs Jensen' },
        { value: plain.id as string, display: 'jsmith' },
        { value: inner.id as string, type: 'Group', display: 'Inner' },
        { value: plain.id as string, display: 'given' },
        { value: 'not-a-known-id' },
      ]);
    });

    it('keeps members[].display in step when a member is renamed, as a new version of each group', async () => {
      const changes: StoreChange[] = [];
      const store = testStore({ onChange: (change) => void changes.push(change) });
      const babs = await store.createUser(user('bjensen', { displayName: 'Babs' }), ctx);
      const plain = await store.createUser(user('jsmith'), ctx);
      const inner = await store.createGroup(group('Inner'), ctx);
      const members = [
        { value: babs.id as string },
        { value: plain.id as string },
        { value: inner.id as string, type: 'Group' },
        { value: babs.id as string, display: 'chosen by the client' },
      ];
      const outer = await store.createGroup({ schemas: [URN.group], displayName: 'Outer', members }, ctx);
      const other = await store.createGroup({ schemas: [URN.group], displayName: 'Other' }, ctx);
      changes.length = 0;
      await store.updateUser(babs.id as string, user('bjensen', { displayName: 'Barbara' }), ctx);
      await store.updateUser(plain.id as string, user('john.smith'), ctx);
      await store.updateGroup(inner.id as string, group('Inner Circle'), ctx);
      const after = await store.getGroup(outer.id as string, ctx);
      assert.deepEqual(after.members, [
        { value: babs.id, display: 'Barbara' },
        { value: plain.id as string, display: 'john.smith' },
        { value: inner.id as string, type: 'Group', display: 'Inner Circle' },
        { value: babs.id, display: 'chosen by the client' },
      ]);
      assert.equal(after.meta?.version, 'W/"4"');
      assert.deepEqual(changes, [
        { users: true, groups: true },
        { users: true, groups: true },
        { users: false, groups: true },
      ]);
      assert.equal((await store.getGroup(other.id as string, ctx)).meta?.version, 'W/"1"', 'untouched');
      // An update that keeps the name changes no group.
      await store.updateUser(babs.id as string, user('bjensen', { displayName: 'Barbara', title: 'x' }), ctx);
      assert.equal((await store.getGroup(outer.id as string, ctx)).meta?.version, 'W/"4"');
    });

    it("keeps each user's groups in step with group creates, updates, renames and deletes", async () => {
      const store = testStore();
      const a = (await store.createUser(user('a', { groups: [{ value: 'client-sent' }] }), ctx)).id as string;
      const b = (await store.createUser(user('b'), ctx)).id as string;
      const groupsOf = async (id: string): Promise<unknown> => (await store.getUser(id, ctx)).groups;
      assert.equal(await groupsOf(a), undefined, 'the client cannot set groups');

      const g1 = (await store.createGroup(group('One', [a, b]), ctx)).id as string;
      const g2 = (await store.createGroup(group('Two', [a]), ctx)).id as string;
      assert.deepEqual(await groupsOf(a), [
        { value: g1, display: 'One', type: 'direct' },
        { value: g2, display: 'Two', type: 'direct' },
      ]);
      assert.deepEqual(await groupsOf(b), [{ value: g1, display: 'One', type: 'direct' }]);

      await store.updateGroup(g1, group('One renamed', [a]), ctx);
      assert.deepEqual(await groupsOf(a), [
        { value: g1, display: 'One renamed', type: 'direct' },
        { value: g2, display: 'Two', type: 'direct' },
      ]);
      assert.equal(await groupsOf(b), undefined);

      await store.deleteGroup(g2, ctx);
      assert.deepEqual(await groupsOf(a), [{ value: g1, display: 'One renamed', type: 'direct' }]);

      const byGroup = await store.getUsers(query({ filter: parseFilter(`groups.value eq "${g1}"`) }), ctx);
      assert.deepEqual(
        byGroup.resources.map((u) => u.id),
        [a],
      );
    });

    it('takes a deleted user out of every group, as a new version of each', async () => {
      const store = testStore();
      const a = (await store.createUser(user('a'), ctx)).id as string;
      const b = (await store.createUser(user('b'), ctx)).id as string;
      const g = await store.createGroup(group('G', [a, b]), ctx);
      const untouched = await store.createGroup(group('H', [b]), ctx);
      await store.deleteUser(a, ctx);
      const after = await store.getGroup(g.id as string, ctx);
      assert.deepEqual(after.members, [{ value: b, display: 'b' }]);
      assert.equal(after.meta?.version, 'W/"2"');
      assert.equal((await store.getGroup(untouched.id as string, ctx)).meta?.version, 'W/"1"');
    });

    it('takes a deleted group out of the groups it was a member of', async () => {
      const store = testStore();
      const child = (await store.createGroup(group('Child'), ctx)).id as string;
      const parent = (await store.createGroup(group('Parent', [child]), ctx)).id as string;
      await store.deleteGroup(child, ctx);
      assert.deepEqual((await store.getGroup(parent, ctx)).members, []);
    });

    const duplicates: [string, string, string][] = [
      ['same name', 'Admins', 'Admins'],
      ['another case', 'Admins', 'aDMINS'],
      ['decomposed and composed', 'Caf\u00e9 Stra\u00dfe', 'CAFE\u0301 STRASSE'],
    ];
    for (const [name, existing, wanted] of duplicates) {
      it(`answers 409 for a duplicate displayName (${name}) on create and update`, async () => {
        const store = testStore();
        await store.createGroup(group(existing), ctx);
        await rejectsWith(store.createGroup(group(wanted), ctx), 409, 'uniqueness');
        const other = await store.createGroup(group('Other'), ctx);
        await rejectsWith(store.updateGroup(other.id as string, group(wanted), ctx), 409, 'uniqueness');
      });
    }

    const badGroups: [string, ScimGroup][] = [
      ['no displayName', { schemas: [URN.group] }],
      // Input the types rule out, as an untyped caller (JavaScript, a cast) can still send it.
      [
        'members not an array',
        { schemas: [URN.group], displayName: 'G', members: { value: 'x' } } as unknown as ScimGroup,
      ],
      ['a member without value', { schemas: [URN.group], displayName: 'G', members: [{ display: 'x' }] }],
      [
        'a member that is not an object',
        { schemas: [URN.group], displayName: 'G', members: ['x'] } as unknown as ScimGroup,
      ],
    ];
    for (const [name, body] of badGroups) {
      it(`answers 400 invalidValue for a group with ${name}`, async () => {
        await rejectsWith(testStore().createGroup(body, ctx), 400, 'invalidValue');
      });
    }

    it('accepts members: null as no members', async () => {
      const created = await testStore().createGroup(
        { schemas: [URN.group], displayName: 'G', members: null } as unknown as ScimGroup,
        ctx,
      );
      assert.equal(created.members, null);
    });

    it('lists groups in insertion order, by displayName or id through the index, and by other filters', async () => {
      const store = testStore();
      const ids: string[] = [];
      for (const name of ['Zeta', 'Alpha', 'Mid'])
        ids.push((await store.createGroup(group(name), ctx)).id as string);
      const all = await store.getGroups(query({ count: 2 }), ctx);
      assert.deepEqual(all, {
        resources: [await store.getGroup(ids[0] as string, ctx), await store.getGroup(ids[1] as string, ctx)],
        totalResults: 3,
      });
      const cases: [string, string[]][] = [
        ['displayName eq "alpha"', [ids[1] as string]],
        [`DisplayName Eq "MID"`, [ids[2] as string]],
        [`id eq "${ids[0]}"`, [ids[0] as string]],
        ['displayName eq "none"', []],
        ['displayName co "a"', [ids[0] as string, ids[1] as string]],
      ];
      for (const [filter, want] of cases) {
        const result = await store.getGroups(query({ filter: parseFilter(filter) }), ctx);
        assert.deepEqual(
          result.resources.map((g) => g.id),
          want,
          filter,
        );
      }
    });

    it('hands out copies of groups, and leaves the group it was given as it was', async () => {
      const store = testStore();
      const member = await store.createUser(user('member'), ctx);
      const given = group('With', [member.id as string]);
      const withMember = await store.createGroup(given, ctx);
      assert.deepEqual(
        given.members,
        [{ value: member.id }],
        'display is filled in the store, not in the input',
      );
      (given.members as Record<string, unknown>[])[0]!.value = 'changed input';
      (withMember.members as Record<string, unknown>[])[0]!.display = 'changed output';
      assert.deepEqual((await store.getGroup(withMember.id as string, ctx)).members, [
        { value: member.id, display: 'member' },
      ]);
      const created = await store.createGroup(group('G'), ctx);
      (created.members as unknown[]).push({ value: 'x' });
      const read = await store.getGroup(created.id as string, ctx);
      assert.deepEqual(read.members, []);
      const listed = await store.getGroups(query(), ctx);
      (listed.resources[0]?.members as unknown[]).push({ value: 'y' });
      assert.deepEqual((await store.getGroup(created.id as string, ctx)).members, []);
    });
  });

  describe('read-only reads', () => {
    const readOnly = { ...ctx, readOnly: true };

    /** Every way to read users, read-only and with copies: the two must agree. */
    async function assertReadsAgree(store: MemoryStore, step: string): Promise<void> {
      const copied = (await store.getUsers(query(), ctx)).resources;
      const kept = (await store.getUsers(query(), readOnly)).resources;
      assert.deepEqual(kept, copied, `${step}: a page`);
      for (const expected of copied) {
        const id = expected.id as string;
        assert.deepEqual(await store.getUser(id, readOnly), expected, `${step}: getUser ${id}`);
        for (const filter of [`id eq "${id}"`, `userName eq "${String(expected.userName)}"`]) {
          const found = await store.getUsers(query({ filter: parseFilter(filter) }), readOnly);
          assert.deepEqual(found.resources, [expected], `${step}: ${filter}`);
        }
      }
    }

    // Each step changes what some user's view holds; the read-only view kept from before must not be served.
    const steps: [string, (store: MemoryStore) => Promise<unknown>][] = [
      ['a user in no group is replaced', (store) => store.updateUser('id3', user('c', { title: 'x' }), ctx)],
      ['a group lists two users', (store) => store.createGroup(group('team', ['id1', 'id2']), ctx)],
      [
        'a PATCH adds the third user',
        (store) => store.patchGroup('id4', [{ op: 'add', path: 'members', value: [{ value: 'id3' }] }], ctx),
      ],
      [
        'the group is renamed',
        (store) => store.updateGroup('id4', group('crew', ['id1', 'id2', 'id3']), ctx),
      ],
      ['a member is renamed', (store) => store.updateUser('id1', user('ann', { displayName: 'Ann' }), ctx)],
      [
        'a PATCH removes a member',
        (store) => store.patchGroup('id4', [{ op: 'remove', path: 'members[value eq "id2"]' }], ctx),
      ],
      ['a user is deleted', (store) => store.deleteUser('id3', ctx)],
      [
        'a checkpoint undoes a rename and a delete',
        async (store) => {
          const restore = store.checkpoint();
          await store.updateUser('id2', user('renamed'), ctx);
          await store.deleteGroup('id4', ctx);
          await assertReadsAgree(store, 'before the undo');
          restore();
        },
      ],
      ['the group is deleted', (store) => store.deleteGroup('id4', ctx)],
    ];

    it('serve what a copying read serves, after every kind of write', async () => {
      const store = testStore();
      for (const name of ['a', 'b', 'c']) await store.createUser(user(name), ctx);
      await assertReadsAgree(store, 'three users');
      for (const [step, write] of steps) {
        await write(store);
        await assertReadsAgree(store, step);
      }
      const ann = await store.getUser('id1', readOnly);
      assert.deepEqual([ann.userName, ann.groups], ['ann', undefined], 'the last state is the one read');
    });
  });

  describe('seed and persistence hook', () => {
    it('keeps seeded ids and meta, derives groups from seeded members, and ignores seeded user groups', async () => {
      const store = new MemoryStore({
        now: () => new Date('2026-02-02T00:00:00Z'),
        seed: {
          users: [
            user('okta', {
              id: '101',
              groups: [{ value: 'stale' }],
              meta: { created: '2020-01-01T00:00:00Z', version: 'W/"7"' },
            }),
            user('admin', { id: '102' }),
            user('no-id'),
          ],
          groups: [group('firstGroup', ['101']), group('secondGroup', ['101', '102'])],
        },
      });
      const okta = await store.getUser('101', ctx);
      assert.deepEqual(okta.meta, {
        resourceType: 'User',
        created: '2020-01-01T00:00:00Z',
        lastModified: '2020-01-01T00:00:00Z',
        version: 'W/"7"',
      });
      assert.deepEqual(
        (okta.groups as { display: string }[]).map((g) => g.display),
        ['firstGroup', 'secondGroup'],
      );
      const admin = await store.getUser('102', ctx);
      assert.equal(admin.meta?.created, '2026-02-02T00:00:00.000Z');
      const groups = await store.getGroups(query(), ctx);
      assert.deepEqual(groups.resources[1]?.members, [
        { value: '101', display: 'okta' },
        { value: '102', display: 'admin' },
      ]);
      assert.equal(store.size.users, 3);
      assert.equal((await store.updateUser('101', user('okta'), ctx)).meta?.version, 'W/"8"');
    });

    const badSeeds: [string, () => MemoryStore, RegExp][] = [
      [
        'two users with one id',
        () => new MemoryStore({ seed: { users: [user('a', { id: '1' }), user('b', { id: '1' })] } }),
        /two users with id "1"/,
      ],
      [
        'two users with one userName',
        () => new MemoryStore({ seed: { users: [user('a'), user('A')] } }),
        /userName "A" already exists/,
      ],
      [
        'two groups with one displayName',
        () => new MemoryStore({ seed: { groups: [group('g'), group('G')] } }),
        /displayName "G" already exists/,
      ],
    ];
    for (const [name, make, message] of badSeeds) {
      it(`refuses a seed with ${name}`, () => assert.throws(make, message));
    }

    it('reports which collections each write changed, and serializes them without derived groups', async () => {
      const changes: StoreChange[] = [];
      const store = testStore({ onChange: (change) => void changes.push(change) });
      const a = (await store.createUser(user('a'), ctx)).id as string;
      await store.updateUser(a, user('a2'), ctx);
      const g = (await store.createGroup(group('G', [a]), ctx)).id as string;
      await store.updateGroup(g, group('G', [a]), ctx);
      const lonely = (await store.createUser(user('lonely'), ctx)).id as string;
      await store.deleteUser(lonely, ctx);
      await store.deleteUser(a, ctx);
      await store.deleteGroup(g, ctx);
      assert.deepEqual(changes, [
        { users: true, groups: false },
        { users: true, groups: false },
        { users: false, groups: true },
        { users: false, groups: true },
        { users: true, groups: false },
        { users: true, groups: false },
        { users: true, groups: true },
        { users: false, groups: true },
      ]);
      assert.deepEqual(JSON.parse(store.serialize('users')), []);
    });

    it('serializes users as stored: password kept, groups left out', async () => {
      const store = testStore();
      const a = (await store.createUser(user('a', { password: 'secret' }), ctx)).id as string;
      await store.createGroup(group('G', [a]), ctx);
      const [stored] = JSON.parse(store.serialize('users')) as ScimUser[];
      assert.equal(stored?.password, 'secret');
      assert.equal(stored?.groups, undefined);
      assert.equal((JSON.parse(store.serialize('groups')) as ScimGroup[])[0]?.displayName, 'G');
    });

    it('rejects the write when the persistence hook fails', async () => {
      const store = new MemoryStore({
        onChange: () => {
          throw new Error('disk full');
        },
      });
      await assert.rejects(store.createUser(user('a'), ctx), /disk full/);
    });
  });
});
