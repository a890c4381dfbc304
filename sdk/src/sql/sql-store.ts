// A complete ScimService over mapped SQL tables: parameterised queries through Kysely, optimistic updates, no state of its own.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { applyPatch } from '../protocol/patch/apply.js';
import type { PatchOperation } from '../protocol/patch/operation.js';
import type { ScimGroup, ScimResource, ScimUser } from '../protocol/resource.js';
import { URN } from '../protocol/resource.js';
import type { SchemaRegistry } from '../protocol/resource-schema.js';
import { validateResource } from '../protocol/validate-resource.js';
import {
  ConflictError,
  InvalidValueError,
  NotFoundError,
  PreconditionFailedError,
} from '../service/errors.js';
import type { ListQuery, ListResult, RequestContext, ScimService } from '../service/scim-service.js';
import { filterCondition, sortColumn, type FilterScope } from './filter-sql.js';
import { storedPassword } from './password-hash.js';
import { sqlState, type SqlDatabase, type SqlExecutor } from './sql-database.js';
import type { SqlMapping, SqlResourceTable } from './sql-mapping.js';
import { columnText } from './column-value.js';
import { childRows, resourcesOf, rowOf, userColumns } from './sql-rows.js';

export interface SqlStoreOptions {
  db: Kysely<SqlDatabase>;
  mapping: SqlMapping;
  /** The connector's schemas: PATCH applies against them. */
  schemas: SchemaRegistry;
  /** How often a read-apply-update without If-Match rereads after losing a race; default 8. */
  retries?: number;
}

type Kind = 'User' | 'Group';

/** A conditional update found the row at another version: someone else wrote in between. */
const LOST = Symbol('lost race');

/** The versions an If-Match names, or undefined for `*` or none. */
function ifMatchVersions(ctx: RequestContext): string[] | undefined {
  const header = ctx.ifMatch?.trim();
  if (header === undefined || header === '*') return undefined;
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/"/g, ''));
}

/**
 * Users, groups and memberships in the app's own tables. Every statement is parameterised; a filter
 * becomes a WHERE clause (an unmapped attribute answers 400, never a scan); writes run in one
 * transaction each; with a version column, updates are `UPDATE … WHERE version = $n`.
 */
export class SqlStore implements ScimService {
  private readonly db: Kysely<SqlDatabase>;
  private readonly mapping: SqlMapping;
  private readonly schemas: SchemaRegistry;
  private readonly retries: number;

  constructor(options: SqlStoreOptions) {
    this.db = options.db;
    this.mapping = options.mapping;
    this.schemas = options.schemas;
    this.retries = options.retries ?? 8;
  }

  private table(kind: Kind): SqlResourceTable {
    if (kind === 'User') return this.mapping.users;
    if (this.mapping.groups === undefined) throw new Error('the sql mapping has no groups table');
    return this.mapping.groups;
  }

  private scope(kind: Kind): FilterScope {
    const membership = this.mapping.membership;
    const scope: FilterScope = { coreUrn: kind === 'User' ? URN.user : URN.group, table: this.table(kind) };
    if (kind === 'User') scope.users = this.mapping.users;
    if (membership !== undefined) {
      scope.related =
        kind === 'User'
          ? { attribute: 'groups', table: membership.table, own: membership.member, other: membership.group }
          : {
              attribute: 'members',
              table: membership.table,
              own: membership.group,
              other: membership.member,
            };
    }
    return scope;
  }

  // ---- reads

  private async read(db: SqlExecutor, kind: Kind, id: string): Promise<ScimResource | undefined> {
    const table = this.table(kind);
    let rows: Record<string, unknown>[];
    try {
      rows = await db.selectFrom(table.table).selectAll().where(sql.ref(table.key), '=', id).execute();
    } catch (error) {
      // An id the key column's type cannot hold (not a UUID, a NUL) names no resource.
      if (isDataException(error)) return undefined;
      throw error;
    }
    const [resource] = await resourcesOf(db, this.mapping, kind, rows);
    return resource;
  }

  private async list(kind: Kind, query: ListQuery): Promise<ListResult<ScimResource>> {
    const scope = this.scope(kind);
    const table = scope.table;
    const where = query.filter === undefined ? sql<boolean>`true` : filterCondition(scope, query.filter);
    const counted = await this.db
      .selectFrom(table.table)
      .select(sql<string>`count(*)`.as('total'))
      .where(where)
      .executeTakeFirstOrThrow();
    const totalResults = Number(counted.total);
    if (query.count === 0) return { resources: [], totalResults };
    const direction = query.sortOrder === 'descending' ? sql`desc` : sql`asc`;
    let select = this.db.selectFrom(table.table).selectAll().where(where);
    if (query.sortBy !== undefined)
      select = select.orderBy(
        sql`${sql.ref(`${table.table}.${sortColumn(scope, query.sortBy)}`)} ${direction} nulls last`,
      );
    // The key last: a stable order, so pages neither repeat nor skip rows.
    select = select.orderBy(sql.ref(`${table.table}.${table.key}`)).offset(query.startIndex - 1);
    if (query.count !== undefined) select = select.limit(query.count);
    const rows = await select.execute();
    return { resources: await resourcesOf(this.db, this.mapping, kind, rows), totalResults };
  }

  // ---- writes

  /** Runs `write` in a transaction, rereading after a lost race at most `retries` times, then 409. */
  private async optimistic<T>(
    ctx: RequestContext,
    write: (trx: SqlExecutor) => Promise<T | typeof LOST>,
  ): Promise<T> {
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const result = await this.db
        .transaction()
        .execute((trx) => write(trx))
        .catch(translate);
      if (result !== LOST) return result;
      if (ctx.ifMatch !== undefined)
        throw new PreconditionFailedError(
          'another request changed it between the If-Match check and the write',
        );
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
    }
    throw new ConflictError('the resource kept changing while the connector applied the change; try again');
  }

  private async insert(kind: Kind, resource: ScimResource): Promise<ScimResource> {
    const table = this.table(kind);
    const id = await this.db
      .transaction()
      .execute(async (trx) => {
        const row: Record<string, unknown> = {
          ...rowOf(table, resource),
          ...(await this.ownColumns(kind, resource, true)),
        };
        if (table.ids === 'connector') row[table.key] = randomUUID();
        if (table.version !== undefined) row[table.version] = 1;
        const inserted = await trx
          .insertInto(table.table)
          .values(row)
          .returning(sql.ref(table.key).as('id'))
          .executeTakeFirstOrThrow();
        const newId = columnText(inserted['id']);
        await this.writeRelated(trx, kind, newId, undefined, resource);
        return newId;
      })
      .catch(translate);
    return (await this.read(this.db, kind, id))!;
  }

  /** The users-only columns and the stored password; groups' displayName key. */
  private async ownColumns(
    kind: Kind,
    resource: ScimResource,
    inserting: boolean,
  ): Promise<Record<string, unknown>> {
    if (kind === 'Group') {
      const key = this.mapping.groups?.displayNameKey;
      const name = resource['displayName'];
      return key === undefined
        ? {}
        : { [key]: typeof name === 'string' ? name.normalize('NFC').toLowerCase() : null };
    }
    const users = this.mapping.users;
    const row = userColumns(users, resource, inserting);
    const password = resource['password'];
    if (users.password !== undefined && typeof password === 'string')
      row[users.password.column] = await storedPassword(users.password.scheme, password);
    return row;
  }

  /** Child rows and memberships: only what differs from `before` is deleted or inserted. */
  private async writeRelated(
    trx: SqlExecutor,
    kind: Kind,
    id: string,
    before: ScimResource | undefined,
    after: ScimResource,
  ): Promise<void> {
    const table = this.table(kind);
    for (const child of table.children) {
      const rows = childRows(child, id, after);
      const old = before === undefined ? [] : childRows(child, id, before);
      if (JSON.stringify(rows) === JSON.stringify(old)) continue;
      if (before !== undefined)
        await trx.deleteFrom(child.table).where(sql.ref(child.parent), '=', id).execute();
      if (rows.length > 0) await trx.insertInto(child.table).values(rows).execute();
    }
    const membership = this.mapping.membership;
    if (kind !== 'Group' || membership === undefined) return;
    const ids = (resource: ScimResource | undefined): Set<string> =>
      new Set(
        (Array.isArray(resource?.['members']) ? (resource['members'] as unknown[]) : []).flatMap((m) => {
          const value = (m as { value?: unknown } | null)?.value;
          return typeof value === 'string' ? [value] : [];
        }),
      );
    const was = ids(before);
    const now = ids(after);
    const removed = [...was].filter((member) => !now.has(member));
    const added = [...now].filter((member) => !was.has(member));
    if (removed.length > 0)
      await trx
        .deleteFrom(membership.table)
        .where(sql.ref(membership.group), '=', id)
        .where(sql.ref(membership.member), 'in', removed)
        .execute();
    if (added.length > 0)
      await trx
        .insertInto(membership.table)
        .values(added.map((member) => ({ [membership.group]: id, [membership.member]: member })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  /** Replaces the stored resource by `next`, conditional on the version `current` was read at. */
  private async replace(
    trx: SqlExecutor,
    kind: Kind,
    id: string,
    current: ScimResource,
    next: ScimResource,
    ctx: RequestContext,
  ): Promise<typeof LOST | undefined> {
    const table = this.table(kind);
    const version = current.meta?.version?.replace(/^W\//, '').replace(/"/g, '');
    const wanted = ifMatchVersions(ctx);
    if (wanted !== undefined && version !== undefined && !wanted.includes(version))
      throw new PreconditionFailedError('If-Match does not name the current version');
    const row: Record<string, unknown> = {
      ...rowOf(table, next),
      ...(await this.ownColumns(kind, next, false)),
    };
    let update = trx.updateTable(table.table).where(sql.ref(table.key), '=', id);
    if (table.version !== undefined && version !== undefined) {
      row[table.version] = sql`${sql.ref(table.version)} + 1`;
      update = update.where(sql.ref(table.version), '=', Number(version));
    }
    const result = await update.set(row).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return LOST;
    await this.writeRelated(trx, kind, id, current, next);
    return undefined;
  }

  private async update(
    kind: Kind,
    id: string,
    resource: ScimResource,
    ctx: RequestContext,
  ): Promise<ScimResource> {
    await this.optimistic(ctx, async (trx) => {
      const current = await this.read(trx, kind, id);
      if (current === undefined) throw new NotFoundError(kind, id);
      return this.replace(trx, kind, id, current, resource, ctx);
    });
    return (await this.read(this.db, kind, id))!;
  }

  private async patch(
    kind: Kind,
    id: string,
    operations: PatchOperation[],
    ctx: RequestContext,
  ): Promise<ScimResource> {
    const schema = kind === 'User' ? this.schemas.user : this.schemas.group;
    await this.optimistic(ctx, async (trx) => {
      const current = await this.read(trx, kind, id);
      if (current === undefined) throw new NotFoundError(kind, id);
      const patched = applyPatch(current, operations, schema);
      if (patched.changed.length === 0) return undefined;
      return this.replace(trx, kind, id, current, validateResource(patched.resource, schema), ctx);
    });
    return (await this.read(this.db, kind, id))!;
  }

  private async remove(kind: Kind, id: string): Promise<void> {
    const table = this.table(kind);
    const membership = this.mapping.membership;
    const deleted = await this.db
      .transaction()
      .execute(async (trx) => {
        for (const child of table.children)
          await trx.deleteFrom(child.table).where(sql.ref(child.parent), '=', id).execute();
        if (membership !== undefined) {
          const column = kind === 'User' ? membership.member : membership.group;
          await trx.deleteFrom(membership.table).where(sql.ref(column), '=', id).execute();
        }
        const result = await trx
          .deleteFrom(table.table)
          .where(sql.ref(table.key), '=', id)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      })
      .catch((error: unknown) => (isDataException(error) ? 0 : translate(error)));
    if (deleted === 0) throw new NotFoundError(kind, id);
  }

  // ---- the ScimService

  createUser(user: ScimUser): Promise<ScimUser> {
    return this.insert('User', user);
  }
  updateUser(id: string, user: ScimUser, ctx: RequestContext): Promise<ScimUser> {
    return this.update('User', id, user, ctx);
  }
  getUser(id: string): Promise<ScimUser | undefined> {
    return this.read(this.db, 'User', id);
  }
  getUsers(query: ListQuery): Promise<ListResult<ScimUser>> {
    return this.list('User', query);
  }
  deleteUser(id: string): Promise<void> {
    return this.remove('User', id);
  }
  patchUser(id: string, operations: PatchOperation[], ctx: RequestContext): Promise<ScimUser> {
    return this.patch('User', id, operations, ctx);
  }
  createGroup(group: ScimGroup): Promise<ScimGroup> {
    return this.insert('Group', group);
  }
  updateGroup(id: string, group: ScimGroup, ctx: RequestContext): Promise<ScimGroup> {
    return this.update('Group', id, group, ctx);
  }
  getGroup(id: string): Promise<ScimGroup | undefined> {
    return this.read(this.db, 'Group', id);
  }
  getGroups(query: ListQuery): Promise<ListResult<ScimGroup>> {
    return this.list('Group', query);
  }
  deleteGroup(id: string): Promise<void> {
    return this.remove('Group', id);
  }
  patchGroup(id: string, operations: PatchOperation[], ctx: RequestContext): Promise<ScimGroup> {
    return this.patch('Group', id, operations, ctx);
  }
}

/** SQLSTATE class 22: a value the column's type or the encoding cannot hold. */
function isDataException(error: unknown): boolean {
  return sqlState(error)?.startsWith('22') === true;
}

/** Database refusals as SCIM errors: a taken unique value 409, a value the columns cannot hold 400. */
function translate(error: unknown): never {
  const state = sqlState(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (state === '23505') throw new ConflictError(`a resource with that value already exists (${detail})`);
  if (state === '23503') throw new InvalidValueError('members', 'names a resource that does not exist');
  if (state === '23502') throw new InvalidValueError('resource', `a required value is missing (${detail})`);
  if (state?.startsWith('22') === true)
    throw new InvalidValueError('resource', `the database cannot hold a value (${detail})`);
  throw error;
}
