// Tests of the SCIM 1.1 ↔ 2.0 alias table: URNs, resources and filter paths both ways, on the Okta example data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { createAliasTable } from '../src/protocol/alias-table.js';
import type { AttrPath } from '../src/protocol/filter/ast.js';
import { evaluateFilter } from '../src/protocol/filter/evaluate.js';
import { parseFilter } from '../src/protocol/filter/parser.js';
import { stringifyFilter } from '../src/protocol/filter/stringify.js';
import { URN } from '../src/protocol/resource.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { attribute } from '../src/protocol/schemas/attribute.js';

const OKTA_USER = 'urn:okta:onprem_app:1.0:user:custom';
const USER_EXT = 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User';
const GROUP_EXT = 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:Group';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`fixtures/okta-opp-scim11/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}
const exampleUsers = fixture('example-users.json')['Resources'] as Record<string, unknown>[];
const exampleGroups = fixture('example-groups.json')['Resources'] as Record<string, unknown>[];

const table = createAliasTable();

describe('alias table URNs', () => {
  it('has documented defaults', () => {
    assert.equal(table.oktaUserUrn11, OKTA_USER);
    assert.equal(table.userExtensionUrn, USER_EXT);
    assert.equal(table.groupExtensionUrn, GROUP_EXT);
  });

  const to20: [string, string, 'User' | 'Group' | undefined][] = [
    [URN.core11, URN.user, undefined],
    [URN.core11, URN.group, 'Group'],
    ['URN:SCIM:SCHEMAS:CORE:1.0', URN.user, 'User'],
    [URN.enterpriseUser11, URN.enterpriseUser, undefined],
    [OKTA_USER, USER_EXT, undefined],
    ['urn:okta:onprem_app:1.0:user:CUSTOM', USER_EXT, undefined],
    ['urn:okta:other_app:1.0:user:profile', USER_EXT, undefined],
    [URN.oktaGroup11, GROUP_EXT, 'Group'],
    [URN.listResponse11, URN.listResponse, undefined],
    [URN.user, URN.user, undefined],
    ['urn:acme:unknown', 'urn:acme:unknown', undefined],
  ];
  for (const [from, want, type] of to20) {
    it(`urnTo20 ${from}${type ? ` (${type})` : ''} → ${want}`, () =>
      assert.equal(table.urnTo20(from, type), want));
  }

  const to11: [string, string][] = [
    [URN.user, URN.core11],
    [URN.group, URN.core11],
    [URN.enterpriseUser.toLowerCase(), URN.enterpriseUser11],
    [USER_EXT, OKTA_USER],
    [GROUP_EXT, URN.oktaGroup11],
    [URN.listResponse, URN.listResponse11],
    [URN.core11, URN.core11],
    ['urn:acme:unknown', 'urn:acme:unknown'],
  ];
  for (const [from, want] of to11) {
    it(`urnTo11 ${from} → ${want}`, () => assert.equal(table.urnTo11(from), want));
  }

  it('takes the app name, schema name and 2.0 URNs from its options', () => {
    const custom = createAliasTable({
      oktaAppName: 'hr_app',
      oktaUserSchemaName: 'profile',
      groupExtensionUrn: 'urn:acme:scim:group',
    });
    assert.equal(custom.oktaUserUrn11, 'urn:okta:hr_app:1.0:user:profile');
    assert.equal(custom.userExtensionUrn, 'urn:ietf:params:scim:schemas:extension:hr_app:2.0:User');
    assert.equal(custom.urnTo11(custom.userExtensionUrn), 'urn:okta:hr_app:1.0:user:profile');
    assert.equal(custom.urnTo20(URN.oktaGroup11), 'urn:acme:scim:group');
    assert.equal(createAliasTable({ userExtensionUrn: 'urn:acme:u' }).urnTo20(OKTA_USER), 'urn:acme:u');
  });

  const badOptions: [string, Parameters<typeof createAliasTable>[0], RegExp][] = [
    ['an app name with ":"', { oktaAppName: 'a:b' }, /oktaAppName "a:b"/],
    ['an empty schema name', { oktaUserSchemaName: '' }, /oktaUserSchemaName/],
    [
      'a user extension that is no URN',
      { userExtensionUrn: 'custom' },
      /userExtensionUrn "custom" is not a URN/,
    ],
    ['a group extension ending in ":"', { groupExtensionUrn: 'urn:acme:g:' }, /groupExtensionUrn/],
  ];
  for (const [label, options, reason] of badOptions) {
    it(`rejects ${label}`, () => assert.throws(() => createAliasTable(options), reason));
  }
});

describe('alias table resources', () => {
  it('translates the example users to 2.0 and back', () => {
    for (const user11 of exampleUsers) {
      const before = structuredClone(user11);
      const user20 = table.resourceTo20(user11);
      assert.deepEqual(user11, before, 'input unchanged');
      assert.deepEqual(user20.schemas, [URN.user, URN.enterpriseUser, USER_EXT]);
      assert.deepEqual(Object.keys(user20[USER_EXT] as object), ['isAdmin', 'isOkta', 'departmentName']);
      assert.equal(user20[OKTA_USER], undefined);
      assert.equal(user20['userName'], user11['userName']);
      assert.deepEqual(table.resourceTo11(user20), user11);
    }
  });

  it('translates the example groups, inferring the type', () => {
    const [first, second] = exampleGroups.map((group) => table.resourceTo20(group));
    assert.deepEqual(first?.schemas, [URN.group, GROUP_EXT]);
    assert.deepEqual(first?.[GROUP_EXT], { description: 'This is the first group' });
    assert.deepEqual(second?.schemas, [URN.group]);
    assert.deepEqual(second?.['members'], exampleGroups[1]?.['members']);
    assert.deepEqual(
      exampleGroups.map((group) => table.resourceTo11(table.resourceTo20(group))),
      exampleGroups,
    );
  });

  const inferred: [string, Record<string, unknown>, string][] = [
    ['members', { schemas: [URN.core11], displayName: 'g', members: [] }, URN.group],
    ['displayName and no userName', { schemas: [URN.core11], displayName: 'g' }, URN.group],
    ['the group extension', { schemas: [URN.core11, 'URN:OKTA:CUSTOM:GROUP:1.0'] }, URN.group],
    ['userName', { schemas: [URN.core11], userName: 'u', displayName: 'U' }, URN.user],
    ['nothing to go by', {}, URN.user],
  ];
  for (const [label, resource, core] of inferred) {
    it(`infers the core schema from ${label}`, () =>
      assert.equal(table.resourceTo20(resource).schemas[0], core));
  }

  it('uses the resource type when given', () => {
    assert.deepEqual(table.resourceTo20({ schemas: [URN.core11], userName: 'x' }, 'Group').schemas, [
      URN.group,
    ]);
  });

  it('translates the sample create requests', () => {
    const created = table.resourceTo20(fixture('createNewUser-withCustomExtension.json'), 'User');
    assert.deepEqual(created.schemas, [URN.user, USER_EXT]);
    assert.equal((created[USER_EXT] as { departmentName: string }).departmentName, 'Testing User');
    assert.equal(created['password'], 'verySecure');
    const group = table.resourceTo20(fixture('createGroup.json'));
    assert.deepEqual(group.schemas, [URN.group, GROUP_EXT]);
    assert.equal(group.id, 'AppGroup-02');
  });

  it('maps the 1.1 enterprise manager (managerId) to 2.0 (value) and back, dropping $ref', () => {
    const user11 = {
      schemas: [URN.core11, URN.enterpriseUser11],
      userName: 'u',
      [URN.enterpriseUser11]: { department: 'IT', manager: { managerId: '102', displayName: 'Barbara' } },
    };
    const user20 = table.resourceTo20(user11);
    assert.deepEqual(user20[URN.enterpriseUser], {
      department: 'IT',
      manager: { value: '102', displayName: 'Barbara' },
    });
    assert.deepEqual(table.resourceTo11(user20), user11);
    const withRef = { ...user20, [URN.enterpriseUser]: { manager: { value: '7', $ref: '../Users/7' } } };
    assert.deepEqual(table.resourceTo11(withRef)[URN.enterpriseUser11], { manager: { managerId: '7' } });
    const odd = table.resourceTo20({ userName: 'u', [URN.enterpriseUser11]: { manager: 'not an object' } });
    assert.deepEqual(odd[URN.enterpriseUser], { manager: 'not an object' });
    assert.equal(
      table.resourceTo20({ userName: 'u', [URN.enterpriseUser11]: null })[URN.enterpriseUser],
      null,
    );
  });

  it('normalises schemas: missing, duplicated, odd case, non-strings', () => {
    assert.deepEqual(table.resourceTo20({ userName: 'u' }).schemas, [URN.user]);
    assert.deepEqual(
      table.resourceTo20({ Schemas: [URN.core11, 'urn:scim:schemas:CORE:1.0', 5, URN.enterpriseUser11] })
        .schemas,
      [URN.user, URN.enterpriseUser],
    );
    assert.deepEqual(table.resourceTo20({ schemas: 'nope', userName: 'u' }).schemas, [URN.user]);
    assert.deepEqual(table.resourceTo11({ schemas: [URN.user, URN.enterpriseUser], userName: 'u' }).schemas, [
      URN.core11,
      URN.enterpriseUser11,
    ]);
  });

  // resourceTo11 copies a resource that lists `schemas` first and renames no key; the rest are rebuilt.
  const to11Cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'schemas first, nothing to rename',
      { schemas: [URN.user], id: '1', userName: 'u', 'urn:x:unknown': { a: 1 } },
      { schemas: [URN.core11], id: '1', userName: 'u', 'urn:x:unknown': { a: 1 } },
    ],
    ['schemas last', { id: '1', schemas: [URN.user] }, { schemas: [URN.core11], id: '1' }],
    ['no schemas', { id: '1' }, { schemas: [URN.core11], id: '1' }],
    [
      'Schemas in odd case',
      { Schemas: [URN.enterpriseUser], id: '1' },
      { schemas: [URN.core11, URN.enterpriseUser11], id: '1' },
    ],
    [
      'both spellings of schemas',
      { schemas: [URN.user], id: '1', SCHEMAS: [URN.enterpriseUser] },
      { schemas: [URN.core11, URN.enterpriseUser11], id: '1' },
    ],
    [
      'an extension key to rename',
      { schemas: [URN.user, USER_EXT], id: '1', [USER_EXT]: { d: 'x' } },
      { schemas: [URN.core11, OKTA_USER], id: '1', [OKTA_USER]: { d: 'x' } },
    ],
    [
      'a URN in odd case',
      { schemas: ['URN:IETF:params:scim:schemas:core:2.0:user'], id: '1' },
      { schemas: [URN.core11], id: '1' },
    ],
  ];
  for (const [label, from, want] of to11Cases) {
    it(`resourceTo11: ${label}`, () => {
      const out = table.resourceTo11(from as never);
      assert.deepEqual(out, want);
      assert.deepEqual(Object.keys(out), Object.keys(want));
    });
  }

  it('resourceTo11 drops __proto__ keys whether or not schemas comes first', () => {
    for (const text of [
      '{"schemas":[],"id":"1","__proto__":{"admin":true}}',
      '{"id":"1","__proto__":{"admin":true}}',
    ]) {
      const out = table.resourceTo11(JSON.parse(text) as never);
      assert.equal(Object.getPrototypeOf(out), Object.prototype);
      assert.ok(!Object.hasOwn(out, '__proto__'));
      assert.deepEqual(out, { schemas: [URN.core11], id: '1' });
    }
  });

  it('drops __proto__ keys instead of changing the prototype', () => {
    const hostile = JSON.parse(
      `{"userName":"u","__proto__":{"admin":true},"${URN.enterpriseUser11}":{"__proto__":{"x":1},"manager":{"__proto__":{"y":1},"managerId":"1"}}}`,
    ) as Record<string, unknown>;
    const out = table.resourceTo20(hostile);
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
    assert.equal((out as Record<string, unknown>)['admin'], undefined);
    assert.ok(!Object.hasOwn(out, '__proto__'));
    const ext = out[URN.enterpriseUser] as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(ext), Object.prototype);
    assert.deepEqual(ext, { manager: { value: '1' } });
    assert.equal(Object.getPrototypeOf(ext['manager']), Object.prototype);
  });
});

const pathCases: [string, AttrPath, AttrPath][] = [
  ['userName', { name: 'userName' }, { name: 'userName' }],
  ['email', { name: 'email' }, { name: 'emails', subAttr: 'value' }],
  ['EMAIL', { name: 'EMAIL' }, { name: 'emails', subAttr: 'value' }],
  ['email.type', { name: 'email', subAttr: 'type' }, { name: 'emails', subAttr: 'type' }],
  ['core 1.1 URN', { uri: URN.core11, name: 'userName' }, { uri: URN.user, name: 'userName' }],
  [
    'core 1.1 URN email',
    { uri: URN.core11, name: 'email' },
    { uri: URN.user, name: 'emails', subAttr: 'value' },
  ],
  ['Okta custom', { uri: OKTA_USER, name: 'departmentName' }, { uri: USER_EXT, name: 'departmentName' }],
  [
    'enterprise',
    { uri: URN.enterpriseUser11, name: 'manager', subAttr: 'managerId' },
    { uri: URN.enterpriseUser, name: 'manager', subAttr: 'managerId' },
  ],
  ['email in an extension stays', { uri: OKTA_USER, name: 'email' }, { uri: USER_EXT, name: 'email' }],
];

describe('alias table filter paths', () => {
  for (const [label, from, want] of pathCases) {
    it(`attrPathTo20 ${label}`, () => assert.deepEqual(table.attrPathTo20(from), want));
  }
  it('leaves email alone on groups', () => {
    assert.deepEqual(table.attrPathTo20({ name: 'email' }, 'Group'), { name: 'email' });
    assert.deepEqual(table.attrPathTo20({ uri: URN.core11, name: 'displayName' }, 'Group'), {
      uri: URN.group,
      name: 'displayName',
    });
  });

  const filterCases: [string, string][] = [
    ['email eq "a@x.com" OR email eq "b@x.com"', 'emails.value eq "a@x.com" or emails.value eq "b@x.com"'],
    [`${OKTA_USER}:departmentName eq "Cloud Service"`, `${USER_EXT}:departmentName eq "Cloud Service"`],
    ['userName eq "x" and not (email pr)', 'userName eq "x" and not (emails.value pr)'],
    ['email[type eq "work"]', 'emails[type eq "work"]'],
    ['emails[type eq "work"] or id eq "1"', 'emails[type eq "work"] or id eq "1"'],
    ['meta.lastModified gt "2024-01-31T10:00:00Z"', 'meta.lastModified gt "2024-01-31T10:00:00Z"'],
    [`${URN.core11}:name.givenName eq "john"`, `${URN.user}:name.givenName eq "john"`],
  ];
  for (const [from, want] of filterCases) {
    it(`filterTo20 ${from}`, () => assert.equal(stringifyFilter(table.filterTo20(parseFilter(from))), want));
  }

  it('translates long or-chains without recursing per operand', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `email eq "u${i}@x.com"`).join(' OR ');
    const out = stringifyFilter(table.filterTo20(parseFilter(text, { maxLength: 200_000 })));
    assert.equal(out.split(' or ').length, 3000);
    assert.ok(out.startsWith('emails.value eq "u0@x.com" or emails.value eq "u1@x.com"'));
  });

  it('translates paths back to 1.1 with filterTo11 and attrPathTo11', () => {
    const twenty = parseFilter(
      `${USER_EXT}:departmentName eq "x" and ${URN.enterpriseUser}:manager.value pr and userName pr`,
    );
    assert.equal(
      stringifyFilter(table.filterTo11(twenty)),
      `${OKTA_USER}:departmentName eq "x" and ${URN.enterpriseUser11}:manager.value pr and userName pr`,
    );
    assert.deepEqual(table.attrPathTo11({ uri: URN.user, name: 'userName' }), {
      uri: URN.core11,
      name: 'userName',
    });
  });
});

describe("the agent's filters select the right example users end to end", () => {
  const schema = createSchemaRegistry({
    userExtensions: [
      {
        id: USER_EXT,
        name: 'OnPremApp',
        attributes: [
          attribute('isAdmin', 'boolean'),
          attribute('isOkta', 'boolean'),
          attribute('departmentName'),
        ],
      },
    ],
  }).user;
  const users = exampleUsers.map((user) => table.resourceTo20(user, 'User'));
  const cases: [string, string[]][] = [
    ['userName eq "OKTA"', ['101']],
    ['id eq "102"', ['102']],
    ['name.givenName eq "john"', ['101']],
    [`${OKTA_USER}:departmentName eq "Cloud Service"`, ['101']],
    [`${OKTA_USER}:isAdmin eq true`, ['102']],
    ['email eq "bjensen@example.com" OR email eq "jsmith@example.com"', ['102', '101']],
    ['email eq "nobody@example.com"', []],
  ];
  for (const [text, want] of cases) {
    it(`${text} → [${want.join(', ')}]`, () => {
      const filter = table.filterTo20(parseFilter(text));
      assert.deepEqual(
        users.filter((u) => evaluateFilter(filter, u, schema)).map((u) => u.id),
        want,
      );
    });
  }
});
