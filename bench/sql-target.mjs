// Child process of the sql rows (run with tsx): a seeded throwaway PostgreSQL, the generated initech-sql connector over it, or pg called directly behind a bare fastify route.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { answerProfileRequests } from './profiler-child.mjs';

const PROJECT = new URL('../test/golden/initech-sql/', import.meta.url);
const [kind, arg] = process.argv.slice(2);

/**
 * A fresh PostgreSQL (test/support/postgres-server.ts) holding schema.sql and `users` typical users
 * (seed.mjs's shape: names, a work email, active), inserted by one statement per table.
 */
async function startDatabase(users) {
  const { startPostgres } = await import('../test/support/postgres-server.ts');
  const server = await startPostgres();
  const stop = () => server.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('message', (message) => message === 'exit' && stop());
  const client = new pg.Client(server.url);
  await client.connect();
  await client.query(readFileSync(new URL('schema.sql', PROJECT), 'utf8'));
  await client.query(
    `insert into accounts (login, login_key, first_name, last_name)
     select 'user' || i || '@example.com', 'user' || i || '@example.com', 'Given' || i, 'Family' || i
     from generate_series(0, $1 - 1) as i`,
    [users],
  );
  await client.query(
    `insert into account_emails (account_id, address, kind, is_primary) select account_id, login, 'work', true from accounts`,
  );
  await client.query('analyze');
  const read = await client.query('select account_id from accounts where login = $1', [
    `user${Math.floor(users / 2)}@example.com`,
  ]);
  await client.end();
  return { url: server.url, readId: read.rows[0].account_id };
}

/** The generated project's own server (src/server.ts) over the database, as `npm start` runs it: request logging on, to stdout. */
async function startConnector(databaseUrl) {
  const { readConfig } = await import('../test/golden/initech-sql/src/generated/config.ts');
  const { createServer } = await import('../test/golden/initech-sql/src/server.ts');
  const env = { HOST: '127.0.0.1', PORT: '0', SCIM_BEARER_TOKEN: 'bench-token', DATABASE_URL: databaseUrl };
  const server = await createServer({ ...readConfig(env), tls: undefined });
  return server.listen();
}

// The statements SqlStore issues (Kysely compiles them to this text, seen in pg) for a read, a page and a filter by userName.
const USER = 'select * from "accounts" where "account_id" = $1';
const COUNT = 'select count(*) as "total" from "accounts" where true';
const PAGE = 'select * from "accounts" where true order by "accounts"."account_id" limit $1 offset $2';
const BY_NAME = 'where ("accounts"."login_key" is not null and "accounts"."login_key" = $1)';
const COUNT_NAMED = `select count(*) as "total" from "accounts" ${BY_NAME}`;
const NAMED = `select * from "accounts" ${BY_NAME} order by "accounts"."account_id" limit $2 offset $3`;
const EMAILS = (ids) =>
  `select * from "account_emails" where "account_id" in (${ids.map((_, i) => `$${i + 1}`).join(', ')})`;
const TEAMS = (ids) =>
  `select "m"."account_id" as "owner", "m"."team_id" as "value", coalesce("t"."team_name") as "display" from "team_members" as "m" inner join "teams" as "t" on "t"."team_id" = "m"."team_id" where "m"."account_id" in (${ids.map((_, i) => `$${i + 1}`).join(', ')}) order by "m"."team_id"`;

/**
 * The backend called directly: fastify without logging, pg's pool (the connector's size, 10), the same
 * statements the store runs for each request, answering the rows as they come (no SCIM mapping).
 */
async function startDirect(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const related = async (rows) => {
    const ids = rows.map((row) => row.account_id);
    if (ids.length === 0) return { emails: [], teams: [] };
    const emails = await pool.query(EMAILS(ids), ids);
    const teams = await pool.query(TEAMS(ids), ids);
    return { emails: emails.rows, teams: teams.rows };
  };
  const app = Fastify({ logger: false });
  app.get('/scim/v2/Users/:id', async (request, reply) => {
    const { rows } = await pool.query(USER, [request.params.id]);
    if (rows.length === 0) return reply.code(404).send({ status: '404' });
    return { rows, ...(await related(rows)) };
  });
  app.get('/scim/v2/Users', async (request) => {
    const { startIndex = '1', count = '100', filter } = request.query;
    const userName = filter === undefined ? undefined : /userName eq "(.*)"/.exec(filter)?.[1]?.toLowerCase();
    const [total, page] =
      userName === undefined
        ? [await pool.query(COUNT), await pool.query(PAGE, [Number(count), Number(startIndex) - 1])]
        : [await pool.query(COUNT_NAMED, [userName]), await pool.query(NAMED, [userName, Number(count), 0])];
    return { total: Number(total.rows[0].total), rows: page.rows, ...(await related(page.rows)) };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${app.server.address().port}`;
}

process.on('message', (message) => {
  if (message === 'exit' && kind !== 'database') process.exit(0);
});
if (kind === 'database') {
  // No PostgreSQL installed: the suite goes on, its rows saying why.
  const started = await startDatabase(Number(arg)).catch((error) => ({ error: error.message }));
  process.send(started, () => started.error !== undefined && process.exit(1));
} else {
  answerProfileRequests((message) => process.send(message));
  process.send({ url: kind === 'connector' ? await startConnector(arg) : await startDirect(arg) });
}
