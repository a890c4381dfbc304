// SCIM 1.1 PATCH at /scim/v1: partial resources, meta.attributes removals, "operation": "delete", and 2.0 PatchOps with 1.1 URNs.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { PATCH_LIMITS } from '../src/protocol/patch/request.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import type { PatchOperation } from '../src/service/scim-service.js';
import { readPatch11 } from '../src/http/dialects/scim11/patch.js';
import {
  aliases,
  CORE_11,
  exampleServer,
  GROUP_EXTENSION,
  OKTA_GROUP_URN,
  OKTA_USER_URN,
  send11,
  USER_EXTENSION,
  type ErrorBody11,
} from './support/okta-example-server.js';

const schemas = createSchemaRegistry({
  userExtensions: [USER_EXTENSION],
  groupExtensions: [GROUP_EXTENSION],
});
const USER_EXT = aliases.userExtensionUrn;
const GROUP_EXT = aliases.groupExtensionUrn;

describe('scim 1.1: PATCH bodies read into canonical operations', () => {
  const cases: [string, { type: 'User' | 'Group'; body: unknown; want: PatchOperation[] }][] = [
    [
      'a single-valued attribute is replaced',
      {
        type: 'User',
        body: { schemas: [CORE_11], active: false },
        want: [{ op: 'replace', path: 'active', value: false }],
      },
    ],
    [
      'a complex attribute is merged (replace of the given sub-attributes)',
      {
        type: 'User',
        body: { name: { familyName: 'X' } },
        want: [{ op: 'replace', path: 'name', value: { familyName: 'X' } }],
      },
    ],
    ['null removes', { type: 'User', body: { nickName: null }, want: [{ op: 'remove', path: 'nickName' }] }],
    [
      'meta.attributes removes first, its 1.1 URNs translated',
      {
        type: 'User',
        body: { meta: { attributes: ['name.middleName', `${OKTA_USER_URN}:departmentName`] }, title: 'T' },
        want: [
          { op: 'remove', path: 'name.middleName' },
          { op: 'remove', path: `${USER_EXT}:departmentName` },
          { op: 'replace', path: 'title', value: 'T' },
        ],
      },
    ],
    [
      'multi-valued: added values and "operation": "delete" by value',
      {
        type: 'Group',
        body: {
          schemas: [CORE_11],
          members: [
            { value: '101', operation: 'delete' },
            { value: '103', display: 'new' },
          ],
        },
        want: [
          { op: 'remove', path: 'members[value eq "101"]' },
          { op: 'add', path: 'members', value: [{ value: '103', display: 'new' }] },
        ],
      },
    ],
    [
      'extension attributes under their 1.1 URN',
      {
        type: 'User',
        body: { [OKTA_USER_URN]: { departmentName: 'D', isOkta: false } },
        want: [
          { op: 'replace', path: `${USER_EXT}:departmentName`, value: 'D' },
          { op: 'replace', path: `${USER_EXT}:isOkta`, value: false },
        ],
      },
    ],
    [
      'the group description',
      {
        type: 'Group',
        body: { [OKTA_GROUP_URN]: { description: 'd' } },
        want: [{ op: 'replace', path: `${GROUP_EXT}:description`, value: 'd' }],
      },
    ],
    ['id and schemas are ignored', { type: 'User', body: { id: '7', schemas: [CORE_11] }, want: [] }],
    [
      'a 2.0 PatchOp with 1.1 URNs in paths and value keys',
      {
        type: 'User',
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [
            { op: 'Replace', path: `${OKTA_USER_URN}:departmentName`, value: 'P' },
            { op: 'replace', value: { [`${OKTA_USER_URN}:isAdmin`]: true, active: true } },
            { op: 'remove', path: 'emails[type eq "work"].display' },
          ],
        },
        want: [
          { op: 'replace', path: `${USER_EXT}:departmentName`, value: 'P' },
          { op: 'replace', value: { [`${USER_EXT}:isAdmin`]: true, active: true } },
          { op: 'remove', path: 'emails[type eq "work"].display' },
        ],
      },
    ],
  ];
  for (const [name, { type, body, want }] of cases) {
    it(name, () => {
      assert.deepEqual(readPatch11(body, schemas.forType(type), aliases), want);
    });
  }

  const errors: [string, unknown, string][] = [
    ['a body that is no object', [], 'invalidSyntax'],
    ['meta.attributes not an array of names', { meta: { attributes: 'name' } }, 'invalidSyntax'],
    ['meta not an object', { meta: 3 }, 'invalidSyntax'],
    ['a delete without a value', { emails: [{ type: 'work', operation: 'delete' }] }, 'invalidValue'],
    ['a key that is no attribute path', { 'not a path': 1 }, 'invalidPath'],
    [
      'more deletes than the operation cap of a 2.0 PATCH',
      {
        members: Array.from({ length: PATCH_LIMITS.maxOperations + 1 }, (_, i) => ({
          value: `u${i}`,
          operation: 'delete',
        })),
      },
      'invalidSyntax',
    ],
    [
      'more removals in meta.attributes than the operation cap',
      { meta: { attributes: Array.from({ length: PATCH_LIMITS.maxOperations + 1 }, () => 'title') } },
      'invalidSyntax',
    ],
  ];
  for (const [name, body, scimType] of errors) {
    it(`refuses ${name} (${scimType})`, () => {
      assert.throws(
        () => readPatch11(body, schemas.user, aliases),
        (err: { scimType?: string }) => err.scimType === scimType,
      );
    });
  }
});

describe('scim 1.1: PATCH over HTTP', () => {
  let server: ScimServer;
  beforeEach(async () => {
    ({ server } = await exampleServer());
  });
  afterEach(() => server.close());

  it('patches a user: active, a custom attribute, an email removed and one added', async () => {
    const response = await send11(server, 'PATCH', '/Users/101', {
      body: {
        schemas: [CORE_11, OKTA_USER_URN],
        active: false,
        [OKTA_USER_URN]: { departmentName: 'Patched' },
        emails: [
          { value: 'jsmith@example.com', operation: 'delete' },
          { value: 'john@example.org', type: 'home' },
        ],
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    const user = response.json<Record<string, unknown>>();
    assert.equal(user['active'], false);
    assert.deepEqual(user[OKTA_USER_URN], { isAdmin: false, isOkta: true, departmentName: 'Patched' });
    assert.deepEqual(user['emails'], [{ value: 'john@example.org', type: 'home' }]);
  });

  it('patches a group: a member removed, one added, the description changed', async () => {
    const response = await send11(server, 'PATCH', '/Groups/1002', {
      body: {
        members: [{ value: '101', operation: 'delete' }],
        [OKTA_GROUP_URN]: { description: 'now described' },
      },
    });
    // The store answers a group PATCH with 204, in 1.1 too; the group is read back.
    assert.equal(response.statusCode, 204, response.body);
    const group = (await send11(server, 'GET', '/Groups/1002')).json<Record<string, unknown>>();
    assert.deepEqual(group['members'], [{ value: '102', display: 'admin' }]);
    assert.deepEqual(group[OKTA_GROUP_URN], { description: 'now described' });
    const okta = (await send11(server, 'GET', '/Users/101')).json<{ groups: { value: string }[] }>();
    assert.deepEqual(
      okta.groups.map((g) => g.value),
      ['1001'],
    );
  });

  it('answers a bad PATCH with a 1.1 error body', async () => {
    const response = await send11(server, 'PATCH', '/Users/101', { body: { active: 'maybe' } });
    assert.equal(response.statusCode, 400);
    const error = response.json<ErrorBody11>();
    assert.equal(error.errors[0]?.statusCode, 400);
    assert.equal(error.scimType, 'invalidValue');
  });
});
