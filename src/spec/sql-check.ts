// Checks the sql backend's tables and column mappings against the tables its DDL file (or a live database) creates, each mistake located in the spec.
import { USER_SCHEMA, type AttributeDefinition } from 'scim-connector-sdk';
import { didYouMean } from './did-you-mean.js';
import type { DdlColumn, DdlTable } from './ddl-model.js';
import { customAttributes, resolveScimPath } from './scim-path.js';
import { problems, type MappingCode } from './spec-codes.js';
import { child, isRecord, stringAt, type Data } from './spec-data.js';
import type { SpecProblem } from './spec-problem.js';
import { describePath } from './schema-check.js';
import type { DataPath, YamlSource } from './yaml-source.js';

const TEXT = ['text', 'character varying', 'character', 'USER-DEFINED'];
const INTEGER = ['integer', 'bigint', 'smallint', 'numeric'];
const TIMESTAMP = ['timestamp with time zone', 'timestamp without time zone', 'date'];

/** Column types that hold each SCIM leaf type as the runtime writes it. */
const HOLDS: Readonly<Record<string, readonly string[]>> = {
  string: TEXT,
  reference: TEXT,
  binary: TEXT,
  boolean: ['boolean'],
  integer: INTEGER,
  decimal: ['numeric', 'real', 'double precision'],
  dateTime: [...TIMESTAMP, 'text', 'character varying'],
};

/** Types that hold a value-map value of each JSON type. */
const HOLDS_VALUE: Readonly<Record<string, readonly string[]>> = {
  string: TEXT,
  boolean: ['boolean'],
  number: [...INTEGER, 'real', 'double precision'],
};

/** Keys of a column mapping's long form the sql runtime acts on. */
const SQL_MAPPING_KEYS = ['app', 'direction', 'values', 'transform'];

/** Attributes with their own place in the sql backend, not a column mapping. */
const OWN_PLACE: Readonly<Record<string, string>> = {
  active: 'users.deactivation',
  password: 'users.password',
  members: 'membership',
  groups: 'membership',
  id: 'the key (users.key, groups.key)',
};

type Resource = 'users' | 'groups';

/** Where the tables were read: the spec's DDL file, or a live database (`validate --db`). */
export type TablesOrigin = 'ddl' | 'database';

class SqlChecker {
  readonly found: SpecProblem[] = [];
  readonly tables: Map<string, DdlTable>;
  readonly custom: { users: AttributeDefinition[]; groups: AttributeDefinition[] };

  constructor(
    readonly source: YamlSource,
    readonly data: unknown,
    tables: DdlTable[],
    readonly origin: TablesOrigin,
  ) {
    this.tables = new Map(tables.map((t) => [t.name, t]));
    this.custom = { users: customAttributes(data, 'user'), groups: customAttributes(data, 'group') };
  }

  report(
    code: MappingCode | 'SPEC_NOT_FOR_BACKEND',
    path: DataPath,
    detail: string,
    at: 'key' | 'value' = 'value',
  ): void {
    const text =
      code === 'SPEC_NOT_FOR_BACKEND'
        ? { code, message: `${describePath(path)}: ${detail}` }
        : problems.mapping(code, describePath(path), detail);
    this.found.push(this.source.problem(text, path, at));
  }

  /** The table `path` names, or a report; undefined when absent or unknown. */
  table(section: Data, path: DataPath): DdlTable | undefined {
    const name = section['table'];
    if (typeof name !== 'string') return undefined;
    const table = this.tables.get(name);
    if (table !== undefined) return table;
    const names = [...this.tables.keys()];
    const near = didYouMean(name, names);
    this.report(
      'SPEC_UNKNOWN_TABLE',
      [...path, 'table'],
      `${this.origin === 'ddl' ? 'the DDL creates' : 'the database has'} no table "${name}"${near === undefined ? `; ${this.origin === 'ddl' ? 'it creates' : 'it has'}: ${names.join(', ') || 'none'}` : `; did you mean "${near}"?`}`,
    );
    return undefined;
  }

  /** The column `name` of `table`, or a report at `path`. */
  column(table: DdlTable, name: unknown, path: DataPath): DdlColumn | undefined {
    if (typeof name !== 'string') return undefined;
    const column = table.columns.find((c) => c.name === name);
    if (column !== undefined) return column;
    const names = table.columns.map((c) => c.name);
    const near = didYouMean(name, names);
    this.report(
      'SPEC_UNKNOWN_COLUMN',
      path,
      `table ${table.name} has no column "${name}"${near === undefined ? `; its columns: ${names.join(', ')}` : `; did you mean "${near}"?`}`,
    );
    return undefined;
  }

  /** A column that must be one of `types`, for `what`. */
  typed(
    table: DdlTable,
    name: unknown,
    path: DataPath,
    types: readonly string[],
    what: string,
  ): DdlColumn | undefined {
    const column = this.column(table, name, path);
    if (column !== undefined && !types.includes(column.type)) {
      this.report(
        'SPEC_COLUMN_TYPE',
        path,
        `column ${table.name}.${column.name} is ${column.type}, which cannot hold ${what}: use a ${types.filter((t) => t !== 'USER-DEFINED').join(' or ')} column`,
      );
    }
    return column;
  }

  /** A key column filled by the connector needs a unique index of its own. */
  uniqueKey(table: DdlTable, name: unknown, path: DataPath, what: string): string | undefined {
    const column = this.typed(table, name, path, TEXT, `${what}'s key (text)`);
    if (column === undefined) return undefined;
    if (!table.unique.some((columns) => columns.length === 1 && columns[0] === column.name)) {
      this.report(
        'SPEC_MISSING_INDEX',
        path,
        `column ${table.name}.${column.name} has no unique index: add "create unique index on ${table.name} (${column.name});" to the ${this.origin === 'ddl' ? 'DDL' : 'database'}, so ${what} stays unique and lookups use an index`,
      );
    }
    return column.name;
  }

  attributes(resource: Resource, table: DdlTable, section: Data, base: DataPath): Set<string> {
    const filled = new Set<string>();
    for (const [scim, mapping] of Object.entries(child(section, 'attributes'))) {
      const path = [...base, 'attributes', scim];
      const own = OWN_PLACE[scim];
      if (own !== undefined) {
        this.report(
          'SPEC_SQL_MAPPING',
          path,
          `${scim} is not a column mapping in the sql backend: set ${own}`,
          'key',
        );
        continue;
      }
      const leaf = resolveScimPath(this.custom[resource], resource, scim);
      if (!leaf.ok) {
        this.report('SPEC_UNKNOWN_SCIM_PATH', path, leaf.detail, 'key');
        continue;
      }
      if (scim.includes('[') || leaf.multiValued) {
        this.report(
          'SPEC_SQL_MAPPING',
          path,
          `${scim} is one of several values: hold ${scim.split(/[[.]/)[0]} in a child table (users.children), one row per value`,
          'key',
        );
        continue;
      }
      const long = isRecord(mapping) ? mapping : {};
      for (const key of Object.keys(long).filter((k) => !SQL_MAPPING_KEYS.includes(k)))
        this.report(
          'SPEC_NOT_FOR_BACKEND',
          [...path, key],
          `not used by the sql backend (it takes ${SQL_MAPPING_KEYS.join(', ')}): remove it`,
          'key',
        );
      const transform = long['transform'];
      if (typeof transform === 'string' && transform !== 'lower' && transform !== 'upper')
        this.report(
          'SPEC_SQL_MAPPING',
          [...path, 'transform'],
          `transform ${transform} is not for columns: a column holds the value in its own type (lower and upper apply)`,
        );
      const name = typeof mapping === 'string' ? mapping : long['app'];
      const columnPath = typeof mapping === 'string' ? path : [...path, 'app'];
      const column = this.column(table, name, columnPath);
      if (column === undefined) continue;
      filled.add(column.name);
      const values = long['values'];
      if (isRecord(values)) {
        for (const [scimValue, value] of Object.entries(values)) {
          const fits = HOLDS_VALUE[typeof value] ?? [];
          if (!fits.includes(column.type))
            this.report(
              'SPEC_COLUMN_TYPE',
              [...path, 'values', scimValue],
              `column ${table.name}.${column.name} is ${column.type}, which cannot hold ${JSON.stringify(value)}`,
            );
        }
      } else if (!(HOLDS[leaf.type] ?? []).includes(column.type)) {
        this.report(
          'SPEC_COLUMN_TYPE',
          columnPath,
          `column ${table.name}.${column.name} is ${column.type}, which cannot hold SCIM ${leaf.type} ${scim}: map a ${(HOLDS[leaf.type] ?? []).filter((t) => t !== 'USER-DEFINED').join(' or ')} column, or add a value map`,
        );
      }
    }
    return filled;
  }

  /** The key column, and whether new rows get a key. */
  key(table: DdlTable, section: Data, base: DataPath): string | undefined {
    const column = this.column(table, section['key'], [...base, 'key']);
    if (column === undefined) return undefined;
    const ids = section['ids'] ?? 'database';
    if (ids === 'database' && !column.hasDefault)
      this.report(
        'SPEC_SQL_MAPPING',
        [...base, 'key'],
        `column ${table.name}.${column.name} has no default, so the database makes no ids: set ids: connector, or give the column a default (e.g. gen_random_uuid())`,
      );
    if (ids === 'connector' && !['uuid', ...TEXT].includes(column.type))
      this.report(
        'SPEC_COLUMN_TYPE',
        [...base, 'key'],
        `column ${table.name}.${column.name} is ${column.type}, which cannot hold the connector's UUIDs: use a uuid or text column, or ids: database`,
      );
    return column.name;
  }

  /** NOT NULL columns without a default that nothing writes: every insert would fail. */
  unfilled(table: DdlTable, filled: Set<string>, path: DataPath): void {
    const missing = table.columns
      .filter((c) => !c.nullable && !c.hasDefault && !filled.has(c.name))
      .map((c) => c.name);
    if (missing.length > 0)
      this.report(
        'SPEC_SQL_MAPPING',
        path,
        `table ${table.name} requires ${missing.join(', ')} (NOT NULL, no default) but nothing is mapped to ${missing.length === 1 ? 'it' : 'them'}: map an attribute to each, or give ${missing.length === 1 ? 'it' : 'them'} a default`,
      );
  }

  users(): void {
    const base = ['backend', 'users'];
    const section = child(child(this.data, 'backend'), 'users');
    const table = this.table(section, base);
    if (table === undefined) return;
    const filled = this.attributes('users', table, section, base);
    if (!Object.keys(child(section, 'attributes')).some((k) => k.toLowerCase() === 'username'))
      this.report(
        'SPEC_SQL_MAPPING',
        [...base, 'attributes'],
        'userName is not mapped: map it to the column holding the login name',
        'key',
      );
    for (const name of [
      this.key(table, section, base),
      this.uniqueKey(table, section['userNameKey'], [...base, 'userNameKey'], 'userName'),
    ])
      if (name !== undefined) filled.add(name);
    const version = this.typed(table, section['version'], [...base, 'version'], INTEGER, 'a version number');
    if (version !== undefined) filled.add(version.name);
    const deactivation = child(section, 'deactivation');
    if (deactivation['column'] !== undefined) {
      const path = [...base, 'deactivation', 'column'];
      const kind =
        deactivation['timestamp'] === true
          ? 'timestamp'
          : deactivation['active'] !== undefined
            ? 'status'
            : 'flag';
      if (kind === 'status' && deactivation['inactive'] === undefined)
        this.report(
          'SPEC_SQL_MAPPING',
          [...base, 'deactivation'],
          'a status column needs both values: add inactive: <the value of a deactivated user>',
          'key',
        );
      const types = kind === 'flag' ? ['boolean'] : kind === 'status' ? TEXT : TIMESTAMP;
      const column = this.typed(
        table,
        deactivation['column'],
        path,
        types,
        kind === 'flag' ? 'a true/false flag' : kind === 'status' ? 'a status value' : 'a deactivation time',
      );
      if (column !== undefined) filled.add(column.name);
    }
    const password = child(section, 'password');
    if (password['column'] !== undefined)
      this.typed(table, password['column'], [...base, 'password', 'column'], TEXT, 'a password hash');
    this.unfilled(table, filled, [...base, 'table']);
    for (const [attribute, spec] of Object.entries(child(section, 'children')))
      this.childTable(attribute, spec, [...base, 'children', attribute]);
  }

  childTable(attribute: string, spec: unknown, path: DataPath): void {
    const definition = USER_SCHEMA.attributes.find((a) => a.name.toLowerCase() === attribute.toLowerCase());
    if (definition === undefined || !definition.multiValued || definition.type !== 'complex') {
      const names = USER_SCHEMA.attributes
        .filter((a) => a.multiValued && a.type === 'complex')
        .map((a) => a.name);
      const near = didYouMean(attribute, names);
      this.report(
        'SPEC_UNKNOWN_SCIM_PATH',
        path,
        `users have no multi-valued attribute "${attribute}"${near === undefined ? `; they have: ${names.join(', ')}` : `; did you mean "${near}"?`}`,
        'key',
      );
      return;
    }
    const section = isRecord(spec) ? spec : {};
    const table = this.table(section, path);
    if (table === undefined) return;
    this.column(table, section['parent'], [...path, 'parent']);
    const filled = new Set([stringAt(section, 'parent') ?? '']);
    for (const [sub, name] of Object.entries(child(section, 'columns'))) {
      const at = [...path, 'columns', sub];
      const subDefinition = definition.subAttributes?.find((s) => s.name.toLowerCase() === sub.toLowerCase());
      if (subDefinition === undefined) {
        const subs = (definition.subAttributes ?? []).map((s) => s.name);
        const near = didYouMean(sub, subs);
        this.report(
          'SPEC_UNKNOWN_SCIM_PATH',
          at,
          `"${definition.name}" has no sub-attribute "${sub}"${near === undefined ? `; its sub-attributes: ${subs.join(', ')}` : `; did you mean "${near}"?`}`,
          'key',
        );
        continue;
      }
      const column = this.typed(
        table,
        name,
        at,
        HOLDS[subDefinition.type] ?? TEXT,
        `SCIM ${subDefinition.type} ${definition.name}.${subDefinition.name}`,
      );
      if (column !== undefined) filled.add(column.name);
    }
    this.unfilled(table, filled, [...path, 'table']);
  }

  groups(): void {
    const base = ['backend', 'groups'];
    const section = child(child(this.data, 'backend'), 'groups');
    if (Object.keys(section).length === 0) return;
    const table = this.table(section, base);
    if (table === undefined) return;
    const filled = this.attributes('groups', table, section, base);
    for (const name of [this.key(table, section, base)]) if (name !== undefined) filled.add(name);
    if (section['displayNameKey'] !== undefined) {
      const key = this.uniqueKey(
        table,
        section['displayNameKey'],
        [...base, 'displayNameKey'],
        'a group displayName',
      );
      if (key !== undefined) filled.add(key);
    }
    const version = this.typed(table, section['version'], [...base, 'version'], INTEGER, 'a version number');
    if (version !== undefined) filled.add(version.name);
    this.unfilled(table, filled, [...base, 'table']);
  }

  membership(): void {
    const base = ['backend', 'membership'];
    const section = child(child(this.data, 'backend'), 'membership');
    if (Object.keys(section).length === 0) return;
    const table = this.table(section, base);
    if (table === undefined) return;
    this.column(table, section['group'], [...base, 'group']);
    this.column(table, section['member'], [...base, 'member']);
  }
}

/** Every mistake of the sql backend's mapping against the tables of its DDL or of a live database. */
export function checkSqlMapping(
  source: YamlSource,
  data: unknown,
  tables: DdlTable[],
  origin: TablesOrigin = 'ddl',
): SpecProblem[] {
  const checker = new SqlChecker(source, data, tables, origin);
  checker.users();
  checker.groups();
  checker.membership();
  return checker.found;
}
