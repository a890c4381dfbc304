// Pins attributes/excludedAttributes projection (RFC 7644 §3.4.2.5) and the `returned` characteristic.
import { strict as assert } from 'node:assert';
import {
  parseAttributeList,
  projectResource,
  projector,
  type ProjectionRequest,
} from '../src/protocol/projection.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { URN, type ScimResource } from '../src/protocol/resource.js';
import type { AttributeDefinition } from '../src/protocol/schema-types.js';

const ENT = URN.enterpriseUser;
const CUSTOM = 'urn:example:custom:1.0:User';
const attr = (
  name: string,
  returned: AttributeDefinition['returned'],
  extra: Partial<AttributeDefinition> = {},
): AttributeDefinition => ({
  name,
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned,
  uniqueness: 'none',
  ...extra,
});
const registry = createSchemaRegistry({
  userExtensions: [
    {
      id: CUSTOM,
      name: 'Custom',
      attributes: [
        attr('secretQuestion', 'request'),
        attr('badge', 'default'),
        attr('card', 'default', {
          type: 'complex',
          subAttributes: [
            attr('number', 'default'),
            attr('pin', 'never'),
            attr('issuer', 'request'),
            attr('cvc', 'default', { mutability: 'writeOnly' }),
          ],
        }),
        // writeOnly values are never returned (RFC 7643 §7), whatever `returned` says.
        attr('apiKey', 'default', { mutability: 'writeOnly' }),
      ],
    },
  ],
});
const schema = registry.user;

const meta = { resourceType: 'User', created: '2026-01-01T00:00:00Z', lastModified: '2026-01-02T00:00:00Z' };

const user: ScimResource = Object.freeze({
  schemas: [URN.user, ENT, CUSTOM],
  id: '2819c223',
  externalId: 'bjensen',
  meta,
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  password: 'hunter2',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@example.com', type: 'home' },
  ],
  [ENT]: { employeeNumber: '701984', department: 'Tour', manager: { value: 'm1' } },
  [CUSTOM]: {
    secretQuestion: 'pet?',
    badge: 'B7',
    card: { number: '42', pin: '1234', issuer: 'HQ', cvc: '987' },
    apiKey: 'k-1',
  },
});

const base = { schemas: [URN.user, ENT, CUSTOM], id: '2819c223' };

describe('projectResource', () => {
  const cases: [string, { request?: ProjectionRequest; want: ScimResource }][] = [
    [
      'without a request: everything but never and request attributes',
      {
        want: {
          ...base,
          externalId: 'bjensen',
          meta,
          userName: 'bjensen',
          name: user.name,
          active: true,
          emails: user.emails,
          [ENT]: user[ENT],
          [CUSTOM]: { badge: 'B7', card: { number: '42' } },
        },
      },
    ],
    [
      'attributes keeps id and schemas and the named ones',
      { request: { attributes: ['userName'] }, want: { ...base, userName: 'bjensen' } },
    ],
    [
      'attribute names in any case',
      {
        request: { attributes: ['USERNAME', 'Name.GivenName'] },
        want: { ...base, userName: 'bjensen', name: { givenName: 'Barbara' } },
      },
    ],
    [
      'a sub-attribute of a multi-valued attribute',
      {
        request: { attributes: ['emails.value'] },
        want: { ...base, emails: [{ value: 'bjensen@example.com' }, { value: 'babs@example.com' }] },
      },
    ],
    [
      'a sub-attribute and its parent: the whole parent',
      { request: { attributes: ['name.givenName', 'name'] }, want: { ...base, name: user.name } },
    ],
    [
      'the parent then a sub-attribute: the whole parent',
      { request: { attributes: ['name', 'name.familyName'] }, want: { ...base, name: user.name } },
    ],
    [
      'an extension attribute by its full name',
      {
        request: { attributes: [`${ENT}:employeeNumber`] },
        want: { ...base, [ENT]: { employeeNumber: '701984' } },
      },
    ],
    [
      'an extension sub-attribute by its full name',
      {
        request: { attributes: [`${ENT}:manager.value`] },
        want: { ...base, [ENT]: { manager: { value: 'm1' } } },
      },
    ],
    [
      'an extension attribute by its bare name',
      { request: { attributes: ['department'] }, want: { ...base, [ENT]: { department: 'Tour' } } },
    ],
    ['a whole extension by its URN', { request: { attributes: [ENT] }, want: { ...base, [ENT]: user[ENT] } }],
    [
      'core attributes qualified by the core URN',
      { request: { attributes: [`${URN.user}:active`] }, want: { ...base, active: true } },
    ],
    [
      'password is never returned, even when asked',
      { request: { attributes: ['password', 'userName'] }, want: { ...base, userName: 'bjensen' } },
    ],
    [
      'a request attribute when asked',
      {
        request: { attributes: [`${CUSTOM}:secretQuestion`] },
        want: { ...base, [CUSTOM]: { secretQuestion: 'pet?' } },
      },
    ],
    [
      'a whole extension: request attributes in it are named, never ones are not',
      {
        request: { attributes: [CUSTOM] },
        want: {
          ...base,
          [CUSTOM]: { secretQuestion: 'pet?', badge: 'B7', card: { number: '42', issuer: 'HQ' } },
        },
      },
    ],
    [
      'a request sub-attribute when asked',
      {
        request: { attributes: [`${CUSTOM}:card.issuer`] },
        want: { ...base, [CUSTOM]: { card: { issuer: 'HQ' } } },
      },
    ],
    [
      'a never sub-attribute, even when asked',
      { request: { attributes: [`${CUSTOM}:card.pin`] }, want: { ...base } },
    ],
    [
      'a writeOnly attribute or sub-attribute, even when asked',
      {
        request: { attributes: [`${CUSTOM}:apiKey`, `${CUSTOM}:card.cvc`, 'userName'] },
        want: { ...base, userName: 'bjensen' },
      },
    ],
    [
      'unknown names are ignored',
      {
        request: { attributes: ['nosuch', 'name.nosuch', 'userName'] },
        want: { ...base, userName: 'bjensen' },
      },
    ],
    [
      'meta and its sub-attributes',
      {
        request: { attributes: ['meta.lastModified'] },
        want: { ...base, meta: { lastModified: '2026-01-02T00:00:00Z' } },
      },
    ],
    [
      'excludedAttributes drops the named ones',
      {
        request: { excludedAttributes: ['emails', 'meta', ENT, CUSTOM, 'name.familyName'] },
        want: {
          ...base,
          externalId: 'bjensen',
          userName: 'bjensen',
          name: { givenName: 'Barbara' },
          active: true,
        },
      },
    ],
    [
      'excludedAttributes cannot drop id or schemas',
      {
        request: {
          excludedAttributes: [
            'id',
            'schemas',
            'meta',
            'externalId',
            'userName',
            'name',
            'active',
            'emails',
            ENT,
            CUSTOM,
          ],
        },
        want: { ...base },
      },
    ],
    [
      'excluded sub-attributes of a multi-valued attribute',
      {
        request: {
          excludedAttributes: [
            'emails.type',
            'emails.primary',
            'meta',
            'name',
            ENT,
            CUSTOM,
            'externalId',
            'active',
          ],
        },
        want: {
          ...base,
          userName: 'bjensen',
          emails: [{ value: 'bjensen@example.com' }, { value: 'babs@example.com' }],
        },
      },
    ],
    [
      'excluded extension attributes by full name',
      {
        request: {
          excludedAttributes: [
            `${ENT}:manager`,
            `${ENT}:department`,
            'meta',
            'name',
            'emails',
            CUSTOM,
            'externalId',
            'active',
            'userName',
          ],
        },
        want: { ...base, [ENT]: { employeeNumber: '701984' } },
      },
    ],
    [
      'attributes wins over excludedAttributes',
      {
        request: { attributes: ['userName'], excludedAttributes: ['userName'] },
        want: { ...base, userName: 'bjensen' },
      },
    ],
    [
      'empty lists mean no projection',
      { request: { attributes: [], excludedAttributes: [] }, want: projectResource(user, schema) },
    ],
    [
      'values left empty by a selection are dropped',
      { request: { attributes: ['emails.display', 'name.middleName'] }, want: { ...base } },
    ],
  ];
  for (const [name, { request, want }] of cases) {
    it(name, () => assert.deepEqual(projectResource(user, schema, request), want));
  }

  it('keeps attributes no schema defines unless only named ones are wanted', () => {
    const odd: ScimResource = {
      schemas: [URN.user],
      id: '1',
      userName: 'u',
      vendorField: 'x',
      [ENT]: 'not an object',
    };
    assert.deepEqual(projectResource(odd, schema), {
      schemas: [URN.user],
      id: '1',
      userName: 'u',
      vendorField: 'x',
    });
    assert.deepEqual(projectResource(odd, schema, { attributes: ['userName'] }), {
      schemas: [URN.user],
      id: '1',
      userName: 'u',
    });
  });

  it('keeps non-object elements of a complex multi-valued attribute as they are', () => {
    const odd: ScimResource = {
      schemas: [URN.user],
      id: '1',
      emails: ['a@x.com', { value: 'b@x.com', type: 'work' }],
      name: 'plain',
    };
    assert.deepEqual(projectResource(odd, schema, { attributes: ['emails.value', 'name.givenName'] }), {
      schemas: [URN.user],
      id: '1',
      emails: ['a@x.com', { value: 'b@x.com' }],
      name: 'plain',
    });
  });

  it('projects groups: members excluded for a light list', () => {
    const group: ScimResource = {
      schemas: [URN.group],
      id: 'g',
      displayName: 'G',
      members: [{ value: '1', display: 'one' }],
    };
    assert.deepEqual(projectResource(group, registry.group, { excludedAttributes: ['members'] }), {
      schemas: [URN.group],
      id: 'g',
      displayName: 'G',
    });
    assert.deepEqual(projectResource(group, registry.group, { attributes: ['members.value'] }), {
      schemas: [URN.group],
      id: 'g',
      members: [{ value: '1' }],
    });
  });
});

describe('projector', () => {
  // A projector decides once per key for a whole page: keys of any case, more of them than it remembers.
  const vendor = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`vendor${i}`, i]));
  const page: ScimResource[] = [
    { schemas: [URN.user], id: '1', EMAILS: [{ value: 'a@x' }], UserName: 'a', ...vendor, Password: 'x' },
    {
      schemas: [URN.user, CUSTOM],
      id: '2',
      password: 'y',
      emails: [],
      userName: 'b',
      [CUSTOM.toUpperCase()]: { Card: { number: '7', PIN: '1', Issuer: 'HQ' }, BADGE: 'B', ApiKey: 'k' },
    },
  ];
  const cases: [string, { request: ProjectionRequest; want: ScimResource[] }][] = [
    [
      'without a request',
      {
        request: {},
        want: [
          { schemas: [URN.user], id: '1', EMAILS: [{ value: 'a@x' }], UserName: 'a', ...vendor },
          {
            schemas: [URN.user, CUSTOM],
            id: '2',
            emails: [],
            userName: 'b',
            [CUSTOM.toUpperCase()]: { Card: { number: '7' }, BADGE: 'B' },
          },
        ],
      },
    ],
    [
      'with excludedAttributes',
      {
        request: { excludedAttributes: ['emails', `${CUSTOM}:badge`] },
        want: [
          { schemas: [URN.user], id: '1', UserName: 'a', ...vendor },
          {
            schemas: [URN.user, CUSTOM],
            id: '2',
            userName: 'b',
            [CUSTOM.toUpperCase()]: { Card: { number: '7' } },
          },
        ],
      },
    ],
    [
      'with attributes',
      {
        request: { attributes: ['userName', 'vendor299', `${CUSTOM}:card.issuer`] },
        want: [
          { schemas: [URN.user], id: '1', UserName: 'a' },
          {
            schemas: [URN.user, CUSTOM],
            id: '2',
            userName: 'b',
            [CUSTOM.toUpperCase()]: { Card: { Issuer: 'HQ' } },
          },
        ],
      },
    ],
  ];
  for (const [name, { request, want }] of cases) {
    it(`applies one request to a page of resources, ${name}`, () => {
      const project = projector(schema, request);
      assert.deepEqual(
        page.map((resource) => project(resource)),
        want,
      );
      assert.deepEqual(
        page.map((resource) => project(resource)),
        want,
        'the same again, from what it remembers',
      );
    });
  }
});

describe('projector with a meta given', () => {
  // The server projects its located meta in place of the resource's: the same as projecting a copy holding it.
  const located = { resourceType: 'User', version: 'W/"3"', location: 'https://x/scim/v2/Users/1' };
  const resources: [string, ScimResource][] = [
    ['meta in the middle', { schemas: [URN.user], id: '1', meta: { version: 'W/"3"' }, userName: 'a' }],
    ['no meta', { schemas: [URN.user], id: '1', userName: 'a', password: 'p' }],
    ['meta in another case', { schemas: [URN.user], id: '1', Meta: { version: 'W/"2"' }, userName: 'a' }],
  ];
  const requests: [string, ProjectionRequest][] = [
    ['no request', {}],
    ['meta.location excluded', { excludedAttributes: ['meta.location'] }],
    ['meta excluded', { excludedAttributes: ['meta'] }],
    ['only userName', { attributes: ['userName'] }],
    ['only meta.location', { attributes: ['meta.location'] }],
  ];
  for (const [what, resource] of resources) {
    for (const [asked, request] of requests) {
      it(`${what}, ${asked}: as a copy holding it would project`, () => {
        const project = projector(schema, request);
        const viaCopy = project({ ...resource, meta: located });
        const given = project(resource, located);
        assert.deepEqual(given, viaCopy);
        assert.deepEqual(Object.keys(given), Object.keys(viaCopy), 'in the same order');
      });
    }
  }
});

describe('parseAttributeList', () => {
  const cases: [string, { given: string | undefined; want: string[] | undefined }][] = [
    ['absent', { given: undefined, want: undefined }],
    ['empty', { given: '', want: undefined }],
    ['only commas and blanks', { given: ' , ,', want: undefined }],
    ['one name', { given: 'userName', want: ['userName'] }],
    [
      'names trimmed, empty ones dropped',
      { given: ' userName , name.givenName,,emails ', want: ['userName', 'name.givenName', 'emails'] },
    ],
    [
      'URN-qualified names keep their colons',
      { given: `${ENT}:employeeNumber,${ENT}`, want: [`${ENT}:employeeNumber`, ENT] },
    ],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => assert.deepEqual(parseAttributeList(given), want));
  }
});
