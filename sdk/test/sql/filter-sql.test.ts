// Pins the filter → SQL translation on PGlite: every operator on every kind of mapped column, value paths, LIKE escaping, 400s.
import { strict as assert } from 'node:assert';
import { parseFilter } from '../../src/protocol/filter/parser.js';
import { URN, type ScimUser } from '../../src/protocol/resource.js';
import { isScimError } from '../../src/protocol/errors.js';
import { escapeLike } from '../../src/sql/filter-sql.js';
import { openFixture, TEST_URN, type SqlFixture } from './sql-fixture.js';

const people: ScimUser[] = [
  {
    schemas: [URN.user],
    userName: 'ada@example.com',
    name: { givenName: 'Ada', familyName: "O'Brien" },
    title: '50%',
    externalId: 'EXT-1',
    emails: [{ value: 'ada@work.example', type: 'work', primary: true }],
    [TEST_URN]: { hiredAt: '2020-01-01T00:00:00.000Z', level: 3 },
  },
  {
    schemas: [URN.user],
    userName: 'bob@example.com',
    name: { givenName: 'Bob', familyName: 'a_b' },
    title: '50 percent',
    externalId: 'ext-1',
    emails: [{ value: 'bob@home.example', type: 'home' }],
    [TEST_URN]: { hiredAt: '2022-06-01T00:00:00.000Z', level: 5 },
    active: false,
  },
  {
    schemas: [URN.user],
    userName: 'cy@example.com',
    name: { givenName: 'Cy', familyName: 'axb' },
    title: 'back\\slash',
  },
];

const cases: [string, string[]][] = [
  ['userName eq "ADA@example.com"', ['ada']],
  ['userName ne "ada@example.com"', ['bob', 'cy']],
  ['userName sw "B"', ['bob']],
  ['userName ew "@EXAMPLE.COM"', ['ada', 'bob', 'cy']],
  ['userName co "y@"', ['cy']],
  ['userName gt "b"', ['bob', 'cy']],
  ['userName le "bob@example.com"', ['ada', 'bob']],
  ['name.familyName eq "o\'brien"', ['ada']],
  ['name.familyName eq "a_b"', ['bob']],
  ['name.familyName co "_"', ['bob']],
  ['name.familyName sw "a_"', ['bob']],
  ['title co "%"', ['ada']],
  ['title sw "50%"', ['ada']],
  ['title co "\\\\"', ['cy']],
  ['title pr', ['ada', 'bob', 'cy']],
  ['name.givenName pr and not (name.familyName sw "a")', ['ada']],
  ['externalId eq "ext-1"', ['bob']],
  ['externalId eq "EXT-1"', ['ada']],
  ['externalId pr', ['ada', 'bob']],
  [`${TEST_URN}:level gt 3`, ['bob']],
  [`${TEST_URN}:level ge 3`, ['ada', 'bob']],
  [`${TEST_URN}:level lt 5 or ${TEST_URN}:level eq 5`, ['ada', 'bob']],
  [`${TEST_URN}:hiredAt gt "2021-01-01T00:00:00Z"`, ['bob']],
  [`${TEST_URN}:hiredAt le "2020-01-01T00:00:00Z"`, ['ada']],
  [`${TEST_URN}:level eq "3"`, []],
  ['active eq true', ['ada', 'cy']],
  ['active eq false', ['bob']],
  ['active ne false', ['ada', 'cy']],
  ['emails pr', ['ada', 'bob']],
  ['emails.value eq "ADA@work.example"', ['ada']],
  ['emails eq "bob@home.example"', ['bob']],
  ['emails[type eq "work" and value co "@work"]', ['ada']],
  ['emails[type eq "home" and value co "@work"]', []],
  ['emails[primary eq true]', ['ada']],
  ['emails.type eq "home" or userName eq "cy@example.com"', ['bob', 'cy']],
  ['id eq "not-a-uuid"', []],
];

describe('sql filters (PGlite)', function () {
  this.timeout(120000);
  let fx: SqlFixture;
  before(async () => {
    fx = await openFixture();
    for (const person of people) await fx.store.createUser(person);
  });
  after(async () => fx.close());

  for (const [filter, want] of cases) {
    it(filter, async () => {
      const found = await fx.store.getUsers({
        startIndex: 1,
        sortOrder: 'ascending',
        filter: parseFilter(filter),
      });
      const names = found.resources.map((u) => u.userName!.split('@')[0]).sort();
      assert.deepEqual(names, want);
      assert.equal(found.totalResults, want.length);
    });
  }

  it('finds a user by id', async () => {
    const all = await fx.store.getUsers({ startIndex: 1, sortOrder: 'ascending' });
    const id = all.resources[0]!.id!;
    const found = await fx.store.getUsers({
      startIndex: 1,
      sortOrder: 'ascending',
      filter: parseFilter(`id eq "${id}"`),
    });
    assert.deepEqual(
      found.resources.map((u) => u.id),
      [id],
    );
  });

  for (const filter of [
    'nickName eq "x"',
    'meta.created gt "2020-01-01T00:00:00Z"',
    'emails[display eq "x"]',
    'phoneNumbers pr',
  ]) {
    it(`answers 400 for an unmapped attribute: ${filter}`, async () => {
      await assert.rejects(
        fx.store.getUsers({ startIndex: 1, sortOrder: 'ascending', filter: parseFilter(filter) }),
        (error: unknown) =>
          isScimError(error) && error.code === 'SCIM_ERR_UNFILTERABLE' && error.status === 400,
      );
    });
  }

  it('answers 400 for sortBy on an unmapped attribute', async () => {
    await assert.rejects(
      fx.store.getUsers({
        startIndex: 1,
        sortOrder: 'ascending',
        sortBy: { name: 'nickName; drop table accounts' },
      }),
      (error: unknown) => isScimError(error) && error.status === 400,
    );
  });

  it('escapes LIKE wildcards and the escape character', () => {
    assert.equal(escapeLike('50%_a\\b'), '50\\%\\_a\\\\b');
  });
});
