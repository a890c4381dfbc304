// Property tests of the PATCH engine: random bodies only ever fail with a ScimError and never touch their input.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ScimError } from '../src/protocol/errors.js';
import { applyPatch } from '../src/protocol/patch/apply.js';
import { parsePatchRequest } from '../src/protocol/patch/request.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { URN, type ScimResource } from '../src/protocol/resource.js';

const seed = 20261128;
const numRuns = 300;
const registry = createSchemaRegistry();
const ENT = URN.enterpriseUser;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

const user = (): ScimResource => ({
  schemas: [URN.user, ENT],
  id: 'u1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  [ENT]: { employeeNumber: '7', manager: { value: 'm1' } },
});
const group = (): ScimResource => ({
  schemas: [URN.group],
  id: 'g1',
  displayName: 'G',
  members: [{ value: 'u1', display: 'B' }, { value: 'u2' }],
});

/** Paths drawn from real attribute names, sub-attributes, filters, odd cases and garbage. */
const pathArb = fc.oneof(
  fc.constantFrom(
    'active',
    'userName',
    'name',
    'name.givenName',
    'NAME.familyname',
    'emails',
    'emails.value',
    'emails.type',
    'emails[type eq "work"]',
    'emails[type eq "work"].value',
    'emails[value co "@"].primary',
    'emails[type eq "other"].value',
    'members',
    'members[value eq "u1"]',
    'members[value eq "u1"].display',
    'members[display pr]',
    `${ENT}:manager`,
    `${ENT}:manager.value`,
    `${ENT}:employeeNumber`,
    'id',
    'meta.lastModified',
    'groups',
    'addresses[type eq "work"].streetAddress',
    'displayName',
    'nickName',
    'x509Certificates',
    'emails[',
    'a.b.c',
    '',
  ),
  fc.string({ maxLength: 20 }),
);
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(true, 'False', 'true', null, [], {}, [{ value: 'u3' }], {
    value: 'x',
    type: 'work',
    primary: true,
  }),
  fc.record(
    {
      active: fc.oneof(fc.boolean(), fc.constant('False')),
      displayName: fc.string(),
      id: fc.string(),
      'name.givenName': fc.string(),
    },
    { requiredKeys: [] },
  ),
);
const operationArb = fc.record(
  {
    op: fc.oneof(
      fc.constantFrom('add', 'remove', 'replace', 'Add', 'REPLACE', 'Remove'),
      fc.string({ maxLength: 8 }),
    ),
    path: pathArb,
    value: valueArb,
  },
  { requiredKeys: ['op'] },
);
const bodyArb = fc.oneof(
  fc.record({ schemas: fc.constant([URN.patchOp]), Operations: fc.array(operationArb, { maxLength: 5 }) }),
  fc.record(
    { Operations: fc.array(fc.oneof(operationArb, fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }) },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 4 }),
);

describe(`PATCH properties (fast-check seed ${seed}, ${numRuns} runs)`, () => {
  for (const [name, make] of [
    ['User', user],
    ['Group', group],
  ] as const) {
    it(`random bodies on a ${name} either apply or throw a ScimError, and never change their input`, () => {
      fc.assert(
        fc.property(bodyArb, (body) => {
          const resource = deepFreeze(make());
          const before = JSON.stringify(body);
          const frozenBody: unknown = deepFreeze(body);
          try {
            const { resource: result, changed } = applyPatch(
              resource,
              parsePatchRequest(frozenBody),
              registry.forType(name),
            );
            assert.ok(Array.isArray(result.schemas));
            assert.ok(changed.every((label) => typeof label === 'string'));
          } catch (err) {
            if (!(err instanceof ScimError)) throw err;
            assert.equal(err.status, 400);
          }
          assert.deepEqual(resource, make());
          assert.equal(JSON.stringify(frozenBody), before);
        }),
        { seed, numRuns },
      );
    });
  }

  const token = fc.stringMatching(/^[A-Za-z0-9._@-]{1,16}$/);

  it('adding a member then removing it by filter restores the group', () => {
    fc.assert(
      fc.property(token, fc.option(token, { nil: undefined }), (id, display) => {
        fc.pre(id.toLowerCase() !== 'u1' && id.toLowerCase() !== 'u2');
        const start = deepFreeze(group());
        const member = display === undefined ? { value: id } : { value: id, display };
        const added = applyPatch(start, [{ op: 'add', path: 'members', value: [member] }], registry.group);
        assert.deepEqual(added.changed, ['members']);
        const removed = applyPatch(
          added.resource,
          [{ op: 'remove', path: `members[value eq ${JSON.stringify(id)}]` }],
          registry.group,
        );
        assert.deepEqual(removed.resource, start);
      }),
      { seed, numRuns },
    );
  });

  it('adding an email then removing it by filter restores the user', () => {
    fc.assert(
      fc.property(token, fc.constantFrom('work', 'home', 'other'), (address, type) => {
        fc.pre(!['bjensen@example.com', 'babs@jensen.org'].includes(address.toLowerCase()));
        const start = deepFreeze(user());
        const added = applyPatch(
          start,
          [{ op: 'add', value: { emails: [{ value: address, type }] } }],
          registry.user,
        );
        const removed = applyPatch(
          added.resource,
          [{ op: 'remove', path: `emails[value eq ${JSON.stringify(address)}]` }],
          registry.user,
        );
        assert.deepEqual(removed.resource, start);
      }),
      { seed, numRuns },
    );
  });

  it('setting an absent attribute then removing it restores the user', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('nickName', 'title', 'locale', `${ENT}:department`, 'name.middleName'),
        token,
        (path, value) => {
          const start = deepFreeze(user());
          const added = applyPatch(start, [{ op: 'add', path, value }], registry.user);
          assert.equal(added.changed.length, 1);
          const removed = applyPatch(added.resource, [{ op: 'remove', path }], registry.user);
          assert.deepEqual(removed.resource, start);
          assert.deepEqual(removed.changed, added.changed);
        },
      ),
      { seed, numRuns },
    );
  });
});
