// Reads tell the service they only read (RequestContext.readOnly), and the server never changes what such a read handed out.
import { strict as assert } from 'node:assert';
import { createScimServer, type ScimServer } from '../src/http/create-scim-server.js';
import { CAPABILITIES } from '../src/service/capabilities.js';
import type { RequestContext, ScimService } from '../src/service/scim-service.js';
import { MemoryStore, type MemoryStoreOptions } from '../src/stores/memory-store.js';
import { send, TOKEN } from './support/scim-test-server.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function seeded(options: Pick<MemoryStoreOptions, 'newId'> = {}): MemoryStore {
  const users = ['ada', 'bob', 'cy'].map((name, i) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
    id: `u${i}`,
    userName: `${name}@example.com`,
    name: { givenName: name, familyName: `Family ${name}` },
    emails: [{ value: `${name}@example.com`, type: 'work', primary: true }],
    phoneNumbers: [{ value: `+1 555 010${i}`, type: 'mobile' }],
    active: i !== 2,
    [ENTERPRISE]: { department: 'R&D', manager: { value: 'u0' } },
  }));
  const groups = [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 'g1',
      displayName: 'Engineering',
      members: [{ value: 'u0' }, { value: 'u1' }],
    },
  ];
  return new MemoryStore({
    seed: { users, groups },
    now: () => new Date('2026-11-30T00:00:00Z'),
    ...options,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * The store as a cache would serve it: what a read-only call returns is frozen, so a server that
 * changed any of it would throw (and answer 500). Records the readOnly each call was given.
 */
function freezingService(store: MemoryStore, seen: Map<string, (boolean | undefined)[]>): ScimService {
  const note = (method: string, ctx: RequestContext) => {
    seen.set(method, [...(seen.get(method) ?? []), ctx.readOnly]);
  };
  const reads = ['getUser', 'getUsers', 'getGroup', 'getGroups'] as const;
  const service: Record<string, unknown> = {};
  for (const method of reads) {
    service[method] = async (arg: never, ctx: RequestContext) => {
      note(method, ctx);
      const result = await (store[method] as (a: never, c: RequestContext) => Promise<unknown>)(arg, ctx);
      return ctx.readOnly === true ? deepFreeze(result) : result;
    };
  }
  for (const method of [
    'createUser',
    'updateUser',
    'deleteUser',
    'createGroup',
    'updateGroup',
    'deleteGroup',
  ] as const) {
    service[method] = async (...args: unknown[]) => {
      note(method, args[args.length - 1] as RequestContext);
      return (store[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return service;
}

const READS: [string, string, unknown?][] = [
  ['GET', '/scim/v2/Users/u0'],
  ['GET', '/scim/v2/Users/u1?attributes=userName,emails.value,groups'],
  ['GET', '/scim/v2/Users/u2?excludedAttributes=emails,name.givenName'],
  ['GET', `/scim/v2/Users/u0?attributes=${ENTERPRISE}:department`],
  ['GET', '/scim/v2/Users?filter=userName%20eq%20%22bob@example.com%22'],
  ['GET', '/scim/v2/Users?filter=name.familyName%20co%20%22a%22&sortBy=userName&sortOrder=descending'],
  ['GET', '/scim/v2/Users?startIndex=2&count=2&attributes=userName'],
  ['GET', '/scim/v2/Users'],
  ['GET', '/scim/v2/Groups/g1'],
  ['GET', '/scim/v2/Groups/g1?excludedAttributes=members'],
  ['GET', '/scim/v2/Groups?filter=displayName%20eq%20%22Engineering%22'],
  [
    'POST',
    '/scim/v2/.search',
    { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], count: 5 },
  ],
  [
    'POST',
    '/scim/v2/Users/.search',
    { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], attributes: ['emails'] },
  ],
  ['GET', '/scim/v1/Users/u0'],
  ['GET', '/scim/v1/Users/u1?attributes=userName,emails'],
  ['GET', '/scim/v1/Users?filter=userName%20eq%20%22ada@example.com%22'],
  ['GET', '/scim/v1/Users?startIndex=1&count=3'],
  ['GET', '/scim/v1/Groups/g1'],
  ['GET', '/scim/v1/Groups?startIndex=1&count=10'],
];

async function serve(service: ScimService): Promise<ScimServer> {
  return createScimServer({
    service,
    capabilities: [...CAPABILITIES],
    auth: { bearerTokens: [TOKEN] },
    logger: false,
  });
}

describe('http: read-only reads', () => {
  const seen = new Map<string, (boolean | undefined)[]>();
  let shared: ScimServer;
  let copied: ScimServer;

  before(async () => {
    shared = await serve(freezingService(seeded(), seen));
    copied = await serve(seeded());
  });
  after(async () => {
    await shared.close();
    await copied.close();
  });

  for (const [method, path, body] of READS) {
    it(`${method} ${path}: the same answer from shared, frozen objects as from copies`, async () => {
      const options = body === undefined ? {} : { body };
      const fromShared = await send(shared, method, path, options);
      const fromCopies = await send(copied, method, path, options);
      assert.equal(fromCopies.statusCode, 200, fromCopies.body);
      assert.equal(fromShared.statusCode, 200, fromShared.body);
      assert.equal(fromShared.body, fromCopies.body);
      assert.equal(fromShared.headers['etag'], fromCopies.headers['etag']);
    });
  }

  it('tells every read it only reads, and no write', async () => {
    const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'dee@example.com' };
    const created = await send(shared, 'POST', '/Users', { body: user });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    const put = await send(shared, 'PUT', `/Users/${id}`, { body: { ...user, active: false } });
    assert.equal(put.statusCode, 200, put.body);
    const patch = await send(shared, 'PATCH', `/Users/${id}`, {
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: true }],
      },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    for (const read of ['getUser', 'getUsers', 'getGroup', 'getGroups']) {
      assert.ok((seen.get(read) ?? []).includes(true), `${read} was told it only reads`);
    }
    for (const write of ['createUser', 'updateUser']) {
      assert.ok((seen.get(write)?.length ?? 0) > 0, `${write} was called`);
      assert.ok(!(seen.get(write) ?? []).includes(true), `${write} was not told it only reads`);
    }
  });
});

describe('MemoryStore: read-only reads', () => {
  const ctx = (readOnly?: boolean): RequestContext => ({
    requestId: 'r',
    dialect: '2.0',
    ...(readOnly === undefined ? {} : { readOnly }),
  });
  const query = { startIndex: 1, count: 10, sortOrder: 'ascending' as const };

  it('hands out the same objects to a read-only caller, and a fresh copy otherwise', async () => {
    const store = seeded();
    assert.equal(await store.getUser('u2', ctx(true)), await store.getUser('u2', ctx(true)));
    // A group's members are shared, not copied; the group around them is the caller's own.
    const members = async () => ((await store.getGroup('g1', ctx(true))) as { members: unknown[] }).members;
    assert.equal(await members(), await members());
    const listed = async () =>
      ((await store.getGroups(query, ctx(true))).resources[0] as { members: unknown[] }).members;
    assert.equal(await listed(), await listed());
    for (const readOnly of [undefined, false]) {
      assert.notEqual(await store.getUser('u2', ctx(readOnly)), await store.getUser('u2', ctx(readOnly)));
      assert.notEqual(await store.getGroup('g1', ctx(readOnly)), await store.getGroup('g1', ctx(readOnly)));
    }
  });

  it('keeps a group read read-only as it was when a PATCH changes its members', async () => {
    const store = seeded();
    // After a first PATCH the group reads its members from a list that later ones change in place.
    await store.patchGroup('g1', [{ op: 'remove', path: 'members[value eq "u1"]' }], ctx());
    const read = structuredClone(await store.getGroup('g1', ctx(true)));
    const held = await store.getGroup('g1', ctx(true));
    await store.patchGroup('g1', [{ op: 'add', path: 'members', value: [{ value: 'u2' }] }], ctx());
    assert.deepEqual(held, read);
    const after = (await store.getGroup('g1', ctx(true))) as { members: { value: string }[] };
    assert.deepEqual(
      after.members.map((member) => member.value),
      ['u0', 'u2'],
    );
  });

  // Each change to the groups, and what u0's groups read as after it (u0 starts in g1 "Engineering").
  const group = (displayName: string, members: string[]) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName,
    members: members.map((value) => ({ value })),
  });
  const groupChanges: [string, (store: MemoryStore) => Promise<unknown>, string[]][] = [
    [
      'a rename',
      (store) => store.patchGroup('g1', [{ op: 'replace', path: 'displayName', value: 'Eng' }], ctx()),
      ['g1 Eng'],
    ],
    [
      'its removal by PATCH',
      (store) => store.patchGroup('g1', [{ op: 'remove', path: 'members[value eq "u0"]' }], ctx()),
      [],
    ],
    [
      'a new group holding it',
      (store) => store.createGroup(group('Ops', ['u0']), ctx()),
      ['g1 Engineering', 'ops Ops'],
    ],
    [
      'a PUT of the group without it',
      (store) => store.updateGroup('g1', group('Engineering', ['u1']), ctx()),
      [],
    ],
    ['the group deleted', (store) => store.deleteGroup('g1', ctx()), []],
    [
      'a checkpoint restored',
      async (store) => {
        const restore = store.checkpoint();
        await store.deleteGroup('g1', ctx());
        assert.deepEqual(await groupsOf(store, true), [], 'gone before the restore');
        restore();
      },
      ['g1 Engineering'],
    ],
  ];
  const groupsOf = async (store: MemoryStore, readOnly: boolean) => {
    const groups = (await store.getUser('u0', ctx(readOnly))).groups as
      { value: string; display: string }[] | undefined;
    return (groups ?? []).map(({ value, display }) => `${value} ${display}`);
  };
  for (const [change, apply, after] of groupChanges) {
    it(`keeps a user's read-only view until its groups change: ${change}`, async () => {
      const store = seeded({ newId: () => 'ops' });
      const first = await store.getUser('u0', ctx(true));
      assert.equal(await store.getUser('u0', ctx(true)), first, 'the same view while nothing changed');
      await apply(store);
      assert.deepEqual(await groupsOf(store, true), after);
      assert.deepEqual(await groupsOf(store, false), after, 'as a copying read says');
    });
  }

  it('answers a read-only caller what it answers others', async () => {
    const store = seeded();
    const filtered = { ...query, sortBy: { name: 'userName' }, sortOrder: 'descending' as const };
    for (const q of [query, filtered]) {
      assert.deepEqual(await store.getUsers(q, ctx(true)), await store.getUsers(q, ctx()));
      assert.deepEqual(await store.getGroups(q, ctx(true)), await store.getGroups(q, ctx()));
    }
    assert.deepEqual(await store.getUser('u0', ctx(true)), await store.getUser('u0', ctx()));
  });
});
