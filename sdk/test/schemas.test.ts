// Tests of the SCIM schema definitions, the schema registry's path resolution and custom extension validation.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { AttrPath } from '../src/protocol/filter/ast.js';
import { URN } from '../src/protocol/resource.js';
import {
  createResourceSchema,
  createSchemaRegistry,
  findSubAttribute,
} from '../src/protocol/resource-schema.js';
import type { AttributeDefinition, SchemaDefinition } from '../src/protocol/schema-types.js';
import { attribute, complex } from '../src/protocol/schemas/attribute.js';
import { COMMON_ATTRIBUTES } from '../src/protocol/schemas/common-attributes.js';
import { GROUP_SCHEMA } from '../src/protocol/schemas/core-group.js';
import { USER_SCHEMA } from '../src/protocol/schemas/core-user.js';
import { ENTERPRISE_USER_SCHEMA } from '../src/protocol/schemas/enterprise-user.js';
import { isValidAttributeName, validateExtensionSchema } from '../src/protocol/schemas/validate-extension.js';

const CUSTOM_USER = 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User';
const CUSTOM_GROUP = 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:Group';

function attr(schema: SchemaDefinition, name: string): AttributeDefinition {
  const found = schema.attributes.find((a) => a.name === name);
  assert.ok(found, `${schema.name} has no ${name}`);
  return found;
}
const subNames = (a: AttributeDefinition) => (a.subAttributes ?? []).map((s) => s.name);

describe('core schemas', () => {
  it('User lists every attribute of RFC 7643 §4.1 in order', () => {
    assert.equal(USER_SCHEMA.id, URN.user);
    assert.deepEqual(
      USER_SCHEMA.attributes.map((a) => a.name),
      [
        'userName',
        'name',
        'displayName',
        'nickName',
        'profileUrl',
        'title',
        'userType',
        'preferredLanguage',
        'locale',
        'timezone',
        'active',
        'password',
        'emails',
        'phoneNumbers',
        'ims',
        'photos',
        'addresses',
        'groups',
        'entitlements',
        'roles',
        'x509Certificates',
      ],
    );
  });

  const characteristics: [string, AttributeDefinition, Partial<AttributeDefinition>][] = [
    [
      'userName',
      attr(USER_SCHEMA, 'userName'),
      { required: true, uniqueness: 'server', caseExact: false, type: 'string' },
    ],
    ['password', attr(USER_SCHEMA, 'password'), { mutability: 'writeOnly', returned: 'never' }],
    ['groups', attr(USER_SCHEMA, 'groups'), { mutability: 'readOnly', multiValued: true, type: 'complex' }],
    ['active', attr(USER_SCHEMA, 'active'), { type: 'boolean', multiValued: false }],
    ['profileUrl', attr(USER_SCHEMA, 'profileUrl'), { type: 'reference', referenceTypes: ['external'] }],
    ['emails', attr(USER_SCHEMA, 'emails'), { multiValued: true, type: 'complex', mutability: 'readWrite' }],
    ['Group.displayName', attr(GROUP_SCHEMA, 'displayName'), { required: true }],
    ['Group.members', attr(GROUP_SCHEMA, 'members'), { multiValued: true, type: 'complex' }],
    ['manager', attr(ENTERPRISE_USER_SCHEMA, 'manager'), { type: 'complex', multiValued: false }],
  ];
  for (const [name, def, want] of characteristics) {
    it(`${name} has ${JSON.stringify(want)}`, () => {
      for (const [key, value] of Object.entries(want))
        assert.deepEqual(def[key as keyof AttributeDefinition], value, key);
    });
  }

  it('has the sub-attributes of RFC 7643', () => {
    assert.deepEqual(subNames(attr(USER_SCHEMA, 'name')), [
      'formatted',
      'familyName',
      'givenName',
      'middleName',
      'honorificPrefix',
      'honorificSuffix',
    ]);
    for (const multi of [
      'emails',
      'phoneNumbers',
      'ims',
      'photos',
      'entitlements',
      'roles',
      'x509Certificates',
    ]) {
      assert.deepEqual(subNames(attr(USER_SCHEMA, multi)), ['value', 'display', 'type', 'primary'], multi);
    }
    assert.deepEqual(subNames(attr(USER_SCHEMA, 'addresses')), [
      'formatted',
      'streetAddress',
      'locality',
      'region',
      'postalCode',
      'country',
      'type',
      'primary',
    ]);
    assert.deepEqual(subNames(attr(USER_SCHEMA, 'groups')), ['value', '$ref', 'display', 'type']);
    assert.ok(attr(USER_SCHEMA, 'groups').subAttributes?.every((s) => s.mutability === 'readOnly'));
    assert.deepEqual(subNames(attr(GROUP_SCHEMA, 'members')), ['value', '$ref', 'display', 'type']);
    assert.deepEqual(subNames(attr(ENTERPRISE_USER_SCHEMA, 'manager')), ['value', '$ref', 'displayName']);
    assert.equal(findSubAttribute(attr(USER_SCHEMA, 'x509Certificates'), 'VALUE')?.type, 'binary');
    assert.equal(findSubAttribute(attr(USER_SCHEMA, 'photos'), 'value')?.type, 'reference');
    assert.deepEqual(findSubAttribute(attr(USER_SCHEMA, 'emails'), 'type')?.canonicalValues, [
      'work',
      'home',
      'other',
    ]);
    assert.equal(findSubAttribute(attr(USER_SCHEMA, 'userName'), 'value'), undefined);
  });

  it('keeps the common attributes out of the schemas but describes them', () => {
    assert.deepEqual(
      COMMON_ATTRIBUTES.map((a) => a.name),
      ['schemas', 'id', 'externalId', 'meta'],
    );
    for (const schema of [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA]) {
      assert.ok(!schema.attributes.some((a) => ['id', 'externalId', 'meta'].includes(a.name)), schema.name);
    }
    const id = COMMON_ATTRIBUTES[1] as AttributeDefinition;
    assert.equal(id.caseExact, true);
    assert.equal(id.returned, 'always');
  });

  it('are themselves valid by the extension rules', () => {
    for (const schema of [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA]) validateExtensionSchema(schema);
  });

  it('fills the RFC defaults in the attribute helper', () => {
    assert.deepEqual(attribute('x'), {
      name: 'x',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    });
  });
});

const registry = createSchemaRegistry({
  userExtensions: [
    {
      id: CUSTOM_USER,
      name: 'OnPremApp',
      attributes: [attribute('departmentName'), attribute('isAdmin', 'boolean'), attribute('employeeNumber')],
    },
  ],
  groupExtensions: [{ id: CUSTOM_GROUP, name: 'OktaGroup', attributes: [attribute('description')] }],
});

type Want = { schema: string; attribute: string; sub?: string; extension: boolean } | undefined;
const resolveCases: [string, AttrPath, Want][] = [
  ['userName', { name: 'userName' }, { schema: URN.user, attribute: 'userName', extension: false }],
  ['USERNAME', { name: 'USERNAME' }, { schema: URN.user, attribute: 'userName', extension: false }],
  [
    'core URN',
    { uri: URN.user, name: 'userName' },
    { schema: URN.user, attribute: 'userName', extension: false },
  ],
  [
    'core URN in capitals',
    { uri: URN.user.toUpperCase(), name: 'username' },
    { schema: URN.user, attribute: 'userName', extension: false },
  ],
  [
    'name.givenName',
    { name: 'name', subAttr: 'givenName' },
    { schema: URN.user, attribute: 'name', sub: 'givenName', extension: false },
  ],
  [
    'NAME.GIVENNAME',
    { name: 'NAME', subAttr: 'GIVENNAME' },
    { schema: URN.user, attribute: 'name', sub: 'givenName', extension: false },
  ],
  [
    'emails.value',
    { name: 'emails', subAttr: 'value' },
    { schema: URN.user, attribute: 'emails', sub: 'value', extension: false },
  ],
  [
    'meta.lastModified',
    { name: 'meta', subAttr: 'lastModified' },
    { schema: URN.user, attribute: 'meta', sub: 'lastModified', extension: false },
  ],
  ['id', { name: 'id' }, { schema: URN.user, attribute: 'id', extension: false }],
  ['core URN id', { uri: URN.user, name: 'ID' }, { schema: URN.user, attribute: 'id', extension: false }],
  ['schemas', { name: 'schemas' }, { schema: URN.user, attribute: 'schemas', extension: false }],
  [
    'enterprise without URN',
    { name: 'costCenter' },
    { schema: URN.enterpriseUser, attribute: 'costCenter', extension: true },
  ],
  [
    'enterprise first when names clash',
    { name: 'employeeNumber' },
    { schema: URN.enterpriseUser, attribute: 'employeeNumber', extension: true },
  ],
  [
    'custom by URN when names clash',
    { uri: CUSTOM_USER, name: 'employeeNumber' },
    { schema: CUSTOM_USER, attribute: 'employeeNumber', extension: true },
  ],
  [
    'enterprise manager.value',
    { uri: URN.enterpriseUser, name: 'manager', subAttr: 'value' },
    { schema: URN.enterpriseUser, attribute: 'manager', sub: 'value', extension: true },
  ],
  [
    'enterprise URN lower-case',
    { uri: URN.enterpriseUser.toLowerCase(), name: 'Manager', subAttr: '$REF' },
    { schema: URN.enterpriseUser, attribute: 'manager', sub: '$ref', extension: true },
  ],
  [
    'custom attribute',
    { name: 'departmentname' },
    { schema: CUSTOM_USER, attribute: 'departmentName', extension: true },
  ],
  [
    'unsplit URN name',
    { name: `${URN.enterpriseUser}:manager` },
    { schema: URN.enterpriseUser, attribute: 'manager', extension: true },
  ],
  ['unknown attribute', { name: 'nope' }, undefined],
  ['unknown URN', { uri: 'urn:x:y', name: 'userName' }, undefined],
  ['attribute of another schema under the core URN', { uri: URN.user, name: 'costCenter' }, undefined],
  ['core attribute under an extension URN', { uri: URN.enterpriseUser, name: 'userName' }, undefined],
  ['unknown sub-attribute', { name: 'name', subAttr: 'nope' }, undefined],
  ['sub-attribute of a simple attribute', { name: 'userName', subAttr: 'value' }, undefined],
  ['__proto__', { name: '__proto__' }, undefined],
  ['constructor', { name: 'constructor' }, undefined],
  ['toString', { name: 'name', subAttr: 'toString' }, undefined],
];

describe('schema registry resolve', () => {
  for (const [label, path, want] of resolveCases) {
    it(label, () => {
      const got = registry.user.resolve(path);
      if (want === undefined) return assert.equal(got, undefined);
      assert.ok(got);
      assert.equal(got.schema, want.schema);
      assert.equal(got.extension, want.extension);
      assert.equal(got.attribute.name, want.attribute);
      assert.equal(got.subAttribute?.name, want.sub);
    });
  }

  it('resolves group attributes and group extensions', () => {
    assert.equal(registry.group.resolve({ name: 'DESCRIPTION' })?.schema, CUSTOM_GROUP);
    assert.equal(
      registry.group.resolve({ name: 'members', subAttr: 'display' })?.subAttribute?.name,
      'display',
    );
    assert.equal(registry.group.resolve({ name: 'userName' }), undefined);
    assert.equal(registry.forType('Group'), registry.group);
    assert.equal(registry.forType('User'), registry.user);
  });

  it('lists URNs core first and finds extensions case-insensitively', () => {
    assert.deepEqual(registry.user.schemaUrns, [URN.user, URN.enterpriseUser, CUSTOM_USER]);
    assert.deepEqual(registry.group.schemaUrns, [URN.group, CUSTOM_GROUP]);
    assert.equal(registry.user.extension(CUSTOM_USER.toUpperCase())?.id, CUSTOM_USER);
    assert.equal(registry.user.extension(URN.user), undefined);
    assert.equal(registry.user.extension('urn:x:y'), undefined);
    assert.equal(registry.user.endpoint, '/Users');
    assert.equal(registry.group.endpoint, '/Groups');
    assert.equal(registry.user.resourceType, 'User');
    assert.equal(registry.user.core, USER_SCHEMA);
  });

  it('gives users the enterprise extension by default, and can leave it out', () => {
    assert.deepEqual(createSchemaRegistry().user.schemaUrns, [URN.user, URN.enterpriseUser]);
    assert.deepEqual(createSchemaRegistry().group.schemaUrns, [URN.group]);
    const plain = createSchemaRegistry({ enterpriseUser: false });
    assert.deepEqual(plain.user.schemaUrns, [URN.user]);
    assert.equal(plain.user.resolve({ name: 'costCenter' }), undefined);
  });

  it('refuses the same schema twice on one type', () => {
    assert.throws(
      () =>
        createResourceSchema('User', '/Users', USER_SCHEMA, [
          ENTERPRISE_USER_SCHEMA,
          { ...ENTERPRISE_USER_SCHEMA },
        ]),
      /declared twice for User/,
    );
    assert.throws(() => createSchemaRegistry({ userExtensions: [ENTERPRISE_USER_SCHEMA] }), /declared twice/);
  });
});

const valid = (attributes: AttributeDefinition[], id = CUSTOM_USER): SchemaDefinition => ({
  id,
  name: 'X',
  attributes,
});
const invalidExtensions: [string, SchemaDefinition, RegExp][] = [
  ['a plain word as id', valid([], 'custom'), /is not a URN/],
  ['a URN with no NSS', valid([], 'urn:x'), /is not a URN/],
  ['a URN ending in ":"', valid([], 'urn:acme:ext:'), /is not a URN/],
  ['a URN with a space', valid([], 'urn:acme:my ext'), /is not a URN/],
  ['the core User URN', valid([attribute('a')], URN.user), /has the id of a core schema/],
  ['the core Group URN', valid([attribute('a')], URN.group.toLowerCase()), /has the id of a core schema/],
  ['no name', { id: CUSTOM_USER, name: '', attributes: [] }, /non-empty name/],
  ['no attributes array', { id: CUSTOM_USER, name: 'X' } as unknown as SchemaDefinition, /attributes array/],
  ['a name starting with a digit', valid([attribute('1abc')]), /"1abc" has an invalid name/],
  ['a name with a space', valid([attribute('a b')]), /invalid name/],
  ['a name with a dot', valid([attribute('a.b')]), /invalid name/],
  ['__proto__', valid([attribute('__proto__')]), /invalid name/],
  ['constructor', valid([attribute('constructor')]), /invalid name/],
  ['Prototype', valid([attribute('Prototype')]), /invalid name/],
  ['$ref at the top', valid([attribute('$ref')]), /invalid name/],
  [
    'a sub-attribute named constructor',
    valid([complex('c', [attribute('constructor')])]),
    /"c\.constructor" has an invalid name/,
  ],
  [
    'duplicate names differing in case',
    valid([attribute('dept'), attribute('Dept')]),
    /"Dept" is declared twice/,
  ],
  [
    'duplicate sub-attributes',
    valid([complex('c', [attribute('v'), attribute('V')])]),
    /"c\.V" is declared twice/,
  ],
  ['an unknown type', valid([attribute('a', 'text' as 'string')]), /unknown type "text"/],
  [
    'an unknown mutability',
    valid([attribute('a', 'string', { mutability: 'sometimes' as 'readOnly' })]),
    /unknown mutability/,
  ],
  [
    'an unknown returned',
    valid([attribute('a', 'string', { returned: 'maybe' as 'always' })]),
    /unknown "returned"/,
  ],
  [
    'an unknown uniqueness',
    valid([attribute('a', 'string', { uniqueness: 'cosmic' as 'none' })]),
    /unknown uniqueness/,
  ],
  [
    'a non-boolean flag',
    valid([attribute('a', 'string', { required: 'yes' as unknown as boolean })]),
    /boolean "required"/,
  ],
  ['complex without sub-attributes', valid([attribute('c', 'complex')]), /has no subAttributes/],
  [
    'complex inside complex',
    valid([complex('c', [complex('d', [attribute('e')])])]),
    /complex inside a complex/,
  ],
  [
    'sub-attributes on a string',
    valid([attribute('s', 'string', { subAttributes: [attribute('t')] })]),
    /only complex attributes/,
  ],
];

describe('custom extension validation', () => {
  for (const [label, schema, reason] of invalidExtensions) {
    it(`rejects ${label}, for users and for groups`, () => {
      assert.throws(() => createSchemaRegistry({ userExtensions: [schema] }), reason);
      assert.throws(() => createSchemaRegistry({ groupExtensions: [schema] }), reason);
    });
  }

  it('accepts valid names, including $ref as a sub-attribute and a non-IETF URN', () => {
    const ok = valid(
      [
        attribute('department-Name_2'),
        complex('manager', [attribute('value'), attribute('$ref', 'reference')]),
      ],
      'urn:okta:onprem_app:1.0:user:custom',
    );
    const schema = createSchemaRegistry({ userExtensions: [ok] }).user;
    assert.equal(schema.resolve({ name: 'manager', subAttr: '$ref', uri: ok.id })?.extension, true);
    assert.ok(isValidAttributeName('$ref', true));
    assert.ok(!isValidAttributeName('$ref'));
  });
});
