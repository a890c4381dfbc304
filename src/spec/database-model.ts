// The tables, columns and unique indexes of a live PostgreSQL database (`validate --db <url>`), read as a DDL file's are.
import { readTables, type DdlTable } from './ddl-model.js';

/** The database could not be reached or read: the message names host and port, never the password. */
export class DatabaseUnavailable extends Error {
  override readonly name = 'DatabaseUnavailable';
}

/** `url` without its password, for messages: `host:port/database`. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'the --db URL';
  }
}

/** `text` with `password` (as written in the URL, and decoded) masked: a driver's message must not leak it. */
function redact(text: string, password: string): string {
  let out = text;
  for (const secret of new Set([password, decodeURIComponent(password)]))
    if (secret !== '') out = out.split(secret).join('***');
  return out;
}

/** The tables of the current schema (normally `public`) of the database at `url`. */
export async function databaseTables(url: string): Promise<DdlTable[]> {
  const where = describeDatabase(url);
  if (!/^postgres(ql)?:\/\//i.test(url) || where === 'the --db URL')
    throw new DatabaseUnavailable('--db takes a PostgreSQL URL: postgres://user:password@host:port/database');
  const password = new URL(url).password;
  const fail = (error: unknown): never => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailable(
      `cannot read the PostgreSQL database at ${where}: ${redact(reason.split('\n')[0] ?? '', password)}`,
    );
  };
  // Loaded only here: generate and a DDL check never need a PostgreSQL client.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A dropped connection after connect() would otherwise be an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const schema = await client.query<{ name: string }>('select current_schema() as name');
    return await readTables(
      <Row extends Record<string, unknown>>(sql: string, params: unknown[]) => client.query<Row>(sql, params),
      schema.rows[0]?.name ?? 'public',
    );
  } catch (error) {
    return fail(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
