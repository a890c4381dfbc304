// `scim-connector validate --db`: the sql backend checked against a live PostgreSQL database, each mistake located in the spec.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { runCli } from '../../src/cli/run-cli.js';
import { CORE } from '../../src/shell/core.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { freshDatabase, withPostgres } from '../sql/postgres-database.js';

const EXAMPLE = new URL('../../spec/examples/initech-sql/', import.meta.url);
const APP_DDL = readFileSync(new URL('schema.sql', EXAMPLE), 'utf8');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s) };
  const code = await runCli(argv, { core: CORE, root: GENERATOR_ROOT, version: '9.8.7', io });
  return { code, out, err };
}

/** Runs `sql` on the database at `url`. */
async function alter(url: string, sql: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('scim-connector validate --db', function () {
  this.timeout(60_000);
  const postgres = withPostgres();
  let dir: string;
  let spec: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'validate-db-'));
    spec = join(dir, 'connector.yaml');
    await copyFile(new URL('connector.yaml', EXAMPLE), spec);
    await copyFile(new URL('schema.sql', EXAMPLE), join(dir, 'schema.sql'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('documents --db in validate --help', async () => {
    const help = await cli('validate', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /--db <url>\s+check a sql backend against this live PostgreSQL database/);
  });

  it('passes the example spec against a database holding its tables', async () => {
    const url = await freshDatabase(postgres.server(), APP_DDL);
    assert.deepEqual(await cli('validate', spec, '--db', url), {
      code: 0,
      out: `${spec}: ok (initech-sql: PUSH_NEW_USERS, PUSH_PROFILE_UPDATES, PUSH_PASSWORD_UPDATES, PUSH_USER_DEACTIVATION, REACTIVATE_USERS, IMPORT_NEW_USERS, IMPORT_PROFILE_UPDATES, GROUP_PUSH)\n`,
      err: '',
    });
  });

  const cases: [string, string, string[]][] = [
    [
      'a dropped column',
      'alter table accounts drop column title',
      [
        `<spec>:39:14: backend.users.attributes.title: table accounts has no column "title"; its columns: account_id, login, login_key, first_name, last_name, display_name, external_ref, employee_no, cost_center, status, password_hash, row_version`,
      ],
    ],
    [
      'a dropped unique index on the userName key',
      'drop index accounts_login_key',
      [
        `<spec>:29:18: backend.users.userNameKey: column accounts.login_key has no unique index: add "create unique index on accounts (login_key);" to the database, so userName stays unique and lookups use an index`,
      ],
    ],
    [
      'a column whose type cannot hold the attribute',
      'alter table accounts alter column title type integer using null',
      [
        `<spec>:39:14: backend.users.attributes.title: column accounts.title is integer, which cannot hold SCIM string title: map a text or character varying or character column, or add a value map`,
      ],
    ],
    [
      'a dropped table',
      'drop table team_members',
      [
        `<spec>:54:24: backend.membership.table: the database has no table "team_members"; it has: account_emails, accounts, teams`,
      ],
    ],
  ];
  for (const [name, sql, want] of cases) {
    it(`locates ${name} in the spec`, async () => {
      const url = await freshDatabase(postgres.server(), APP_DDL);
      await alter(url, sql);
      const got = await cli('validate', spec, '--db', url);
      const lines = [...want.map((line) => line.replace('<spec>', spec)), `${want.length} problem(s)`];
      assert.deepEqual(got, { code: 1, out: '', err: `${lines.join('\n')}\n` });
    });
  }

  const unreachable: [string, string, string][] = [
    [
      'an unreachable database: host and port',
      'postgres://scim:s3cret-pw@127.0.0.1:1/initech',
      'scim-connector: cannot read the PostgreSQL database at 127.0.0.1:1/initech: connect ECONNREFUSED 127.0.0.1:1\n',
    ],
    [
      'a URL that does not parse',
      'postgres://scim:s3cret-pw@127.0.0.1:port/initech',
      'scim-connector: --db takes a PostgreSQL URL: postgres://user:password@host:port/database\n',
    ],
  ];
  for (const [name, url, err] of unreachable) {
    it(`reports ${name} in one line with exit code 2, never the password`, async () => {
      const got = await cli('validate', spec, '--db', url);
      assert.deepEqual(got, { code: 2, out: '', err });
      assert.doesNotMatch(got.err, /s3cret-pw/);
    });
  }
});
