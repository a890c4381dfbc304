// One throwaway PostgreSQL server per test file, and a fresh database in it holding the initech-sql example's tables.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';

export const INITECH_DDL = readFileSync(new URL('../golden/initech-sql/schema.sql', import.meta.url), 'utf8');

let created = 0;

/** A new database on `server` with `ddl` loaded; its URL. */
export async function freshDatabase(server: PostgresServer, ddl = INITECH_DDL): Promise<string> {
  const name = `scim_${process.pid}_${++created}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = server.url.replace(/\/postgres$/, `/${name}`);
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(ddl);
  } finally {
    await client.end();
  }
  return url;
}

/** Registers before/after hooks starting and stopping one server for the enclosing describe; a failed start fails the tests. */
export function withPostgres(): { server: () => PostgresServer } {
  let server: PostgresServer | undefined;
  before(async function () {
    this.timeout(120000);
    server = await startPostgres();
  });
  after(async function () {
    this.timeout(60000);
    await server?.stop();
  });
  return {
    server: () => {
      if (server === undefined) throw new Error('PostgreSQL did not start');
      return server;
    },
  };
}
