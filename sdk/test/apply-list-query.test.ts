// Pins applyListQuery: filtering, stable sorting with RFC 7644 §3.4.2.3 rules for absent values, and paging.
import { strict as assert } from 'node:assert';
import { applyListQuery } from '../src/service/apply-list-query.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { parseFilter } from '../src/protocol/filter/parser.js';
import { URN, type ScimUser } from '../src/protocol/resource.js';
import type { AttrPath } from '../src/protocol/filter/ast.js';
import type { ListQuery } from '../src/service/scim-service.js';

const schema = createSchemaRegistry().user;

const users: ScimUser[] = [
  {
    schemas: [URN.user, URN.enterpriseUser],
    id: 'carol',
    userName: 'carol',
    active: true,
    name: { givenName: 'Carol' },
    emails: [
      { value: 'c@example.com', primary: false },
      { value: 'a@example.com', primary: true },
    ],
    meta: { lastModified: '2026-03-01T00:00:00Z' },
    [URN.enterpriseUser]: { employeeNumber: '3' },
  },
  {
    schemas: [URN.user],
    id: 'alice',
    userName: 'alice',
    active: true,
    emails: [{ value: 'z@example.com' }],
    meta: { lastModified: '2026-01-01T00:00:00+02:00' },
  },
  {
    schemas: [URN.user, URN.enterpriseUser],
    id: 'bob',
    userName: 'Bob',
    active: true,
    name: { givenName: 'bob' },
    meta: { lastModified: '2025-12-31T23:30:00Z' },
    [URN.enterpriseUser]: { employeeNumber: '1' },
  },
  {
    schemas: [URN.user],
    id: 'dave',
    userName: 'dave',
    active: true,
    name: { givenName: '' },
    emails: [{ value: 'b@example.com', type: 'work' }],
  },
];

function path(text: string): AttrPath {
  const filter = parseFilter(`${text} pr`);
  assert.equal(filter.kind, 'present');
  return filter.path;
}

interface Given {
  filter?: string;
  sortBy?: string;
  sortOrder?: 'ascending' | 'descending';
  startIndex?: number;
  count?: number;
}

const cases: [string, { given: Given; want: string[]; total?: number }][] = [
  ['everything in input order without a query', { given: {}, want: ['carol', 'alice', 'bob', 'dave'] }],
  ['a filter keeps input order', { given: { filter: 'userName co "a"' }, want: ['carol', 'alice', 'dave'] }],
  ['a filter matching nothing', { given: { filter: 'userName eq "nobody"' }, want: [], total: 0 }],
  ['sorts strings ignoring case', { given: { sortBy: 'userName' }, want: ['alice', 'bob', 'carol', 'dave'] }],
  [
    'sorts descending',
    { given: { sortBy: 'userName', sortOrder: 'descending' }, want: ['dave', 'carol', 'bob', 'alice'] },
  ],
  [
    'absent and empty values last ascending, in input order',
    { given: { sortBy: 'name.givenName' }, want: ['bob', 'carol', 'alice', 'dave'] },
  ],
  [
    'absent and empty values first descending, in input order',
    { given: { sortBy: 'name.givenName', sortOrder: 'descending' }, want: ['alice', 'dave', 'carol', 'bob'] },
  ],
  [
    'a multi-valued attribute by its primary value, else its first',
    { given: { sortBy: 'emails' }, want: ['carol', 'dave', 'alice', 'bob'] },
  ],
  [
    'a multi-valued attribute by the primary value of the named sub-attribute',
    { given: { sortBy: 'emails.value', sortOrder: 'descending' }, want: ['bob', 'alice', 'dave', 'carol'] },
  ],
  [
    'a sub-attribute other than value of a multi-valued attribute',
    { given: { sortBy: 'EMAILS.TYPE' }, want: ['dave', 'carol', 'alice', 'bob'] },
  ],
  [
    'dateTimes by instant, not by text',
    { given: { sortBy: 'meta.lastModified' }, want: ['alice', 'bob', 'carol', 'dave'] },
  ],
  [
    'an extension attribute by its full path',
    { given: { sortBy: `${URN.enterpriseUser}:employeeNumber` }, want: ['bob', 'carol', 'alice', 'dave'] },
  ],
  [
    'ties keep input order (stable)',
    { given: { sortBy: 'active' }, want: ['carol', 'alice', 'bob', 'dave'] },
  ],
  [
    'ties keep input order descending too',
    { given: { sortBy: 'active', sortOrder: 'descending' }, want: ['carol', 'alice', 'bob', 'dave'] },
  ],
  [
    'an unknown attribute leaves input order',
    { given: { sortBy: 'shoeSize' }, want: ['carol', 'alice', 'bob', 'dave'] },
  ],
  [
    'a singular complex attribute orders by presence only',
    { given: { sortBy: 'name' }, want: ['carol', 'bob', 'dave', 'alice'] },
  ],
  [
    'a multi-valued complex attribute without a value sub-attribute leaves input order',
    { given: { sortBy: 'addresses', sortOrder: 'descending' }, want: ['carol', 'alice', 'bob', 'dave'] },
  ],
  ['a page from startIndex', { given: { startIndex: 2, count: 2 }, want: ['alice', 'bob'], total: 4 }],
  ['count 0 returns no resources but the total', { given: { count: 0 }, want: [], total: 4 }],
  ['no count returns the rest', { given: { startIndex: 3 }, want: ['bob', 'dave'], total: 4 }],
  ['startIndex past the end', { given: { startIndex: 5, count: 10 }, want: [], total: 4 }],
  ['startIndex below 1 counts as 1', { given: { startIndex: -4, count: 1 }, want: ['carol'], total: 4 }],
  ['a negative count counts as 0', { given: { count: -1 }, want: [], total: 4 }],
  [
    'filter, then sort, then page',
    {
      given: { filter: 'emails pr', sortBy: 'userName', sortOrder: 'descending', startIndex: 2, count: 1 },
      want: ['carol'],
      total: 3,
    },
  ],
];

describe('applyListQuery', () => {
  for (const [name, { given, want, total }] of cases) {
    it(name, () => {
      const query: ListQuery = {
        startIndex: given.startIndex ?? 1,
        sortOrder: given.sortOrder ?? 'ascending',
        ...(given.filter === undefined ? {} : { filter: parseFilter(given.filter) }),
        ...(given.sortBy === undefined ? {} : { sortBy: path(given.sortBy) }),
        ...(given.count === undefined ? {} : { count: given.count }),
      };
      const result = applyListQuery(users, query, schema);
      assert.deepEqual(
        result.resources.map((user) => user.id),
        want,
      );
      assert.equal(result.totalResults, total ?? want.length);
    });
  }

  it('does not order by a password: sorting by it would reveal it', () => {
    const withPasswords = users.map((user, i) => ({ ...user, password: `${'zyx'[i % 3]}-secret` }));
    for (const sortOrder of ['ascending', 'descending'] as const) {
      const result = applyListQuery(
        withPasswords,
        { startIndex: 1, sortOrder, sortBy: path('password') },
        schema,
      );
      assert.deepEqual(
        result.resources.map((user) => user.id),
        withPasswords.map((user) => user.id),
        sortOrder,
      );
    }
  });

  it('takes any iterable, returns the same objects and leaves the input alone', () => {
    const input = [...users];
    const result = applyListQuery(
      new Set(input).values(),
      { startIndex: 1, sortOrder: 'ascending', sortBy: path('userName') },
      schema,
    );
    assert.equal(result.resources[0], users[1]);
    assert.deepEqual(input, users);
  });
});
