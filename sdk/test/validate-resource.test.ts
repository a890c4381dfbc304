// Pins validateResource: lenient input (case, URN keys, dotted keys, string booleans), canonical output, errors.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ScimError } from '../src/protocol/errors.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { attribute } from '../src/protocol/schemas/attribute.js';
import { URN } from '../src/protocol/resource.js';
import {
  RESOURCE_LIMITS,
  validateResource,
  type ValidateOptions,
} from '../src/protocol/validate-resource.js';

const registry = createSchemaRegistry();
const ENT = URN.enterpriseUser;

describe('validateResource', () => {
  const cases: [
    string,
    { type: 'User' | 'Group'; given: unknown; want: unknown; options?: ValidateOptions },
  ][] = [
    [
      'keeps a plain user, setting schemas to the core URN',
      {
        type: 'User',
        given: { userName: 'bjensen', active: true },
        want: { schemas: [URN.user], userName: 'bjensen', active: true },
      },
    ],
    [
      'writes attribute names in canonical case',
      {
        type: 'User',
        given: {
          USERNAME: 'b',
          Name: { GivenName: 'Barbara', familyname: 'Jensen' },
          Emails: [{ VALUE: 'b@x.com', Primary: 'True' }],
        },
        want: {
          schemas: [URN.user],
          userName: 'b',
          name: { givenName: 'Barbara', familyName: 'Jensen' },
          emails: [{ value: 'b@x.com', primary: true }],
        },
      },
    ],
    [
      'drops read-only attributes and keeps the write-only password',
      {
        type: 'User',
        given: {
          id: 'client-id',
          meta: { resourceType: 'User' },
          groups: [{ value: 'g1' }],
          userName: 'b',
          password: 's3cret',
          [ENT]: { manager: { value: 'm1', displayName: 'Boss' } },
        },
        want: {
          schemas: [URN.user, ENT],
          userName: 'b',
          password: 's3cret',
          [ENT]: { manager: { value: 'm1' } },
        },
      },
    ],
    [
      'nests fully qualified extension keys under the URN and lists the extension',
      {
        type: 'User',
        given: {
          userName: 'b',
          [`${ENT}:employeeNumber`]: '701984',
          [`${ENT.toUpperCase()}:Manager.value`]: 'm1',
        },
        want: {
          schemas: [URN.user, ENT],
          userName: 'b',
          [ENT]: { employeeNumber: '701984', manager: { value: 'm1' } },
        },
      },
    ],
    [
      'merges an extension object, its URN in any case, with qualified keys',
      {
        type: 'User',
        given: { userName: 'b', [ENT.toLowerCase()]: { department: 'Tour' }, [`${ENT}:division`]: 'Ops' },
        want: { schemas: [URN.user, ENT], userName: 'b', [ENT]: { department: 'Tour', division: 'Ops' } },
      },
    ],
    [
      'accepts core attributes qualified by the core URN and dotted keys',
      {
        type: 'User',
        given: { [`${URN.user}:userName`]: 'b', 'name.givenName': 'Barbara', name: { familyName: 'Jensen' } },
        want: { schemas: [URN.user], userName: 'b', name: { givenName: 'Barbara', familyName: 'Jensen' } },
      },
    ],
    [
      'coerces string booleans, numbers for strings, and wraps a single value of a multi-valued attribute',
      {
        type: 'User',
        given: { userName: 'b', active: 'False', externalId: 42, emails: { value: 'b@x.com' } },
        want: {
          schemas: [URN.user],
          userName: 'b',
          active: false,
          externalId: '42',
          emails: [{ value: 'b@x.com' }],
        },
      },
    ],
    [
      'reads a bare value of a complex attribute as its value sub-attribute',
      {
        type: 'User',
        given: { userName: 'b', [ENT]: { manager: '26118915-6090-4610-87e4-49d8ca9f808d' } },
        want: {
          schemas: [URN.user, ENT],
          userName: 'b',
          [ENT]: { manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d' } },
        },
      },
    ],
    [
      'treats null as unassigned and drops nulls inside arrays and empty extensions',
      {
        type: 'User',
        given: {
          userName: 'b',
          nickName: null,
          emails: [null, { value: 'a@x.com', display: null }],
          name: { givenName: null },
          [ENT]: {},
        },
        want: { schemas: [URN.user], userName: 'b', emails: [{ value: 'a@x.com' }] },
      },
    ],
    [
      'ignores unknown attributes and unknown schemas by default',
      {
        type: 'User',
        given: {
          schemas: [URN.user, 'urn:example:unknown'],
          userName: 'b',
          favouriteColour: 'red',
          name: { middle: 'x', givenName: 'B' },
        },
        want: { schemas: [URN.user], userName: 'b', name: { givenName: 'B' } },
      },
    ],
    [
      'keeps a group with members and drops the client id (Okta sample group create)',
      {
        type: 'Group',
        given: {
          schemas: [URN.group],
          id: '1001',
          displayName: 'Marketing',
          members: [
            { value: '101', display: 'okta' },
            { value: '102', display: 'admin' },
          ],
        },
        want: {
          schemas: [URN.group],
          displayName: 'Marketing',
          members: [
            { value: '101', display: 'okta' },
            { value: '102', display: 'admin' },
          ],
        },
      },
    ],
    [
      'keeps an empty members array (a PUT that empties the group)',
      {
        type: 'Group',
        given: { displayName: 'G', members: [] },
        want: { schemas: [URN.group], displayName: 'G', members: [] },
      },
    ],
    [
      'accepts an integer given as a string for an integer attribute of an extension',
      {
        type: 'User',
        given: {
          userName: 'b',
          'urn:example:ext:1.0:User': {
            level: '7',
            ratio: '0.5',
            since: '2026-01-31T10:00:00Z',
            badge: 'B1',
          },
        },
        want: {
          schemas: [URN.user, 'urn:example:ext:1.0:User'],
          userName: 'b',
          'urn:example:ext:1.0:User': { level: 7, ratio: 0.5, since: '2026-01-31T10:00:00Z', badge: 'B1' },
        },
      },
    ],
  ];
  for (const [name, { type, given, want, options }] of cases) {
    it(name, () => assert.deepEqual(validateResource(given, schemaFor(type), options), want));
  }

  const errors: [
    string,
    {
      type: 'User' | 'Group';
      given: unknown;
      code: string;
      scimType: string;
      attribute?: string;
      options?: ValidateOptions;
    },
  ][] = [
    [
      'a resource that is not an object',
      { type: 'User', given: ['userName'], code: 'SCIM_ERR_INVALID_SYNTAX', scimType: 'invalidSyntax' },
    ],
    [
      'a null resource',
      { type: 'User', given: null, code: 'SCIM_ERR_INVALID_SYNTAX', scimType: 'invalidSyntax' },
    ],
    [
      'schemas that is a string',
      {
        type: 'User',
        given: { schemas: URN.user, userName: 'b' },
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
    [
      'schemas holding a number',
      {
        type: 'User',
        given: { schemas: [1], userName: 'b' },
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
    [
      'a missing userName',
      {
        type: 'User',
        given: { name: { givenName: 'B' } },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'userName',
      },
    ],
    [
      'an empty userName',
      {
        type: 'User',
        given: { userName: '' },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'userName',
      },
    ],
    [
      'a missing group displayName',
      {
        type: 'Group',
        given: { members: [] },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'displayName',
      },
    ],
    [
      'a boolean for a string',
      {
        type: 'User',
        given: { userName: true },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'userName',
      },
    ],
    [
      'a word for a boolean',
      {
        type: 'User',
        given: { userName: 'b', active: 'yes' },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'active',
      },
    ],
    [
      'an array for a single value',
      {
        type: 'User',
        given: { userName: ['a', 'b'] },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'userName',
      },
    ],
    [
      'a string for an address',
      {
        type: 'User',
        given: { userName: 'b', addresses: ['Main St'] },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'addresses',
      },
    ],
    [
      'a string for name',
      {
        type: 'User',
        given: { userName: 'b', name: 'Barbara' },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'name',
      },
    ],
    [
      'nested arrays',
      {
        type: 'User',
        given: { userName: 'b', emails: [[{ value: 'x' }]] },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'emails',
      },
    ],
    [
      'a number for a sub-attribute boolean',
      {
        type: 'User',
        given: { userName: 'b', emails: [{ value: 'x', primary: 1 }] },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'emails.primary',
      },
    ],
    [
      'an extension that is a string',
      {
        type: 'User',
        given: { userName: 'b', [ENT]: 'x' },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: ENT,
      },
    ],
    [
      'a sub-attribute of a multi-valued attribute on its own',
      {
        type: 'User',
        given: { userName: 'b', 'emails.value': 'x' },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'emails.value',
      },
    ],
    [
      'a fraction for an integer',
      {
        type: 'User',
        given: { userName: 'b', 'urn:example:ext:1.0:User': { level: 1.5 } },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'urn:example:ext:1.0:User:level',
      },
    ],
    [
      'text for an integer',
      {
        type: 'User',
        given: { userName: 'b', 'urn:example:ext:1.0:User': { level: '1e3' } },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
      },
    ],
    [
      'text for a decimal',
      {
        type: 'User',
        given: { userName: 'b', 'urn:example:ext:1.0:User': { ratio: 'half' } },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
      },
    ],
    [
      'a date that is not a dateTime',
      {
        type: 'User',
        given: { userName: 'b', 'urn:example:ext:1.0:User': { since: 'yesterday' } },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
      },
    ],
    [
      'a number for a reference',
      {
        type: 'User',
        given: { userName: 'b', profileUrl: 5 },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'profileUrl',
      },
    ],
    [
      'a required extension attribute missing',
      {
        type: 'User',
        given: { userName: 'b', 'urn:example:ext:1.0:User': { level: 1 } },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'urn:example:ext:1.0:User:badge',
        options: {},
      },
    ],
    [
      'a string over the length limit',
      {
        type: 'User',
        given: { userName: 'x'.repeat(11) },
        options: { maxStringLength: 10 },
        code: 'SCIM_ERR_INVALID_VALUE',
        scimType: 'invalidValue',
        attribute: 'userName',
      },
    ],
    [
      'more members than maxMembers',
      {
        type: 'Group',
        given: { displayName: 'G', members: [{ value: '1' }, { value: '2' }, { value: '3' }] },
        options: { maxMembers: 2 },
        code: 'SCIM_ERR_TOO_MANY_VALUES',
        scimType: 'invalidValue',
        attribute: 'members',
      },
    ],
    [
      'more values of a user attribute than maxMultiValued',
      {
        type: 'User',
        given: { userName: 'v', emails: [{ value: 'a@x' }, { value: 'b@x' }, { value: 'c@x' }] },
        options: { maxMultiValued: 2 },
        code: 'SCIM_ERR_TOO_MANY_VALUES',
        scimType: 'invalidValue',
        attribute: 'emails',
      },
    ],
    [
      'more values of a user attribute than the default maxMultiValued',
      {
        type: 'User',
        given: {
          userName: 'v',
          roles: Array.from({ length: RESOURCE_LIMITS.maxMultiValued + 1 }, (_, i) => ({ value: `r${i}` })),
        },
        code: 'SCIM_ERR_TOO_MANY_VALUES',
        scimType: 'invalidValue',
        attribute: 'roles',
      },
    ],
    [
      'nesting over the depth limit',
      {
        type: 'User',
        given: { userName: 'b', name: { givenName: 'x' } },
        options: { maxDepth: 1 },
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
    [
      'an unknown attribute when rejected',
      {
        type: 'User',
        given: { userName: 'b', colour: 'red' },
        options: { unknownAttributes: 'reject' },
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
    [
      'an unknown sub-attribute when rejected',
      {
        type: 'User',
        given: { userName: 'b', name: { middle: 'x' } },
        options: { unknownAttributes: 'reject' },
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
    [
      'a __proto__ key',
      {
        type: 'User',
        given: JSON.parse('{"userName":"b","__proto__":{"admin":true}}'),
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
    [
      'a nested constructor key',
      {
        type: 'User',
        given: { userName: 'b', name: { constructor: { prototype: {} } } },
        code: 'SCIM_ERR_INVALID_SYNTAX',
        scimType: 'invalidSyntax',
      },
    ],
  ];
  it('keeps the most values of a user attribute by default, and a group with 50,000 members', () => {
    const emails = Array.from({ length: RESOURCE_LIMITS.maxMultiValued }, (_, i) => ({ value: `e${i}@x` }));
    assert.equal(
      (validateResource({ userName: 'm', emails }, schemaFor('User'))['emails'] as unknown[]).length,
      1_000,
    );
    const members = Array.from({ length: 50_000 }, (_, i) => ({ value: `m${i}` }));
    const group = validateResource({ displayName: 'big', members }, schemaFor('Group'));
    assert.equal((group['members'] as unknown[]).length, 50_000);
  });

  for (const [name, { type, given, code, scimType, attribute, options }] of errors) {
    it(`rejects ${name} with ${scimType}`, () => {
      assert.throws(
        () => validateResource(given, schemaFor(type), options),
        (err: unknown) => {
          assert.ok(err instanceof ScimError, String(err));
          assert.equal(err.code, code);
          assert.equal(err.status, 400);
          assert.equal(err.scimType, scimType);
          if (attribute !== undefined) assert.ok(err.message.includes(`"${attribute}"`), err.message);
          return true;
        },
      );
    });
  }

  it('keeps primary true on one record at most: the last one given (RFC 7643 §2.4)', () => {
    const result = validateResource(
      {
        userName: 'b',
        emails: [{ value: 'a@x', primary: true }, { value: 'b@x', primary: 'True' }, { value: 'c@x' }],
        phoneNumbers: [{ value: '1', primary: true }],
      },
      registry.user,
    );
    assert.deepEqual(result.emails, [
      { value: 'a@x', primary: false },
      { value: 'b@x', primary: true },
      { value: 'c@x' },
    ]);
    assert.deepEqual(result.phoneNumbers, [{ value: '1', primary: true }]);
  });

  it('does not change its input', () => {
    const given = { userName: 'b', Name: { givenName: 'B' }, emails: [{ value: 'x', primary: 'true' }] };
    const copy = structuredClone(given);
    const result = validateResource(given, registry.user);
    assert.deepEqual(given, copy);
    result.emails = [];
    assert.deepEqual(given, copy);
  });

  it('survives a very deep body without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    assert.throws(() => validateResource({ userName: 'b', name: deep }, registry.user), {
      code: 'SCIM_ERR_INVALID_SYNTAX',
    });
  });
});

const extended = createSchemaRegistry({
  userExtensions: [
    {
      id: 'urn:example:ext:1.0:User',
      name: 'Ext',
      attributes: [
        attribute('level', 'integer'),
        attribute('ratio', 'decimal'),
        attribute('since', 'dateTime'),
        attribute('badge', 'string', { required: true }),
      ],
    },
  ],
});

function schemaFor(type: 'User' | 'Group') {
  return type === 'User' ? extended.user : registry.group;
}

describe('validateResource properties (fast-check seed 20261128, 300 runs)', () => {
  const keyArb = fc.oneof(
    fc.constantFrom(
      'userName',
      'NAME',
      'name.givenName',
      'emails',
      'active',
      'id',
      'meta',
      'groups',
      ENT,
      `${ENT}:manager`,
    ),
    fc.string({ maxLength: 12 }),
  );
  const bodyArb = fc.oneof(
    fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

  it('random bodies give a canonical resource (stable when validated again) or a 400 ScimError, nothing else', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        try {
          const resource = validateResource(body, registry.user);
          assert.equal(resource.schemas[0], URN.user);
          assert.equal(typeof resource.userName, 'string');
          assert.equal(resource.id, undefined);
          assert.equal(resource.meta, undefined);
          assert.deepEqual(
            validateResource(resource, registry.user),
            resource,
            'canonical output validates to itself',
          );
        } catch (err) {
          if (!(err instanceof ScimError)) throw err;
          assert.equal(err.status, 400);
        }
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
