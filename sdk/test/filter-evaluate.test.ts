// Table-driven tests of in-memory filter evaluation over sample users and groups.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ScimResource } from '../src/protocol/resource.js';
import { URN } from '../src/protocol/resource.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { compileFilter, evaluateFilter, matchesElement } from '../src/protocol/filter/evaluate.js';
import { parseFilter } from '../src/protocol/filter/parser.js';
import { attribute, complex } from '../src/protocol/schemas/attribute.js';
import { GROUP_SCHEMA } from '../src/protocol/schemas/core-group.js';
import type { Filter } from '../src/protocol/filter/ast.js';
import type { AttributeDefinition } from '../src/protocol/schema-types.js';

const CUSTOM = 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User';

const registry = createSchemaRegistry({
  userExtensions: [
    {
      id: CUSTOM,
      name: 'OnPremApp',
      attributes: [
        attribute('isAdmin', 'boolean'),
        attribute('isOkta', 'boolean'),
        attribute('departmentName'),
        attribute('level', 'integer'),
        attribute('score', 'decimal'),
        attribute('badge', 'string', { caseExact: true }),
        attribute('pin', 'string', { mutability: 'writeOnly' }),
        complex('tokens', [attribute('value', 'string', { returned: 'never' }), attribute('type')], {
          multiValued: true,
        }),
      ],
    },
  ],
});

/** The Okta example server's users 101 and 102 in canonical form, plus a sparse user 103. */
const users: ScimResource[] = [
  {
    schemas: [URN.user, URN.enterpriseUser, CUSTOM],
    id: '102',
    externalId: 'EXT-102',
    userName: 'admin',
    active: false,
    title: '',
    name: { formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'Jensen' },
    emails: [{ value: 'bjensen@example.com', primary: true, type: 'work' }],
    groups: [{ value: '1002', display: 'secondGroup' }],
    meta: { resourceType: 'User', lastModified: '2024-01-31T09:00:00Z' },
    // Stored under the URN in another case: look-ups must still find it.
    'URN:IETF:params:scim:schemas:extension:enterprise:2.0:user': {
      employeeNumber: '701984',
      manager: { value: '101', displayName: 'John Smith' },
    },
    [CUSTOM]: { isAdmin: true, isOkta: false, departmentName: 'Administration', level: 3, score: 2.5 },
  },
  {
    schemas: [URN.user, URN.enterpriseUser, CUSTOM],
    id: '101',
    userName: 'okta',
    active: true,
    password: 'Secret1',
    name: { formatted: 'John Smith', givenName: 'John', familyName: 'Smith' },
    emails: [
      { value: 'jsmith@example.com', primary: true, type: 'work' },
      { value: 'John.Smith@Home.example', type: 'home' },
    ],
    groups: [
      { value: '1001', display: 'firstGroup' },
      { value: '1002', display: 'secondGroup' },
    ],
    meta: { resourceType: 'User', lastModified: '2024-01-31T11:30:00+01:00' },
    [CUSTOM]: {
      isAdmin: false,
      isOkta: true,
      departmentName: 'Cloud Service',
      level: 7,
      score: '9.75',
      badge: 'AbC',
      pin: '1234',
      tokens: [{ value: 'tok', type: 'api' }],
    },
  },
  {
    schemas: [URN.user],
    id: '103',
    userName: 'Minimal',
    active: 'False',
    name: {},
    emails: [],
    displayName: 42,
    nickName: null,
  },
];

const cases: [string, string[]][] = [
  ['userName eq "ADMIN"', ['102']],
  ['USERNAME Eq "admin"', ['102']],
  ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "okta"', ['101']],
  ['id eq "102"', ['102']],
  ['id eq "10"', []],
  ['id eq 102', ['102']],
  ['externalId eq "EXT-102"', ['102']],
  ['externalId eq "ext-102"', []],
  ['name.givenName eq "john"', ['101']],
  // Full case folding (userNameKey), not toLowerCase: the long s "ſ" folds to "s".
  ['name.familyName eq "\u017fmith"', ['101']],
  ['emails[value eq "JOHN.\u017fMITH@HOME.EXAMPLE"]', ['101']],
  ['name.familyName co "EN"', ['102']],
  ['userName sw "o"', ['101']],
  ['userName ew "MIN"', ['102']],
  ['userName gt "b"', ['101', '103']],
  ['userName le "admin"', ['102']],
  ['userName lt "admin"', []],
  ['emails eq "jsmith@example.com"', ['101']],
  ['emails co "home.EXAMPLE"', ['101']],
  ['emails.value ew "@example.com"', ['102', '101']],
  ['emails.type eq "home"', ['101']],
  ['emails.type ne "work"', ['101']],
  ['emails.primary eq true', ['102', '101']],
  ['emails[type eq "work" and value co "bjensen"]', ['102']],
  ['emails[type eq "home" and value co "bjensen"]', []],
  ['emails[type eq "home"] and emails[value co "jsmith"]', ['101']],
  ['emails[not (type eq "work")]', ['101']],
  ['emails[foo eq "x"]', []],
  ['emails[urn:x:y:type eq "work"]', []],
  ['emails[value.x eq "work"]', []],
  ['name[givenName eq "JOHN"]', ['101']],
  ['userName[value eq "okta"]', []],
  ['nothing[value eq "okta"]', []],
  ['groups.display eq "FIRSTGROUP"', ['101']],
  ['groups[value eq "1002"]', ['102', '101']],
  [`${CUSTOM}:departmentName eq "cloud service"`, ['101']],
  ['departmentName eq "Administration"', ['102']],
  [`${CUSTOM}:isAdmin eq true`, ['102']],
  [`${URN.enterpriseUser}:manager.value eq "101"`, ['102']],
  ['manager eq "101"', ['102']],
  ['employeeNumber sw "70"', ['102']],
  ['meta.lastModified gt "2024-01-31T10:00:00Z"', ['101']],
  ['meta.lastModified ge "2024-01-31T09:00:00.000Z"', ['102', '101']],
  ['meta.lastModified lt "2024-01-31T10:00:00Z"', ['102']],
  ['meta.lastModified le "2024-01-31T09:00:00+00:00"', ['102']],
  ['meta.lastModified eq "2024-01-31T10:30:00Z"', ['101']],
  ['meta.lastModified ne "2024-01-31T10:30:00Z"', ['102']],
  ['meta.lastModified gt "not a date"', []],
  ['meta.lastModified gt 5', []],
  ['meta.lastModified sw "2024-01-31t09"', ['102']],
  ['active eq true', ['101']],
  ['active eq false', ['102', '103']],
  ['active eq "TRUE"', ['101']],
  ['active ne true', ['102', '103']],
  ['active eq 1', []],
  ['active gt false', []],
  ['active co "t"', []],
  ['level gt 5', ['101']],
  ['level ge 3', ['102', '101']],
  ['level lt 3.5', ['102']],
  ['level le 2', []],
  ['level ne 3', ['101']],
  ['level eq "7"', ['101']],
  ['level eq "seven"', []],
  ['level co 7', []],
  ['score gt 9', ['101']],
  ['badge eq "abc"', []],
  ['badge eq "AbC"', ['101']],
  ['badge sw "Ab"', ['101']],
  ['title pr', []],
  ['name pr', ['102', '101']],
  ['emails pr', ['102', '101']],
  ['nickName pr', []],
  ['name gt "a"', []],
  ['groups eq "1001"', ['101']],
  ['unknownAttr eq "x"', []],
  ['unknownAttr pr', []],
  ['name.unknown eq "x"', []],
  ['not (unknownAttr eq "x")', ['102', '101', '103']],
  ['title eq null', ['102', '101', '103']],
  ['name eq null', ['103']],
  ['name ne null', ['102', '101']],
  ['name.givenName gt null', []],
  ['unknownAttr eq null', []],
  ['not (userName eq "admin")', ['101', '103']],
  ['userName eq "admin" or userName eq "okta"', ['102', '101']],
  ['userName eq "admin" and active eq true', []],
  ['userName eq "okta" and active eq true and level gt 5', ['101']],
  ['userName eq "x" or userName eq "y" or id eq "103"', ['103']],
  ['(userName eq "admin" or userName eq "okta") and not (emails.type eq "home")', ['102']],
  [`schemas eq "${URN.enterpriseUser}"`, ['102', '101']],
  [`schemas eq "${URN.enterpriseUser.toUpperCase()}"`, []],
  ['userName eq true', []],
  ['displayName eq "42"', ['103']],
  ['displayName gt 41', ['103']],
  // Attributes the client can never read match nothing, so no filter can guess their values.
  ['password eq "Secret1"', []],
  ['password sw "S"', []],
  ['password pr', []],
  ['password eq null', []],
  ['not (password eq "Secret1")', ['102', '101', '103']],
  [`${CUSTOM}:pin eq "1234"`, []],
  ['tokens eq "tok"', []],
  ['tokens.value eq "tok"', []],
  ['tokens[value eq "tok"]', []],
  ['tokens[type eq "api"]', ['101']],
];

describe('evaluateFilter on sample users', () => {
  for (const [text, want] of cases) {
    it(`${text} → [${want.join(', ')}]`, () => {
      const filter = parseFilter(text);
      const got = users.filter((user) => evaluateFilter(filter, user, registry.user)).map((user) => user.id);
      assert.deepEqual(got, want);
      const compiled = compileFilter(filter, registry.user);
      assert.deepEqual(
        users.filter(compiled).map((user) => user.id),
        want,
        'compiled once',
      );
    });
  }

  it('never matches a hand-built value path on a sub-attribute (the parser rejects it)', () => {
    const filter: Filter = {
      kind: 'valuePath',
      path: { name: 'emails', subAttr: 'value' },
      filter: { kind: 'present', path: { name: 'value' } },
    };
    assert.equal(evaluateFilter(filter, users[1] as ScimResource, registry.user), false);
  });

  it('answers pr on absurdly deep values without walking them', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const odd: ScimResource = { schemas: [URN.user], name: { givenName: deep }, title: [[[]]] };
    assert.equal(evaluateFilter(parseFilter('name pr'), odd, registry.user), true);
    assert.equal(evaluateFilter(parseFilter('title pr'), odd, registry.user), false);
  });

  it('evaluates a long or-chain without exhausting the stack', () => {
    const text =
      Array.from({ length: 5000 }, (_, i) => `userName eq "u${i}"`).join(' or ') + ' or userName eq "okta"';
    const filter = parseFilter(text, { maxLength: 200_000 });
    assert.deepEqual(
      users.filter((u) => evaluateFilter(filter, u, registry.user)).map((u) => u.id),
      ['101'],
    );
    const andChain = parseFilter(Array.from({ length: 5000 }, () => 'userName pr').join(' and '), {
      maxLength: 200_000,
    });
    assert.equal(evaluateFilter(andChain, users[0] as ScimResource, registry.user), true);
  });
});

const groups: ScimResource[] = [
  {
    schemas: [URN.group],
    id: '1001',
    displayName: 'firstGroup',
    members: [{ value: '101', display: 'okta' }],
  },
  {
    schemas: [URN.group],
    id: '1002',
    displayName: 'secondGroup',
    members: [
      { value: '101', display: 'okta' },
      { value: '102', display: 'admin', type: 'User' },
    ],
  },
];

const groupCases: [string, string[]][] = [
  ['displayName eq "FIRSTGROUP"', ['1001']],
  ['members[value eq "102"]', ['1002']],
  ['members.value eq "101"', ['1001', '1002']],
  ['members[display co "ADM" and type eq "User"]', ['1002']],
  ['members eq "102"', ['1002']],
  ['userName pr', []],
];

describe('evaluateFilter on groups', () => {
  const schema = createSchemaRegistry().group;
  for (const [text, want] of groupCases) {
    it(`${text} → [${want.join(', ')}]`, () => {
      const filter = parseFilter(text);
      assert.deepEqual(
        groups.filter((g) => evaluateFilter(filter, g, schema)).map((g) => g.id),
        want,
      );
    });
  }
});

describe('matchesElement', () => {
  const members = GROUP_SCHEMA.attributes.find((a) => a.name === 'members') as AttributeDefinition;
  const element = { value: '2819c223', display: 'Babs Jensen', type: 'User' };
  const cases: [string, unknown, boolean][] = [
    ['value eq "2819c223"', element, true],
    ['VALUE eq "2819C223"', element, true],
    ['value eq "other"', element, false],
    ['display co "babs" and type eq "user"', element, true],
    ['not (display pr)', element, false],
    ['$ref pr', element, false],
    ['unknown eq "x"', element, false],
    ['value eq "2819c223"', 'not an object', false],
    ['value eq "2819c223"', null, false],
    ['value eq "a"', { value: ['a', 'b'] }, true],
    ['value eq null', {}, true],
  ];
  for (const [text, given, want] of cases) {
    it(`${text} on ${JSON.stringify(given)} → ${want}`, () => {
      assert.equal(matchesElement(parseFilter(text), given, members), want);
    });
  }
  it('never matches a nested value path', () => {
    const inner = parseFilter('emails[type eq "work"]');
    assert.equal(matchesElement(inner, { emails: [{ type: 'work' }] }, members), false);
  });
});
