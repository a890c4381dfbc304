// Reads mapped rows (with their child rows and memberships) as SCIM resources, and builds the row a resource writes.
import { sql } from 'kysely';
import { URN, type ScimResource } from '../protocol/resource.js';
import { userNameKey } from '../protocol/name-key.js';
import {
  assertStorable,
  columnText,
  fromColumn,
  scimValue,
  toColumn,
  type ColumnValue,
} from './column-value.js';
import { setValueAt, valueAt } from './resource-path.js';
import type { SqlExecutor } from './sql-database.js';
import type { SqlChildTable, SqlMapping, SqlResourceTable, SqlUsersTable } from './sql-mapping.js';

type Row = Record<string, unknown>;

/** The extension URNs of mapped paths, in mapping order. */
function extensionUrns(table: SqlResourceTable): string[] {
  return [...new Set(table.columns.map((c) => c.path[0]!).filter((head) => head.startsWith('urn:')))];
}

/** Child values keyed by owner id, each value's sub-attributes read from its columns. */
async function childValues(
  db: SqlExecutor,
  child: SqlChildTable,
  ids: string[],
): Promise<Map<string, Row[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom(child.table).selectAll().where(sql.ref(child.parent), 'in', ids).execute();
  const byOwner = new Map<string, Row[]>();
  for (const row of rows) {
    const value: Row = {};
    for (const [sub, column] of Object.entries(child.columns)) {
      const raw = row[column];
      if (raw !== null && raw !== undefined)
        value[sub] = sub === 'primary' ? scimValue('boolean', raw) : columnText(raw);
    }
    const owner = columnText(row[child.parent]);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), value]);
  }
  return byOwner;
}

/** The columns of a resource's display text, best first: a user's displayName then userName, a group's displayName. */
function displayColumns(table: SqlResourceTable, names: readonly string[]): string[] {
  return names.flatMap((name) =>
    table.columns.filter((c) => c.path.length === 1 && c.path[0] === name).map((c) => c.column),
  );
}

/** `(owner id → [{ value, display }])` through the membership table, from either side. */
async function memberships(
  db: SqlExecutor,
  mapping: SqlMapping,
  side: 'members' | 'groups',
  ids: string[],
): Promise<Map<string, Row[]>> {
  const membership = mapping.membership;
  const groups = mapping.groups;
  const result = new Map<string, Row[]>();
  if (membership === undefined || groups === undefined || ids.length === 0) return result;
  const [own, other] =
    side === 'members' ? [membership.group, membership.member] : [membership.member, membership.group];
  const target = side === 'members' ? mapping.users : groups;
  const display = displayColumns(target, side === 'members' ? ['displayName', 'userName'] : ['displayName']);
  const rows = await db
    .selectFrom(`${membership.table} as m`)
    .innerJoin(`${target.table} as t`, (join) =>
      join.on(sql<boolean>`${sql.ref(`t.${target.key}`)} = ${sql.ref(`m.${other}`)}`),
    )
    .select([
      sql<string>`${sql.ref(`m.${own}`)}`.as('owner'),
      sql<string>`${sql.ref(`m.${other}`)}`.as('value'),
      ...(display.length === 0
        ? []
        : [sql<string>`coalesce(${sql.join(display.map((c) => sql.ref(`t.${c}`)))})`.as('display')]),
    ])
    .where(sql.ref(`m.${own}`), 'in', ids)
    .orderBy(sql.ref(`m.${other}`))
    .execute();
  for (const row of rows as Row[]) {
    const owner = columnText(row['owner']);
    const value: Row = { value: columnText(row['value']) };
    if (row['display'] !== null && row['display'] !== undefined)
      value['display'] = columnText(row['display']);
    result.set(owner, [...(result.get(owner) ?? []), value]);
  }
  return result;
}

/** The resources of `rows` of the users (`kind` User) or groups table. */
export async function resourcesOf(
  db: SqlExecutor,
  mapping: SqlMapping,
  kind: 'User' | 'Group',
  rows: Row[],
): Promise<ScimResource[]> {
  const table: SqlResourceTable = kind === 'User' ? mapping.users : mapping.groups!;
  const ids = rows.map((row) => columnText(row[table.key]));
  const children = await Promise.all(table.children.map((child) => childValues(db, child, ids)));
  const related = await memberships(db, mapping, kind === 'User' ? 'groups' : 'members', ids);
  const urns = extensionUrns(table);
  return rows.map((row, index) => {
    const id = ids[index]!;
    const resource: ScimResource = { schemas: [kind === 'User' ? URN.user : URN.group], id };
    for (const column of table.columns) {
      if (column.direction !== 'toApp')
        setValueAt(resource, column.path, fromColumn(column, row[column.column]));
    }
    for (const urn of urns) if (resource[urn] !== undefined) resource.schemas.push(urn);
    table.children.forEach((child, i) => {
      const values = children[i]!.get(id);
      if (values !== undefined) resource[child.attribute] = values;
    });
    const listed = related.get(id);
    if (kind === 'Group') resource['members'] = listed ?? [];
    else if (listed !== undefined) resource['groups'] = listed;
    if (kind === 'User') {
      const deactivation = mapping.users.deactivation;
      if (deactivation !== undefined) resource['active'] = isActive(deactivation, row[deactivation.column]);
    }
    resource.meta = { resourceType: kind };
    if (table.version !== undefined) resource.meta.version = `W/"${columnText(row[table.version])}"`;
    return resource;
  });
}

function isActive(deactivation: NonNullable<SqlUsersTable['deactivation']>, raw: unknown): boolean {
  switch (deactivation.kind) {
    case 'flag':
      return raw === true || raw === 't' || raw === 'true';
    case 'status':
      return raw === deactivation.active;
    case 'timestamp':
      return raw === null || raw === undefined;
  }
}

/** The columns a resource writes to its own table (not the key, version, password or child rows). */
export function rowOf(table: SqlResourceTable, resource: ScimResource): Record<string, ColumnValue> {
  const row: Record<string, ColumnValue> = {};
  for (const column of table.columns) {
    if (column.direction !== 'fromApp') row[column.column] = toColumn(column, valueAt(resource, column.path));
  }
  return row;
}

/** The users-only columns: the userName key and the deactivation column (the timestamp keeps its first moment). */
export function userColumns(
  users: SqlUsersTable,
  resource: ScimResource,
  inserting: boolean,
): Record<string, unknown> {
  const userName = valueAt(resource, ['userName']);
  assertStorable('userName', userName);
  const row: Record<string, unknown> = {
    [users.userNameKey]: typeof userName === 'string' ? userNameKey(userName) : null,
  };
  const deactivation = users.deactivation;
  if (deactivation !== undefined) {
    const active = valueAt(resource, ['active']) !== false;
    const column = sql.ref(deactivation.column);
    row[deactivation.column] =
      deactivation.kind === 'flag'
        ? active
        : deactivation.kind === 'status'
          ? active
            ? deactivation.active
            : deactivation.inactive
          : active
            ? null
            : inserting
              ? sql`now()`
              : sql`coalesce(${column}, now())`;
  }
  return row;
}

/** The child rows a resource's multi-valued attribute makes, in order. */
export function childRows(
  child: SqlChildTable,
  id: string,
  resource: ScimResource,
): Record<string, ColumnValue>[] {
  const values = valueAt(resource, [child.attribute]);
  if (!Array.isArray(values)) return [];
  return values.map((value: unknown) => {
    const row: Record<string, ColumnValue> = { [child.parent]: id };
    for (const [sub, column] of Object.entries(child.columns)) {
      const item = valueAt(typeof value === 'object' && value !== null ? value : { value }, [sub]);
      assertStorable(`${child.attribute}.${sub}`, item);
      // An absent sub-attribute is left to the column's default.
      if (item !== undefined && item !== null) row[column] = item as ColumnValue;
    }
    return row;
  });
}
