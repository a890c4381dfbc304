// The database type the sql runtime works with: tables known only at run time, from the mapping.
import type { Kysely, Transaction } from 'kysely';

/** Any table, any column: the mapping, checked by the generator against the DDL, names them. */
export type SqlDatabase = Record<string, Record<string, unknown>>;

export type SqlExecutor = Kysely<SqlDatabase> | Transaction<SqlDatabase>;

/** A database error's SQLSTATE (`23505` unique violation …), from pg and PGlite alike. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
