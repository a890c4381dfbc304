// A Kysely dialect over an embedded PGlite database, typed structurally so the SDK does not depend on PGlite.
import {
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';

/** What the dialect needs of a PGlite instance (`new PGlite()` from @electric-sql/pglite). */
export interface PgliteLike {
  query<R>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: R[]; affectedRows?: number; fields?: readonly unknown[] }>;
  close(): Promise<void>;
}

/** Commands Kysely reads the affected-row count of. */
const COMMANDS = ['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK'] as const;

function command(sql: string): PostgresQueryResult<unknown>['command'] {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  return COMMANDS.find((c) => c === word) ?? 'SELECT';
}

/**
 * PGlite is one connection: a pool of one whose client is lent to one holder at a time, so a
 * transaction's statements never interleave with another request's.
 */
function pool(db: PgliteLike): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  const client = (release: () => void): PostgresPoolClient =>
    ({
      async query<R>(sql: string, params: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await db.query<R>(sql, [...params]);
        return {
          command: command(sql),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release,
    }) as PostgresPoolClient;
  return {
    connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const turn = queue.then(() => client(release));
      queue = queue.then(() => held);
      return turn;
    },
    end: () => db.close(),
  };
}

/** Kysely's PostgreSQL dialect talking to PGlite. */
export function pgliteDialect(db: PgliteLike): PostgresDialect {
  return new PostgresDialect({ pool: pool(db) });
}
