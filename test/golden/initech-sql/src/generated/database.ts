// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's database: PostgreSQL at config.app.databaseUrl, or an embedded PGlite made from schema.sql; the SDK's SqlStore over connector.yaml's table mapping.
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import {
  createSchemaRegistry,
  type ListQuery,
  type ListResult,
  type PatchOperation,
  type RequestContext,
} from 'scim-connector-sdk';
import { pgliteDialect, SqlStore, type SqlDatabase, type SqlMapping } from 'scim-connector-sdk/sql';
import type { ConnectorConfig } from './config.js';
import { SCHEMA_OPTIONS, type ConnectorGroup, type ConnectorUser } from './schemas.js';

/** Where each SCIM attribute lives, from connector.yaml's backend section (checked against schema.sql). */
export const MAPPING: SqlMapping = {
  users: {
    table: 'accounts',
    key: 'account_id',
    ids: 'database',
    columns: [
      { path: ['userName'], column: 'login', type: 'string', caseExact: false, direction: 'both' },
      {
        path: ['name', 'givenName'],
        column: 'first_name',
        type: 'string',
        caseExact: false,
        direction: 'both',
      },
      {
        path: ['name', 'familyName'],
        column: 'last_name',
        type: 'string',
        caseExact: false,
        direction: 'both',
      },
      { path: ['displayName'], column: 'display_name', type: 'string', caseExact: false, direction: 'both' },
      { path: ['externalId'], column: 'external_ref', type: 'string', caseExact: true, direction: 'both' },
      { path: ['title'], column: 'title', type: 'string', caseExact: false, direction: 'both' },
      {
        path: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', 'employeeNumber'],
        column: 'employee_no',
        type: 'string',
        caseExact: false,
        direction: 'both',
      },
      {
        path: ['urn:ietf:params:scim:schemas:extension:initech:2.0:User', 'costCenter'],
        column: 'cost_center',
        type: 'string',
        caseExact: false,
        direction: 'both',
      },
    ],
    children: [
      {
        attribute: 'emails',
        table: 'account_emails',
        parent: 'account_id',
        columns: { value: 'address', type: 'kind', primary: 'is_primary' },
      },
    ],
    version: 'row_version',
    userNameKey: 'login_key',
    deactivation: { kind: 'status', column: 'status', active: 'ACTIVE', inactive: 'DISABLED' },
    password: { column: 'password_hash', scheme: 'bcrypt' },
  },
  groups: {
    table: 'teams',
    key: 'team_id',
    ids: 'database',
    columns: [
      { path: ['displayName'], column: 'team_name', type: 'string', caseExact: false, direction: 'both' },
    ],
    children: [],
    version: 'row_version',
    displayNameKey: 'team_key',
  },
  membership: { table: 'team_members', group: 'team_id', member: 'account_id' },
};

/** The app's DDL, relative to the project: the embedded database is made from it. */
export const DDL_FILE = 'schema.sql';

const PROJECT_ROOT = new URL('../../', import.meta.url);

/** Every service method over the tables, typed with the connector's user and group. */
export interface ConnectorStore {
  createUser(user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser>;
  updateUser(id: string, user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser>;
  getUser(id: string, ctx: RequestContext): Promise<ConnectorUser | undefined>;
  getUsers(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorUser>>;
  deleteUser(id: string, ctx: RequestContext): Promise<void>;
  patchUser(id: string, operations: PatchOperation[], ctx: RequestContext): Promise<ConnectorUser>;
  createGroup(group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup>;
  updateGroup(id: string, group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup>;
  getGroup(id: string, ctx: RequestContext): Promise<ConnectorGroup | undefined>;
  getGroups(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorGroup>>;
  deleteGroup(id: string, ctx: RequestContext): Promise<void>;
  patchGroup(id: string, operations: PatchOperation[], ctx: RequestContext): Promise<ConnectorGroup>;
}

/** PostgreSQL when a URL is set; else a fresh embedded database holding the DDL's empty tables (lost on exit). */
export async function openDatabase(config: ConnectorConfig): Promise<Kysely<SqlDatabase>> {
  if (config.app.databaseUrl !== '') {
    // allowExitOnIdle: idle connections do not keep a finished process (a test run, a one-off) alive.
    const pool = new pg.Pool({ connectionString: config.app.databaseUrl, allowExitOnIdle: true });
    // An idle connection the server drops (a restart, a failover) is discarded by the pool, which opens a
    // new one for the next query; unhandled, its error would end the process.
    pool.on('error', () => undefined);
    return new Kysely<SqlDatabase>({ dialect: new PostgresDialect({ pool }) });
  }
  const embedded = new PGlite();
  await embedded.exec(await readFile(new URL(DDL_FILE, PROJECT_ROOT), 'utf8'));
  return new Kysely<SqlDatabase>({ dialect: pgliteDialect(embedded) });
}

/** The SQL store over the database config names. */
export async function openStore(config: ConnectorConfig): Promise<ConnectorStore> {
  // The server validates what it hands in against the same schemas, so what comes back has the connector's shape.
  return new SqlStore({
    db: await openDatabase(config),
    mapping: MAPPING,
    schemas: createSchemaRegistry(SCHEMA_OPTIONS),
  });
}
