// The SQL tests' app: the fixture DDL loaded into a fresh PGlite, its mapping, and a SqlStore over both.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { createSchemaRegistry } from '../../src/protocol/resource-schema.js';
import { pgliteDialect } from '../../src/sql/pglite-dialect.js';
import type { SqlDatabase } from '../../src/sql/sql-database.js';
import type { SqlMapping } from '../../src/sql/sql-mapping.js';
import { SqlStore } from '../../src/sql/sql-store.js';

export const DDL = readFileSync(new URL('../fixtures/sql/schema.sql', import.meta.url), 'utf8');

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** Typed attributes for the comparison tests; the store writes what it is given, unchecked. */
export const TEST_URN = 'urn:example:sql-test:2.0:User';

const column = (path: string[], name: string, type: 'string' | 'integer' | 'dateTime' = 'string') => ({
  path,
  column: name,
  type,
  caseExact: false,
  direction: 'both' as const,
});

export const MAPPING: SqlMapping = {
  users: {
    table: 'accounts',
    key: 'account_id',
    ids: 'database',
    version: 'row_version',
    userNameKey: 'login_key',
    deactivation: { kind: 'status', column: 'status', active: 'ACTIVE', inactive: 'DISABLED' },
    password: { column: 'password_hash', scheme: 'bcrypt' },
    columns: [
      column(['userName'], 'login'),
      column(['name', 'givenName'], 'first_name'),
      column(['name', 'familyName'], 'last_name'),
      column(['displayName'], 'display_name'),
      { ...column(['externalId'], 'external_ref'), caseExact: true },
      column(['title'], 'title'),
      column([ENTERPRISE, 'employeeNumber'], 'employee_no'),
      column([TEST_URN, 'hiredAt'], 'hired_at', 'dateTime'),
      column([TEST_URN, 'level'], 'level', 'integer'),
    ],
    children: [
      {
        attribute: 'emails',
        table: 'account_emails',
        parent: 'account_id',
        columns: { value: 'address', type: 'kind', primary: 'is_primary' },
      },
    ],
  },
  groups: {
    table: 'teams',
    key: 'team_id',
    ids: 'database',
    version: 'row_version',
    displayNameKey: 'team_key',
    columns: [column(['displayName'], 'team_name')],
    children: [],
  },
  membership: { table: 'team_members', group: 'team_id', member: 'account_id' },
};

export interface SqlFixture {
  pg: PGlite;
  db: Kysely<SqlDatabase>;
  store: SqlStore;
  /** Empties every table (between tests: one PGlite per file, its start-up is the slow part). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function openFixture(): Promise<SqlFixture> {
  const pg = new PGlite();
  await pg.exec(DDL);
  const db = new Kysely<SqlDatabase>({ dialect: pgliteDialect(pg) });
  const store = new SqlStore({ db, mapping: MAPPING, schemas: createSchemaRegistry() });
  return {
    pg,
    db,
    store,
    reset: async () => {
      await pg.exec('truncate team_members, account_emails, teams, accounts');
    },
    close: () => db.destroy(),
  };
}
