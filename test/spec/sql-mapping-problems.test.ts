// The sql backend's mapping mistakes, each located in connector.yaml (or the DDL) with the exact text the loader reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { formatProblem, loadSpecText } from '../../src/spec/index.js';
import { DIR, memoryReader, SPEC } from './spec-fixtures.js';

const EXAMPLE = new URL('../../spec/examples/initech-sql/', import.meta.url);
const APP_SPEC = readFileSync(new URL('connector.yaml', EXAMPLE), 'utf8');
const APP_DDL = readFileSync(new URL('schema.sql', EXAMPLE), 'utf8');
const DDL = `${DIR}/schema.sql`;

function edited(text: string, edits: readonly (readonly [string, string])[]): string {
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), `the fixture has no "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

const cases: [string, { spec?: [string, string][]; ddl?: [string, string][]; want: string[] }][] = [
  [
    'an unknown table, with did-you-mean',
    {
      spec: [['table: accounts', 'table: acounts']],
      want: [
        `${SPEC}:27:12: backend.users.table: the DDL creates no table "acounts"; did you mean "accounts"?`,
      ],
    },
  ],
  [
    'an unknown column, with did-you-mean',
    {
      spec: [['name.givenName: first_name', 'name.givenName: frist_name']],
      want: [
        `${SPEC}:35:23: backend.users.attributes["name.givenName"]: table accounts has no column "frist_name"; did you mean "first_name"?`,
      ],
    },
  ],
  [
    'a column whose type cannot hold the attribute',
    {
      ddl: [['  title text,', '  title integer,']],
      want: [
        `${SPEC}:39:14: backend.users.attributes.title: column accounts.title is integer, which cannot hold SCIM string title: map a text or character varying or character column, or add a value map`,
      ],
    },
  ],
  [
    'a userName key without a unique index',
    {
      ddl: [
        [
          'create unique index accounts_login_key on accounts (login_key);',
          'create index accounts_login_key on accounts (login_key);',
        ],
      ],
      want: [
        `${SPEC}:29:18: backend.users.userNameKey: column accounts.login_key has no unique index: add "create unique index on accounts (login_key);" to the DDL, so userName stays unique and lookups use an index`,
      ],
    },
  ],
  [
    'an unknown SCIM attribute',
    {
      spec: [['title: title', 'titel: title']],
      want: [
        `${SPEC}:39:7: backend.users.attributes.titel: users have no attribute "titel"; did you mean "title"?`,
      ],
    },
  ],
  [
    'a multi-valued attribute mapped to a column',
    {
      spec: [['title: title', 'emails[type eq "work"].value: title']],
      want: [
        `${SPEC}:39:7: backend.users.attributes["emails[type eq "work"].value"]: emails[type eq "work"].value is one of several values: hold emails in a child table (users.children), one row per value`,
      ],
    },
  ],
  [
    'a transform a column cannot take',
    {
      spec: [['title: title', 'title: { app: title, transform: epochMillis }']],
      want: [
        `${SPEC}:39:39: backend.users.attributes.title.transform: transform epochMillis is not for columns: a column holds the value in its own type (lower and upper apply)`,
      ],
    },
  ],
  [
    'active mapped as a column instead of deactivation',
    {
      spec: [['title: title', 'active: status']],
      want: [
        `${SPEC}:39:7: backend.users.attributes.active: active is not a column mapping in the sql backend: set users.deactivation`,
      ],
    },
  ],
  [
    'a flag deactivation on a text column',
    {
      spec: [
        [
          'deactivation: { column: status, active: ACTIVE, inactive: DISABLED }',
          'deactivation: { column: status }',
        ],
      ],
      want: [
        `${SPEC}:31:29: backend.users.deactivation.column: column accounts.status is text, which cannot hold a true/false flag: use a boolean column`,
      ],
    },
  ],
  [
    'a key the database does not fill',
    {
      ddl: [['account_id uuid primary key default gen_random_uuid(),', 'account_id uuid primary key,']],
      want: [
        `${SPEC}:28:10: backend.users.key: column accounts.account_id has no default, so the database makes no ids: set ids: connector, or give the column a default (e.g. gen_random_uuid())`,
      ],
    },
  ],
  [
    'a NOT NULL column nothing fills',
    {
      spec: [['      userName: login\n', '      userName: display_name\n']],
      want: [
        `${SPEC}:27:12: backend.users.table: table accounts requires login (NOT NULL, no default) but nothing is mapped to it: map an attribute to each, or give it a default`,
      ],
    },
  ],
  [
    'an unknown child sub-attribute and membership column',
    {
      spec: [
        [
          'columns: { value: address, type: kind, primary: is_primary }',
          'columns: { value: address, kind: kind, primary: is_primary }',
        ],
        ['member: account_id }', 'member: acount_id }'],
      ],
      want: [
        `${SPEC}:46:36: backend.users.children.emails.columns.kind: "emails" has no sub-attribute "kind"; its sub-attributes: value, display, type, primary`,
        `${SPEC}:54:62: backend.membership.member: table team_members has no column "acount_id"; did you mean "account_id"?`,
      ],
    },
  ],
  [
    'a DDL PostgreSQL refuses, located in the DDL',
    {
      ddl: [['  title text,', '  title txet,']],
      want: [
        `${DDL}:10:9: PostgreSQL cannot load this DDL: type "txet" does not exist; fix the statement (the mapping is checked once the DDL loads)`,
      ],
    },
  ],
];

describe('sql mapping problems', function () {
  this.timeout(120000);
  for (const [name, { spec = [], ddl = [], want }] of cases) {
    it(name, async () => {
      const reader = memoryReader({ 'schema.sql': edited(APP_DDL, ddl) });
      const result = await loadSpecText(edited(APP_SPEC, spec), SPEC, reader);
      assert.equal(result.ok, false);
      assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), want);
    });
  }

  it('resolves the example with no problem', async () => {
    const result = await loadSpecText(APP_SPEC, SPEC, memoryReader({ 'schema.sql': APP_DDL }));
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), []);
  });

  it('names a missing DDL file', async () => {
    const result = await loadSpecText(APP_SPEC, SPEC, memoryReader({}));
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [
      `${SPEC}:24:8: backend.ddl: no DDL file at ${DDL}: fix the path (relative to the spec) or put the app's CREATE TABLE statements there`,
    ]);
  });
});
