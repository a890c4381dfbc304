// Tests of case-insensitive key look-up, path value extraction and the sort comparison.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  compareAttributeValues,
  findKey,
  getAttributeValues,
  getOwn,
} from '../src/protocol/attribute-access.js';
import type { AttrPath } from '../src/protocol/filter/ast.js';
import { URN } from '../src/protocol/resource.js';
import type { ScimResource } from '../src/protocol/resource.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { attribute } from '../src/protocol/schemas/attribute.js';
import { USER_SCHEMA } from '../src/protocol/schemas/core-user.js';
import type { AttributeDefinition } from '../src/protocol/schema-types.js';

describe('findKey', () => {
  const obj = { userName: 'a', EMAILS: [], 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {} };
  const cases: [string, object, string, string | undefined][] = [
    ['exact', obj, 'userName', 'userName'],
    ['other case', obj, 'USERNAME', 'userName'],
    ['stored in capitals', obj, 'emails', 'EMAILS'],
    ['URN key', obj, URN.enterpriseUser.toLowerCase(), URN.enterpriseUser],
    ['missing', obj, 'title', undefined],
    ['inherited toString', obj, 'toString', undefined],
    ['inherited constructor', {}, 'constructor', undefined],
    ['own constructor', { constructor: 1 }, 'Constructor', undefined],
    ['own __proto__ from JSON', JSON.parse('{"__proto__": {"x": 1}}') as object, '__proto__', undefined],
    ['own prototype', { prototype: 1 }, 'prototype', undefined],
    ['null-prototype object', Object.assign(Object.create(null) as object, { Name: 1 }), 'name', 'Name'],
    ['exact match wins', { name: 1, NAME: 2 }, 'NAME', 'NAME'],
  ];
  for (const [label, given, name, want] of cases) {
    it(label, () => assert.equal(findKey(given, name), want));
  }

  it('getOwn reads only own objects', () => {
    assert.equal(getOwn({ Title: 'x' }, 'title'), 'x');
    assert.equal(getOwn('string', 'length'), undefined);
    assert.equal(getOwn(null, 'x'), undefined);
    assert.equal(getOwn([1, 2], 'length'), undefined);
    assert.equal(getOwn({}, '__proto__'), undefined);
  });
});

const CUSTOM = 'urn:okta:onprem_app:1.0:user:custom';
const schema = createSchemaRegistry({
  userExtensions: [
    {
      id: CUSTOM,
      name: 'Custom',
      attributes: [attribute('departmentName'), attribute('tags', 'string', { multiValued: true })],
    },
  ],
}).user;

const emails = [
  { value: 'jsmith@example.com', type: 'work', primary: true },
  { VALUE: 'john@home.example', type: 'home' },
  { type: 'other' },
];

const user: ScimResource = {
  schemas: [URN.user, URN.enterpriseUser, CUSTOM],
  id: '101',
  UserName: 'okta',
  name: { givenName: 'John', familyName: null },
  emails: [...emails, null],
  meta: { lastModified: '2024-01-31T10:00:00Z' },
  'URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER': {
    manager: { value: '102' },
    department: 'IT',
  },
  [CUSTOM]: { departmentName: 'Cloud Service', tags: ['a', null, 'b'] },
  title: null,
};

const valueCases: [string, AttrPath, unknown[]][] = [
  ['simple, stored in another case', { name: 'userName' }, ['okta']],
  ['id', { name: 'id' }, ['101']],
  ['sub-attribute', { name: 'name', subAttr: 'givenName' }, ['John']],
  ['null sub-attribute', { name: 'name', subAttr: 'familyName' }, []],
  ['multi-valued complex, null elements left out', { name: 'emails' }, emails],
  ['every email value', { name: 'emails', subAttr: 'value' }, ['jsmith@example.com', 'john@home.example']],
  ['every email type', { name: 'emails', subAttr: 'type' }, ['work', 'home', 'other']],
  ['meta.lastModified', { name: 'meta', subAttr: 'lastModified' }, ['2024-01-31T10:00:00Z']],
  [
    'extension under a capitalised URN key',
    { uri: URN.enterpriseUser, name: 'manager', subAttr: 'value' },
    ['102'],
  ],
  ['extension without URN', { name: 'department' }, ['IT']],
  ['custom extension', { uri: CUSTOM, name: 'DEPARTMENTNAME' }, ['Cloud Service']],
  ['multi-valued simple, nulls left out', { name: 'tags' }, ['a', 'b']],
  ['schemas', { name: 'schemas' }, [URN.user, URN.enterpriseUser, CUSTOM]],
  ['null attribute', { name: 'title' }, []],
  ['absent attribute', { name: 'nickName' }, []],
  ['unknown attribute', { name: 'nope' }, []],
  ['absent extension', { name: 'employeeNumber' }, []],
];

describe('getAttributeValues', () => {
  for (const [label, path, want] of valueCases) {
    it(label, () => assert.deepEqual(getAttributeValues(user, path, schema), want));
  }
  it('finds nothing when the extension object is not an object', () => {
    const odd: ScimResource = { schemas: [URN.user], [CUSTOM]: 'oops' };
    assert.deepEqual(getAttributeValues(odd, { uri: CUSTOM, name: 'departmentName' }, schema), []);
  });
});

const def = (name: string) => USER_SCHEMA.attributes.find((a) => a.name === name) as AttributeDefinition;
const stringDef = attribute('s');
const exactDef = attribute('s', 'string', { caseExact: true });
const dateDef = attribute('d', 'dateTime');
const intDef = attribute('n', 'integer');
const boolDef = attribute('b', 'boolean');

const compareCases: [string, unknown, unknown, AttributeDefinition, '<' | '=' | '>'][] = [
  ['strings ignoring case', 'apple', 'BANANA', stringDef, '<'],
  ['equal ignoring case', 'Okta', 'okta', stringDef, '='],
  ['case-exact: capitals first', 'Zed', 'apple', exactDef, '<'],
  ['case-exact: different case differs', 'okta', 'Okta', exactDef, '>'],
  ['dates by instant across offsets', '2024-01-31T11:00:00+02:00', '2024-01-31T10:00:00Z', dateDef, '<'],
  ['equal instants', '2024-01-31T10:00:00.000Z', '2024-01-31T12:00:00+02:00', dateDef, '='],
  ['unparseable dates as strings', 'later', 'earlier', dateDef, '>'],
  ['integers', 10, 9, intDef, '>'],
  ['negative numbers', -1, 0, intDef, '<'],
  ['booleans: false first', false, true, boolDef, '<'],
  ['equal booleans', true, true, boolDef, '='],
  ['missing after present', undefined, 'a', stringDef, '>'],
  ['present before null', 'a', null, stringDef, '<'],
  ['two missing', null, undefined, stringDef, '='],
  ['mixed types by type', 5, 'a', stringDef, '<'],
  ['objects after strings', { a: 1 }, 'a', stringDef, '>'],
  ['booleans before numbers', true, 0, stringDef, '<'],
  ['multi-valued simple by first', ['b', 'a'], ['a'], stringDef, '>'],
  [
    'emails by primary value',
    [{ value: 'z@x.com' }, { value: 'a@x.com', primary: true }],
    [{ value: 'm@x.com' }],
    def('emails'),
    '<',
  ],
  [
    'emails by first value when none is primary',
    [{ value: 'b@x.com' }],
    [{ VALUE: 'A@x.com' }],
    def('emails'),
    '>',
  ],
  ['emails without values', [{ type: 'work' }], [{ value: 'a@x.com' }], def('emails'), '>'],
  ['single complex with value', { value: '2' }, { value: '10' }, def('emails'), '>'],
  ['complex without a value sub-attribute', { givenName: 'a' }, { givenName: 'b' }, def('name'), '='],
];

describe('compareAttributeValues', () => {
  for (const [label, a, b, definition, want] of compareCases) {
    it(label, () => {
      const got = Math.sign(compareAttributeValues(a, b, definition));
      assert.equal(got, want === '<' ? -1 : want === '=' ? 0 : 1);
      assert.equal(Math.sign(compareAttributeValues(b, a, definition)), -got || 0);
    });
  }

  it('sorts users by userName the way sortBy wants', () => {
    const names = ['bob', 'Alice', undefined, 'carol', 'alice'];
    const sorted = [...names].sort((a, b) => compareAttributeValues(a, b, def('userName')));
    assert.deepEqual(sorted, ['Alice', 'alice', 'bob', 'carol', undefined]);
  });
});
