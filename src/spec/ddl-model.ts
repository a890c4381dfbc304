// The tables, columns and unique indexes a DDL file creates, read by loading it into an embedded PostgreSQL (PGlite).
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../vendor/cache-dir.js';
import { GENERATOR_ROOT } from '../vendor/generator-root.js';

export interface DdlColumn {
  name: string;
  /** information_schema's data_type, e.g. `text`, `integer`, `timestamp with time zone`, `uuid`. */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface DdlTable {
  name: string;
  columns: DdlColumn[];
  /** The column lists of unique indexes and primary keys. */
  unique: string[][];
}

export type DdlModel = { ok: true; tables: DdlTable[] } | { ok: false; message: string; position?: number };

/** Runs one parameterised query: PGlite's `query` for a DDL file, a `pg` client's for a live database. */
export type QueryRunner = <Row extends Record<string, unknown>>(
  sql: string,
  params: unknown[],
) => Promise<{ rows: Row[] }>;

/** The tables of `schema` with their columns and unique indexes, read from information_schema and pg_index. */
export async function readTables(query: QueryRunner, schema: string): Promise<DdlTable[]> {
  const columns = await query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
     where table_schema = $1 order by table_name, ordinal_position`,
    [schema],
  );
  const indexes = await query<{ table_name: string; columns: string[] }>(
    `select t.relname as table_name, array_agg(a.attname::text order by k.n) as columns
     from pg_index i
     join pg_class t on t.oid = i.indrelid
     join pg_namespace s on s.oid = t.relnamespace and s.nspname = $1
     cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
     join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
     where i.indisunique and i.indpred is null
     group by i.indexrelid, t.relname`,
    [schema],
  );
  const tables = new Map<string, DdlTable>();
  for (const row of columns.rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [], unique: [] };
    table.columns.push({
      name: row.column_name,
      type: row.data_type,
      nullable: row.is_nullable === 'YES',
      hasDefault: row.column_default !== null,
    });
    tables.set(row.table_name, table);
  }
  for (const row of indexes.rows) tables.get(row.table_name)?.unique.push(row.columns);
  return [...tables.values()];
}

/** One embedded database per process: its start-up is the slow part, every DDL gets its own schema. */
let database: Promise<PGlite> | undefined;
/** DDL checks run one at a time: each sets the search path of the one connection. */
let queue: Promise<unknown> = Promise.resolve();
const cache = new Map<string, Promise<DdlModel>>();

async function introspect(text: string): Promise<DdlModel> {
  database ??= PGlite.create();
  const db = await database;
  await db.exec(
    'drop schema if exists ddl_check cascade; create schema ddl_check; set search_path to ddl_check',
  );
  try {
    await db.exec(text);
  } catch (error) {
    const position = Number((error as { position?: unknown }).position);
    const message = error instanceof Error ? error.message : String(error);
    return Number.isInteger(position) && position > 0
      ? { ok: false, message, position }
      : { ok: false, message };
  } finally {
    await db.exec('set search_path to public');
  }
  return {
    ok: true,
    tables: await readTables(
      <Row extends Record<string, unknown>>(sql: string, params: unknown[]) => db.query<Row>(sql, params),
      'ddl_check',
    ),
  };
}

/** The PGlite release: another may read the same DDL differently, so it is part of the cache key. */
function pgliteVersion(): string {
  try {
    const manifest = join(GENERATOR_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The file name under which the model of `text` is cached. */
export function ddlCacheKey(text: string): string {
  return `${createHash('sha256').update(`${pgliteVersion()}\0${text}`).digest('hex')}.json`;
}

/**
 * Starting PGlite takes seconds (most of a sql generation's time), and a spec's DDL rarely changes
 * between generations: the model is kept on disk under a hash of the text, written whole (to a
 * temporary name, then renamed) so that a reader never sees half of one.
 */
async function introspectCached(text: string, dir: string | undefined): Promise<DdlModel> {
  if (dir === undefined) return introspect(text);
  const file = join(dir, ddlCacheKey(text));
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DdlModel;
  } catch {
    const model = await introspect(text);
    const staging = `${file}.${process.pid}`;
    await mkdir(dir, { recursive: true });
    await writeFile(staging, JSON.stringify(model));
    await rename(staging, file);
    return model;
  }
}

/**
 * The model of `text`, or PostgreSQL's complaint about it (with the 1-based character position when
 * it gives one). `dir` holds models read before (by default the generator's node_modules/.cache).
 */
export function ddlModel(
  text: string,
  dir: string | undefined = cacheDir(GENERATOR_ROOT, 'scim-connector-ddl'),
): Promise<DdlModel> {
  let found = cache.get(text);
  if (found === undefined) {
    found = queue.then(() => introspectCached(text, dir));
    queue = found.catch(() => undefined);
    cache.set(text, found);
  }
  return found;
}
