// Malformed PATCH bodies and resources: each answers one exact ScimError (status, scimType, code), never another exception.
import { strict as assert } from 'node:assert';
import { ScimError, type ScimErrorCode } from '../src/protocol/errors.js';
import { applyPatch } from '../src/protocol/patch/apply.js';
import { parsePatchRequest } from '../src/protocol/patch/request.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { URN, type ScimResource } from '../src/protocol/resource.js';
import { validateResource } from '../src/protocol/validate-resource.js';
import type { PatchOperation } from '../src/service/scim-service.js';

const registry = createSchemaRegistry();
const ENT = URN.enterpriseUser;
const user: ScimResource = {
  schemas: [URN.user],
  id: 'u1',
  userName: 'bjensen',
  emails: [{ value: 'b@example.com', type: 'work' }],
  name: { givenName: 'B' },
};
const group: ScimResource = {
  schemas: [URN.group],
  id: 'g1',
  displayName: 'G',
  members: [{ value: 'u1', display: 'B' }],
};

const want = {
  syntax: { status: 400, scimType: 'invalidSyntax', code: 'SCIM_ERR_INVALID_SYNTAX' },
  path: { status: 400, scimType: 'invalidPath', code: 'SCIM_ERR_INVALID_PATH' },
  noTarget: { status: 400, scimType: 'noTarget', code: 'SCIM_ERR_NO_TARGET' },
  value: { status: 400, scimType: 'invalidValue', code: 'SCIM_ERR_INVALID_VALUE' },
  mutability: { status: 400, scimType: 'mutability', code: 'SCIM_ERR_MUTABILITY' },
} as const satisfies Record<string, { status: number; scimType: string; code: ScimErrorCode }>;
type Want = (typeof want)[keyof typeof want];

const ops = (...Operations: unknown[]) => ({ schemas: [URN.patchOp], Operations });

/** Bodies the server reads with parsePatchRequest then applies to `resource`. */
const bodies: [string, { body: unknown; resource?: ScimResource; type?: 'User' | 'Group'; want: Want }][] = [
  ['a JSON array', { body: [], want: want.syntax }],
  ['a string', { body: 'Operations', want: want.syntax }],
  ['null', { body: null, want: want.syntax }],
  ['no Operations', { body: { schemas: [URN.patchOp] }, want: want.syntax }],
  [
    'Operations an object',
    { body: { schemas: [URN.patchOp], Operations: { op: 'add' } }, want: want.syntax },
  ],
  ['schemas a string', { body: { schemas: URN.patchOp, Operations: [] }, want: want.syntax }],
  ['schemas without the PatchOp URN', { body: { schemas: [URN.user], Operations: [] }, want: want.syntax }],
  ['schemas holding a number', { body: { schemas: [URN.patchOp, 7], Operations: [] }, want: want.syntax }],
  ['an operation that is a string', { body: ops('replace'), want: want.syntax }],
  ['an operation that is null', { body: ops(null), want: want.syntax }],
  ['an operation without op', { body: ops({ path: 'active', value: true }), want: want.syntax }],
  ['an unknown op', { body: ops({ op: 'move', path: 'active', value: true }), want: want.syntax }],
  ['op a number', { body: ops({ op: 1, path: 'active', value: true }), want: want.syntax }],
  [
    'op "copy" (JSON Patch, not SCIM)',
    { body: ops({ op: 'copy', from: 'nickName', path: 'title' }), want: want.syntax },
  ],
  [
    'too many operations',
    {
      body: ops(...Array.from({ length: 10_001 }, () => ({ op: 'remove', path: 'title' }))),
      want: want.syntax,
    },
  ],
  [
    'a value nested too deeply',
    {
      body: ops({ op: 'add', value: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as unknown }),
      want: want.syntax,
    },
  ],
  ['remove without a path', { body: ops({ op: 'remove' }), want: want.noTarget }],
  ['remove with an empty path', { body: ops({ op: 'remove', path: '  ' }), want: want.noTarget }],
  ['remove with a null path', { body: ops({ op: 'remove', path: null, value: 'x' }), want: want.noTarget }],
  ['a path that is a number', { body: ops({ op: 'replace', path: 5, value: 'x' }), want: want.path }],
  [
    'a path that is an object',
    { body: ops({ op: 'replace', path: { name: 'x' }, value: 'x' }), want: want.path },
  ],
  [
    'a path that does not parse',
    { body: ops({ op: 'replace', path: 'emails[type eq', value: 'x' }), want: want.path },
  ],
  ['a path with an empty filter', { body: ops({ op: 'remove', path: 'members[]' }), want: want.path }],
  [
    'a path naming no attribute',
    { body: ops({ op: 'replace', path: 'favouriteColour', value: 'red' }), want: want.path },
  ],
  [
    'a path naming no sub-attribute',
    { body: ops({ op: 'replace', path: 'name.middle', value: 'x' }), want: want.path },
  ],
  [
    'a path with an unknown schema URN',
    { body: ops({ op: 'replace', path: 'urn:example:nothing:1.0:User:x', value: 'x' }), want: want.path },
  ],
  [
    'a filter on a single-valued attribute',
    { body: ops({ op: 'replace', path: 'name[givenName eq "B"].familyName', value: 'x' }), want: want.path },
  ],
  [
    'a filter on a simple attribute',
    { body: ops({ op: 'remove', path: 'userName[value eq "x"]' }), want: want.path },
  ],
  [
    'a filtered path with an unknown sub-attribute',
    { body: ops({ op: 'replace', path: 'emails[type eq "work"].nope', value: 'x' }), want: want.path },
  ],
  [
    'a path through __proto__',
    { body: ops({ op: 'add', path: '__proto__.polluted', value: 'yes' }), want: want.path },
  ],
  [
    'a path through constructor',
    { body: ops({ op: 'add', path: 'constructor.prototype', value: { polluted: 'yes' } }), want: want.path },
  ],
  [
    'a __proto__ key in a value object',
    {
      body: JSON.parse('{"Operations":[{"op":"add","value":{"__proto__":{"polluted":"yes"}}}]}'),
      want: want.path,
    },
  ],
  [
    'a dotted key reaching prototype',
    { body: ops({ op: 'add', value: { 'name.prototype': 'x' } }), want: want.path },
  ],
  ['add without a value', { body: ops({ op: 'add', path: 'title' }), want: want.value }],
  ['replace without a value or path', { body: ops({ op: 'replace' }), want: want.value }],
  [
    'replace without a path and a string value',
    { body: ops({ op: 'replace', value: 'active=false' }), want: want.value },
  ],
  [
    'replace without a path and an array value',
    { body: ops({ op: 'replace', value: [{ active: false }] }), want: want.value },
  ],
  [
    'a boolean that is a word',
    { body: ops({ op: 'replace', path: 'active', value: 'no' }), want: want.value },
  ],
  [
    'an object for a string',
    { body: ops({ op: 'replace', path: 'userName', value: { value: 'x' } }), want: want.value },
  ],
  [
    'an array for a single value',
    { body: ops({ op: 'replace', value: { displayName: ['a', 'b'] } }), want: want.value },
  ],
  [
    'a string for an address record',
    { body: ops({ op: 'add', path: 'addresses', value: ['1 Main St'] }), want: want.value },
  ],
  [
    'a string for a filtered address',
    { body: ops({ op: 'replace', path: 'emails[type eq "work"]', value: ['x'] }), want: want.value },
  ],
  [
    'an extension that is a string',
    { body: ops({ op: 'replace', value: { [ENT]: 'Tour' } }), want: want.value },
  ],
  ['removing userName', { body: ops({ op: 'remove', path: 'userName' }), want: want.value }],
  ['emptying userName', { body: ops({ op: 'replace', value: { userName: '' } }), want: want.value }],
  [
    'removing the group displayName',
    { body: ops({ op: 'remove', path: 'displayName' }), resource: group, type: 'Group', want: want.value },
  ],
  [
    'replace through a filter that matches nothing',
    {
      body: ops({ op: 'replace', path: 'emails[type eq "home"]', value: { value: 'h@x' } }),
      want: want.noTarget,
    },
  ],
  [
    'add through a filter that cannot describe a record',
    { body: ops({ op: 'add', path: 'emails[type ne "work"].value', value: 'h@x' }), want: want.noTarget },
  ],
  [
    'replace through an or filter that matches nothing',
    {
      body: ops({ op: 'replace', path: 'emails[type eq "a" or type eq "b"].value', value: 'x' }),
      want: want.noTarget,
    },
  ],
  [
    'replacing id with another id',
    { body: ops({ op: 'replace', path: 'id', value: 'other' }), want: want.mutability },
  ],
  ['removing meta', { body: ops({ op: 'remove', path: 'meta' }), want: want.mutability }],
  [
    'setting groups by path',
    { body: ops({ op: 'add', path: 'groups', value: [{ value: 'g' }] }), want: want.mutability },
  ],
  [
    'filtering groups by path',
    { body: ops({ op: 'remove', path: 'groups[value eq "g"]' }), want: want.mutability },
  ],
  [
    'changing a member value',
    {
      body: ops({ op: 'replace', path: 'members[value eq "u1"].value', value: 'u2' }),
      resource: group,
      type: 'Group',
      want: want.mutability,
    },
  ],
  [
    'changing a member value through a record',
    {
      body: ops({ op: 'replace', path: 'members[value eq "u1"]', value: { value: 'u2' } }),
      resource: group,
      type: 'Group',
      want: want.mutability,
    },
  ],
];

/** Operations handed to applyPatch directly, as a connector's own code may. */
const direct: [string, { operations: unknown; want: Want }][] = [
  ['operations not an array', { operations: { op: 'add' }, want: want.syntax }],
  ['an operation that is a number', { operations: [1], want: want.syntax }],
  [
    'an op in no known case',
    { operations: [{ op: 'upsert', path: 'title', value: 'x' }], want: want.syntax },
  ],
  ['remove without a path', { operations: [{ op: 'remove' }], want: want.noTarget }],
  ['a path that is an array', { operations: [{ op: 'add', path: ['title'], value: 'x' }], want: want.path }],
  [
    'a __proto__ key nested in a value',
    {
      operations: [{ op: 'add', path: 'name', value: JSON.parse('{"__proto__":{"x":1}}') as unknown }],
      want: want.path,
    },
  ],
  [
    'a value nested too deeply',
    {
      operations: [{ op: 'add', path: 'title', value: [[[[[[[[[[[[[[[[[['x']]]]]]]]]]]]]]]]]] }],
      want: want.syntax,
    },
  ],
];

/** Resource bodies for POST and PUT. */
const resources: [string, { body: unknown; type?: 'User' | 'Group'; want: Want }][] = [
  ['a resource that is an array', { body: [{ userName: 'x' }], want: want.syntax }],
  ['a resource that is a number', { body: 42, want: want.syntax }],
  ['a user without userName', { body: { name: { givenName: 'x' } }, want: want.value }],
  ['a group without displayName', { body: { members: [] }, type: 'Group', want: want.value }],
  [
    'a __proto__ key',
    { body: JSON.parse('{"userName":"x","__proto__":{"polluted":true}}'), want: want.syntax },
  ],
  ['schemas an object', { body: { schemas: { 0: URN.user }, userName: 'x' }, want: want.syntax }],
  ['active an object', { body: { userName: 'x', active: {} }, want: want.value }],
  ['emails a string array', { body: { userName: 'x', emails: [['a@x']] }, want: want.value }],
];

function expectError(run: () => unknown, expected: Want): void {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof ScimError, `expected a ScimError, got ${String(thrown)}`);
  assert.deepEqual(
    { status: thrown.status, scimType: thrown.scimType, code: thrown.code },
    expected,
    thrown.message,
  );
}

describe('malformed PATCH bodies', () => {
  for (const [name, { body, resource = user, type = 'User', want: expected }] of bodies) {
    it(`${name} → ${expected.status} ${expected.scimType}`, () => {
      expectError(() => applyPatch(resource, parsePatchRequest(body), registry.forType(type)), expected);
    });
  }
});

describe('malformed operations given to applyPatch', () => {
  for (const [name, { operations, want: expected }] of direct) {
    it(`${name} → ${expected.status} ${expected.scimType}`, () => {
      expectError(() => applyPatch(user, operations as PatchOperation[], registry.user), expected);
    });
  }
});

describe('malformed resources', () => {
  for (const [name, { body, type = 'User', want: expected }] of resources) {
    it(`${name} → ${expected.status} ${expected.scimType}`, () => {
      expectError(() => validateResource(body, registry.forType(type)), expected);
    });
  }
});
