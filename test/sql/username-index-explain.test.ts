// EXPLAIN of the connector's userName eq lookup over 100,000 users on PostgreSQL: the unique index on the key column, not a scan.
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { filterCondition, type FilterScope, type SqlDatabase } from 'scim-connector-sdk/sql';
import { URN } from 'scim-connector-sdk';
import { MAPPING } from '../golden/initech-sql/src/generated/database.js';
import { freshDatabase, withPostgres } from './postgres-database.js';

describe('the userName eq lookup on PostgreSQL', function () {
  this.timeout(180000);
  const postgres = withPostgres();

  it('uses the unique index on the userName key at 100,000 users', async () => {
    const url = await freshDatabase(postgres.server());
    const pool = new pg.Pool({ connectionString: url });
    // The server is stopped after the test: a connection still idle then must not fail the run.
    pool.on('error', () => undefined);
    const db = new Kysely<SqlDatabase>({ dialect: new PostgresDialect({ pool }) });
    try {
      await pool.query(
        `insert into accounts (login, login_key, first_name)
         select 'User' || n || '@Example.com', 'user' || n || '@example.com', 'F' || n from generate_series(1, 100000) n`,
      );
      await pool.query('analyze accounts');
      const scope: FilterScope = { coreUrn: URN.user, table: MAPPING.users, users: MAPPING.users };
      const query = db
        .selectFrom('accounts')
        .selectAll()
        .where(filterCondition(scope, parseFilter('userName eq "USER50000@example.COM"')))
        .compile();
      const found = await pool.query(query.sql, [...query.parameters]);
      assert.equal(found.rows.length, 1);
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain ${query.sql}`, [...query.parameters]);
      const lines = plan.rows.map((row) => row['QUERY PLAN']);
      console.log(`      ${lines.join('\n      ')}`);
      assert.ok(
        lines.some((line) => /Index (Only )?Scan using accounts_login_key on accounts/.test(line)),
        lines.join('\n'),
      );
      assert.ok(!lines.some((line) => line.includes('Seq Scan')), lines.join('\n'));
    } finally {
      await db.destroy();
    }
  });
});
