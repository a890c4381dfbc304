// The store's group PATCH against the server's read-apply-update: same group, version, errors and derived groups.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ScimError } from '../src/protocol/errors.js';
import { applyPatch } from '../src/protocol/patch/apply.js';
import type { PatchOperation } from '../src/protocol/patch/operation.js';
import { URN, type ScimGroup, type ScimUser } from '../src/protocol/resource.js';
import { validateResource } from '../src/protocol/validate-resource.js';
import { MemoryStore } from '../src/stores/memory-store.js';

const users: ScimUser[] = [
  { schemas: [URN.user], id: 'u1', userName: 'ann', displayName: 'Ann' },
  { schemas: [URN.user], id: 'u2', userName: 'bob' },
  { schemas: [URN.user], id: 'u3', userName: 'cy', displayName: 'Cy' },
];
const groups = (): ScimGroup[] => [
  {
    schemas: [URN.group],
    id: 'g1',
    displayName: 'Sales',
    members: [
      { value: 'u1', display: 'Ann' },
      { value: 'u2', $ref: 'https://x/Users/u2' },
      { value: 'g2', type: 'Group' },
    ],
    externalId: 'e1',
  },
  { schemas: [URN.group], id: 'g2', displayName: 'Leads', members: [{ value: 'u3' }] },
  { schemas: [URN.group], id: 'g3', displayName: 'Empty', members: [] },
  { schemas: [URN.group], id: 'g4', displayName: 'None' },
];

function store(): MemoryStore {
  let ids = 0;
  return new MemoryStore({
    seed: { users, groups: groups() },
    newId: () => `n${++ids}`,
    now: () => new Date(Date.UTC(2026, 0, 1)),
  });
}

/** What the server did before stores had patchGroup (resource-routes.ts, read-apply-update). */
async function genericPatch(target: MemoryStore, id: string, operations: PatchOperation[]): Promise<void> {
  const schema = target.schemas.group;
  const patched = applyPatch(await target.getGroup(id), operations, schema);
  if (patched.changed.length > 0) await target.updateGroup(id, validateResource(patched.resource, schema));
}

type Outcome =
  | { error: { code: string; status: number; scimType: string | undefined; message: string } }
  | { state: unknown };

async function outcome(target: MemoryStore, run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    return {
      error: { code: error.code, status: error.status, scimType: error.scimType, message: error.message },
    };
  }
  const all = await target.getGroups({ startIndex: 1, sortOrder: 'ascending' });
  const people = await Promise.all(users.map((user) => target.getUser(user.id as string)));
  return { state: { groups: all.resources, users: people } };
}

async function bothWays(id: string, operations: PatchOperation[]): Promise<[Outcome, Outcome]> {
  const [generic, fast] = [store(), store()];
  return [
    await outcome(generic, () => genericPatch(generic, id, structuredClone(operations))),
    await outcome(fast, () => fast.patchGroup(id, structuredClone(operations))),
  ];
}

const add = (...values: unknown[]): PatchOperation => ({ op: 'add', path: 'members', value: values });
const removeValue = (value: string): PatchOperation => ({
  op: 'remove',
  path: `members[value eq "${value}"]`,
});

const CASES: [string, string, PatchOperation[]][] = [
  ['add a new member', 'g1', [add({ value: 'u3' })]],
  ['add a member already there (no change, same version)', 'g1', [add({ value: 'u1' })]],
  ['add a member already there with another display', 'g1', [add({ value: 'u1', display: 'Annie' })]],
  ['add a member in another case (merged, value rewritten)', 'g1', [add({ value: 'U1' })]],
  ['add the same member twice in one list', 'g1', [add({ value: 'u3' }, { value: 'u3', display: 'C' })]],
  ['add a bare value and a number', 'g1', [add('u3', 42)]],
  ['add a member no resource names', 'g1', [add({ value: 'nobody' })]],
  ['add a first member to a group with none', 'g4', [add({ value: 'u1' })]],
  ['add to a group stored with an empty list', 'g3', [add({ value: 'u2' })]],
  ['add nothing to a group stored with an empty list', 'g3', [add()]],
  ['add an existing value as another type (a new member)', 'g1', [add({ value: 'u1', type: 'Group' })]],
  ['remove through value eq', 'g1', [removeValue('u2')]],
  ['remove through value eq in another case', 'g1', [removeValue('U2')]],
  ['remove a member not there (no change)', 'g1', [removeValue('zz')]],
  ['remove from a group stored with an empty list', 'g3', [removeValue('u1')]],
  ['remove the last member', 'g2', [removeValue('u3')]],
  ['remove several through consecutive filters', 'g1', [removeValue('u1'), removeValue('g2')]],
  [
    'remove a value list (Entra ID)',
    'g1',
    [{ op: 'remove', path: 'members', value: [{ value: 'u1' }, { value: 'g2' }] }],
  ],
  [
    'remove a value list naming a type',
    'g1',
    [{ op: 'remove', path: 'members', value: [{ value: 'g2', type: 'User' }] }],
  ],
  ['remove through another filter (scan)', 'g1', [{ op: 'remove', path: 'members[display eq "Ann"]' }]],
  ['remove every member', 'g1', [{ op: 'remove', path: 'members' }]],
  [
    'replace the members',
    'g1',
    [{ op: 'replace', path: 'members', value: [{ value: 'u3' }, { value: 'u1' }] }],
  ],
  ['add then remove the same member (no change)', 'g1', [add({ value: 'u3' }), removeValue('u3')]],
  ['remove then add a member (moves to the end)', 'g1', [removeValue('u1'), add({ value: 'u1' })]],
  ['rename by path', 'g1', [{ op: 'replace', path: 'displayName', value: 'Sales EU' }]],
  [
    'rename a group that is a member (display follows)',
    'g2',
    [{ op: 'replace', value: { id: 'g2', displayName: 'Chiefs' } }],
  ],
  [
    'Okta rename to the same name (no change)',
    'g1',
    [{ op: 'replace', value: { id: 'g1', displayName: 'Sales' } }],
  ],
  [
    'rename and add members in one request',
    'g1',
    [{ op: 'replace', path: 'displayName', value: 'S2' }, add({ value: 'u3' })],
  ],
  [
    'externalId',
    'g1',
    [
      { op: 'replace', path: 'externalId', value: 'e2' },
      { op: 'remove', path: 'externalId' },
    ],
  ],
  ['members in a value object', 'g1', [{ op: 'add', value: { members: [{ value: 'u3' }] } }]],
  [
    'a member sub-attribute through a filter',
    'g1',
    [{ op: 'replace', path: 'members[value eq "u1"].display', value: 'A' }],
  ],
  ['a member without a value', 'g1', [add({ display: 'no id' })]],
  ['a member whose value is an object', 'g1', [add({ value: { id: 'u3' } })]],
  ['a member whose value is a boolean', 'g1', [add({ value: true })]],
  ['a member whose immutable $ref changes', 'g1', [add({ value: 'u2', $ref: 'https://y/Users/u2' })]],
  [
    'a taken displayName with a member',
    'g1',
    [{ op: 'replace', path: 'displayName', value: 'LEADS' }, add({ value: 'u3' })],
  ],
  ['remove the displayName', 'g1', [{ op: 'remove', path: 'displayName' }, add({ value: 'u3' })]],
  [
    'an unknown op',
    'g1',
    [add({ value: 'u3' }), { op: 'move', path: 'members' } as unknown as PatchOperation],
  ],
  ['an unknown path', 'g1', [add({ value: 'u3' }), { op: 'add', path: 'nope', value: 1 }]],
  [
    'add through a filter (Entra ID)',
    'g1',
    [{ op: 'add', path: 'members[value eq "u3"]', value: { display: 'C' } }],
  ],
  ['a group that is not there', 'zz', [add({ value: 'u3' })]],
];

describe('group PATCH: the store gives what read-apply-update gives', () => {
  for (const [name, id, operations] of CASES) {
    it(name, async () => {
      const [generic, fast] = await bothWays(id, operations);
      assert.deepStrictEqual(fast, generic);
    });
  }

  it('keeps the version on a no-op and moves it on a change', async () => {
    const target = store();
    const before = await target.getGroup('g1');
    await target.patchGroup('g1', [add({ value: 'u1' }), removeValue('zz')]);
    assert.equal((await target.getGroup('g1')).meta?.version, before.meta?.version);
    await target.patchGroup('g1', [add({ value: 'u3' })]);
    assert.notEqual((await target.getGroup('g1')).meta?.version, before.meta?.version);
  });
});

const seed = 20261130;
const numRuns = 150;
const VALUES = ['u1', 'U1', 'u2', 'u3', 'g2', 'x'];

const member = fc.record(
  {
    value: fc.constantFrom(...VALUES),
    display: fc.constantFrom('Ann', 'B', 'Z'),
    type: fc.constantFrom('User', 'Group'),
  },
  { requiredKeys: ['value'] },
);
const operation: fc.Arbitrary<PatchOperation> = fc.oneof(
  { weight: 4, arbitrary: fc.array(member, { maxLength: 3 }).map((list) => add(...list)) },
  { weight: 4, arbitrary: fc.constantFrom(...VALUES).map(removeValue) },
  {
    weight: 2,
    arbitrary: fc
      .array(member, { minLength: 1, maxLength: 2 })
      .map((list): PatchOperation => ({ op: 'remove', path: 'members', value: list })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('Sales', 'Leads', 'New')
      .map((value): PatchOperation => ({ op: 'replace', path: 'displayName', value })),
  },
  { weight: 1, arbitrary: fc.constant<PatchOperation>({ op: 'remove', path: 'members[display eq "Ann"]' }) },
  {
    weight: 1,
    arbitrary: fc
      .array(member, { maxLength: 2 })
      .map((list): PatchOperation => ({ op: 'replace', path: 'members', value: list })),
  },
);

describe(`group PATCH: random operations (fast-check seed ${seed}, ${numRuns} runs)`, () => {
  it('the store and read-apply-update agree on every sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('g1', 'g2', 'g3', 'g4'),
        fc.array(operation, { maxLength: 6 }),
        async (id, operations) => {
          const [generic, fast] = await bothWays(id, operations);
          assert.deepStrictEqual(fast, generic);
        },
      ),
      { seed, numRuns },
    );
  });
});
