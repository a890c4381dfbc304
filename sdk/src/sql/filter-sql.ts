// Translates a SCIM filter into a parameterised SQL condition over the mapped tables; an unmapped attribute is a 400.
import { sql, type RawBuilder } from 'kysely';
import type { AttrPath, CompareFilter, Filter, FilterValue } from '../protocol/filter/ast.js';
import { userNameKey } from '../protocol/name-key.js';
import { ScimError } from '../protocol/errors.js';
import { toColumn } from './column-value.js';
import type { SqlChildTable, SqlColumnMapping, SqlResourceTable, SqlUsersTable } from './sql-mapping.js';

type Condition = RawBuilder<boolean>;

/** What a filter of one resource type may name. */
export interface FilterScope {
  /** The core schema URN of the resource type: a path written under it is a bare path. */
  coreUrn: string;
  table: SqlResourceTable;
  /** Only for users. */
  users?: SqlUsersTable;
  /** `members` of groups, `groups` of users: the membership table seen from this side. */
  related?: { attribute: string; table: string; own: string; other: string };
}

const TRUE = sql<boolean>`true`;
const FALSE = sql<boolean>`false`;

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern (PostgreSQL's default escape `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The 400 for a filter naming an attribute with no column: the connector never scans into memory instead. */
export function unfilterable(attribute: string): ScimError {
  return new ScimError('SCIM_ERR_UNFILTERABLE', {
    attribute,
    reason: 'it is not mapped to a database column',
  });
}

const lower = (text: string): string => text.toLowerCase();

/** The path's segments below the resource, without the core URN: `['name', 'givenName']`. */
function segments(scope: FilterScope, path: AttrPath): string[] {
  const names = [path.name, ...(path.subAttr === undefined ? [] : [path.subAttr])];
  if (path.uri === undefined || lower(path.uri) === lower(scope.coreUrn)) return names;
  return [path.uri, ...names];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => lower(name) === lower(b[i]!));
}

/** The column mapping a path names: exact, or a bare name of an extension's attribute. */
function columnOf(scope: FilterScope, path: readonly string[]): SqlColumnMapping | undefined {
  const readable = scope.table.columns.filter((c) => c.direction !== 'toApp');
  return (
    readable.find((c) => sameNames(c.path, path)) ??
    readable.find((c) => c.path[0]!.startsWith('urn:') && sameNames(c.path.slice(1), path))
  );
}

/** `column op value` for one mapped column, by its SCIM type; a literal of another type matches nothing. */
function compareColumn(
  ref: string,
  mapping: SqlColumnMapping,
  op: CompareFilter['op'],
  value: FilterValue,
): Condition {
  const column = sql.ref(ref);
  if (value === null) {
    if (op === 'eq') return sql<boolean>`${column} is null`;
    if (op === 'ne') return sql<boolean>`${column} is not null`;
    return FALSE;
  }
  if (mapping.values !== undefined) {
    if (op !== 'eq' && op !== 'ne') return FALSE;
    const mapped = mapping.values[String(value)];
    if (mapped === undefined) return op === 'eq' ? FALSE : sql<boolean>`${column} is not null`;
    return op === 'eq' ? sql<boolean>`${column} = ${mapped}` : sql<boolean>`${column} <> ${mapped}`;
  }
  switch (mapping.type) {
    case 'boolean':
      if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne')) return FALSE;
      return ordered(column, op, value);
    case 'integer':
    case 'decimal':
      if (typeof value !== 'number' || ['co', 'sw', 'ew'].includes(op)) return FALSE;
      return ordered(column, op, value);
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || ['co', 'sw', 'ew'].includes(op))
        return FALSE;
      return ordered(column, op, sql`cast(${new Date(value).toISOString()} as timestamptz)`);
    }
    default: {
      if (typeof value !== 'string') return FALSE;
      const stored = toColumn(mapping, value);
      const text = typeof stored === 'string' ? stored : value;
      return mapping.caseExact
        ? textCompare(column, op, text)
        : textCompare(sql`lower(${column})`, op, lower(text));
    }
  }
}

function ordered(column: RawBuilder<unknown>, op: CompareFilter['op'], value: unknown): Condition {
  const sqlOp = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' }[op as 'eq'];
  if (sqlOp === undefined) return FALSE;
  // ne matches only present values: an absent attribute matches no comparison (RFC 7644 §3.4.2.2).
  return sql<boolean>`(${column} is not null and ${column} ${sql.raw(sqlOp)} ${value})`;
}

function textCompare(column: RawBuilder<unknown>, op: CompareFilter['op'], text: string): Condition {
  switch (op) {
    case 'co':
      return sql<boolean>`${column} like ${`%${escapeLike(text)}%`}`;
    case 'sw':
      return sql<boolean>`${column} like ${`${escapeLike(text)}%`}`;
    case 'ew':
      return sql<boolean>`${column} like ${`%${escapeLike(text)}`}`;
    default:
      return ordered(column, op, text);
  }
}

/** A key column compared as text: an id that is no UUID matches nothing rather than failing the query. */
function keyCompare(ref: string, op: CompareFilter['op'], value: string): Condition {
  return textCompare(sql`cast(${sql.ref(ref)} as text)`, op, value);
}

const STRING_KEY: SqlColumnMapping = {
  path: ['id'],
  column: '',
  type: 'string',
  caseExact: true,
  direction: 'both',
};

/** A condition over one child table's row (`alias`), for a filter whose paths are the attribute's sub-attributes. */
function childCondition(child: SqlChildTable, alias: string, filter: Filter): Condition {
  return logical(filter, (node) => {
    const sub = node.path.subAttr ?? node.path.name;
    const column = Object.entries(child.columns).find(([name]) => lower(name) === lower(sub))?.[1];
    if (column === undefined) throw unfilterable(`${child.attribute}.${sub}`);
    const type = lower(sub) === 'primary' ? 'boolean' : 'string';
    const mapping: SqlColumnMapping = { ...STRING_KEY, path: [sub], type, caseExact: false };
    if (node.kind === 'present') return sql<boolean>`${sql.ref(`${alias}.${column}`)} is not null`;
    return compareColumn(`${alias}.${column}`, mapping, node.op, node.value);
  });
}

/** Some row of `child` belongs to the resource and satisfies `condition`. */
function childExists(scope: FilterScope, child: SqlChildTable, filter: Filter | undefined): Condition {
  const alias = `${child.attribute}_v`;
  const owner = sql.ref(`${scope.table.table}.${scope.table.key}`);
  const where = filter === undefined ? TRUE : childCondition(child, alias, filter);
  return sql<boolean>`exists (select 1 from ${sql.table(child.table)} as ${sql.id(alias)} where ${sql.ref(`${alias}.${child.parent}`)} = ${owner} and ${where})`;
}

/** `members.value eq "id"` and the like: some membership row names the id. */
function relatedExists(scope: FilterScope, filter: Filter | undefined): Condition {
  const related = scope.related!;
  const owner = sql.ref(`${scope.table.table}.${scope.table.key}`);
  const alias = `${related.attribute}_m`;
  const other = `${alias}.${related.other}`;
  const where =
    filter === undefined
      ? TRUE
      : logical(filter, (node) => {
          const sub = lower(node.path.subAttr ?? node.path.name);
          if (sub !== 'value') throw unfilterable(`${related.attribute}.${sub}`);
          if (node.kind === 'present') return TRUE;
          return typeof node.value === 'string' ? keyCompare(other, node.op, node.value) : FALSE;
        });
  return sql<boolean>`exists (select 1 from ${sql.table(related.table)} as ${sql.id(alias)} where ${sql.ref(`${alias}.${related.own}`)} = ${owner} and ${where})`;
}

type Leaf = Extract<Filter, { kind: 'compare' | 'present' }>;

/** Combines the translations of and/or/not around `leaf`. */
function logical(filter: Filter, leaf: (node: Leaf) => Condition): Condition {
  switch (filter.kind) {
    case 'and':
    case 'or': {
      const parts = [logical(filter.left, leaf), logical(filter.right, leaf)];
      return sql<boolean>`(${sql.join(parts, sql` ${sql.raw(filter.kind)} `)})`;
    }
    case 'not':
      return sql<boolean>`not (${logical(filter.filter, leaf)})`;
    case 'valuePath':
      throw unfilterable(`${filter.path.name}[…] inside a value filter`);
    default:
      return leaf(filter);
  }
}

/** The condition of one attribute comparison or presence test on the resource itself. */
function attributeCondition(scope: FilterScope, node: Leaf): Condition {
  const { table, users } = scope;
  const names = segments(scope, node.path);
  const head = lower(names[0]!);
  const own = (column: string): string => `${table.table}.${column}`;
  if (names.length === 1 && head === 'id') {
    if (node.kind === 'present') return TRUE;
    return typeof node.value === 'string' ? keyCompare(own(table.key), node.op, node.value) : FALSE;
  }
  if (users !== undefined && names.length === 1 && head === 'username') {
    if (node.kind === 'present') return TRUE;
    const value = typeof node.value === 'string' ? userNameKey(node.value) : node.value;
    return compareColumn(own(users.userNameKey), { ...STRING_KEY, path: ['userName'] }, node.op, value);
  }
  if (users?.deactivation !== undefined && names.length === 1 && head === 'active') {
    return activeCondition(own(users.deactivation.column), users.deactivation, node);
  }
  const child = table.children.find((c) => lower(c.attribute) === head);
  if (child !== undefined && names.length <= 2) {
    if (node.kind === 'present' && names.length === 1) return childExists(scope, child, undefined);
    const sub = names[1] ?? 'value';
    return childExists(scope, child, { ...node, path: { name: sub } });
  }
  if (scope.related !== undefined && head === lower(scope.related.attribute) && names.length <= 2) {
    if (node.kind === 'present' && names.length === 1) return relatedExists(scope, undefined);
    return relatedExists(scope, { ...node, path: { name: names[1] ?? 'value' } });
  }
  const mapping = columnOf(scope, names);
  if (mapping === undefined) throw unfilterable(names.join('.'));
  if (node.kind === 'present') {
    const column = sql.ref(own(mapping.column));
    return mapping.type === 'string' || mapping.type === 'reference'
      ? sql<boolean>`(${column} is not null and ${column} <> '')`
      : sql<boolean>`${column} is not null`;
  }
  return compareColumn(own(mapping.column), mapping, node.op, node.value);
}

function activeCondition(
  ref: string,
  deactivation: NonNullable<SqlUsersTable['deactivation']>,
  node: Leaf,
): Condition {
  if (node.kind === 'present') return TRUE;
  if (typeof node.value !== 'boolean' || (node.op !== 'eq' && node.op !== 'ne')) return FALSE;
  const wanted = node.op === 'eq' ? node.value : !node.value;
  const column = sql.ref(ref);
  switch (deactivation.kind) {
    case 'flag':
      return sql<boolean>`${column} = ${wanted}`;
    case 'status':
      return sql<boolean>`${column} = ${wanted ? deactivation.active : deactivation.inactive}`;
    case 'timestamp':
      return wanted ? sql<boolean>`${column} is null` : sql<boolean>`${column} is not null`;
  }
}

/** The SQL condition of `filter` for resources of `scope`; throws SCIM_ERR_UNFILTERABLE for an unmapped attribute. */
export function filterCondition(scope: FilterScope, filter: Filter): Condition {
  switch (filter.kind) {
    case 'and':
    case 'or': {
      const parts = [filterCondition(scope, filter.left), filterCondition(scope, filter.right)];
      return sql<boolean>`(${sql.join(parts, sql` ${sql.raw(filter.kind)} `)})`;
    }
    case 'not':
      return sql<boolean>`not (${filterCondition(scope, filter.filter)})`;
    case 'valuePath': {
      const name = lower(filter.path.name);
      const child = scope.table.children.find((c) => lower(c.attribute) === name);
      if (child !== undefined) return childExists(scope, child, filter.filter);
      if (scope.related !== undefined && name === lower(scope.related.attribute))
        return relatedExists(scope, filter.filter);
      throw unfilterable(filter.path.name);
    }
    default:
      return attributeCondition(scope, filter);
  }
}

/** The column a sortBy path names, or a 400 for one with none. */
export function sortColumn(scope: FilterScope, path: AttrPath): string {
  const names = segments(scope, path);
  if (names.length === 1 && lower(names[0]!) === 'id') return scope.table.key;
  if (scope.users !== undefined && names.length === 1 && lower(names[0]!) === 'username')
    return scope.users.userNameKey;
  const mapping = columnOf(scope, names);
  if (mapping === undefined)
    throw new ScimError('SCIM_ERR_INVALID_VALUE', {
      attribute: 'sortBy',
      reason: `the connector cannot sort by ${names.join('.')}: it is not mapped to a database column`,
    });
  return mapping.column;
}
