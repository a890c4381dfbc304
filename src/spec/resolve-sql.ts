// Resolves the sql backend's section into the SDK's table mapping: SCIM paths as segments, types and case from the schemas.
import { COMMON_ATTRIBUTES, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from 'scim-connector-sdk';
import type {
  SqlChildTable,
  SqlColumnMapping,
  SqlDeactivation,
  SqlMapping,
  SqlResourceTable,
  SqlUsersTable,
} from 'scim-connector-sdk/sql';
import type { ExtensionSpec } from './connector-spec.js';
import { child, isRecord, stringAt, type Data } from './spec-data.js';

type Resource = 'users' | 'groups';

/** `name.givenName` → `['name', 'givenName']`; `urn:…:User:employeeNumber` → `[urn, 'employeeNumber']`; a custom name under its URN. */
function segments(path: string, extension: ExtensionSpec | undefined): string[] {
  const urn = /^(urn:.+):([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)$/.exec(path);
  if (urn) return [urn[1]!, ...urn[2]!.split('.')];
  const names = path.split('.');
  const custom = extension?.attributes.find((a) => a.name.toLowerCase() === names[0]!.toLowerCase());
  return custom === undefined ? names : [extension!.urn, custom.name, ...names.slice(1)];
}

/** The type and caseExact of the attribute at `names` (below the resource, URN first for extensions). */
function characteristics(
  names: string[],
  resource: Resource,
  extension: ExtensionSpec | undefined,
): Pick<SqlColumnMapping, 'type' | 'caseExact'> {
  const core = resource === 'users' ? USER_SCHEMA.attributes : GROUP_SCHEMA.attributes;
  const [first, ...rest] = names;
  const underUrn = (urn: string) =>
    urn === extension?.urn
      ? extension.attributes
      : urn.toLowerCase() === ENTERPRISE_USER_SCHEMA.id.toLowerCase()
        ? ENTERPRISE_USER_SCHEMA.attributes
        : [];
  const list: readonly {
    name: string;
    type: string;
    caseExact: boolean;
    subAttributes?: readonly { name: string; type: string; caseExact: boolean }[];
  }[] = first!.startsWith('urn:') ? underUrn(first!) : [...COMMON_ATTRIBUTES, ...core];
  const path = first!.startsWith('urn:') ? rest : names;
  let found = list.find((a) => a.name.toLowerCase() === path[0]!.toLowerCase());
  if (path[1] !== undefined)
    found = found?.subAttributes?.find((a) => a.name.toLowerCase() === path[1]!.toLowerCase());
  const type = (
    found?.type === 'complex' || found?.type === undefined ? 'string' : found.type
  ) as SqlColumnMapping['type'];
  return { type, caseExact: found?.caseExact ?? false };
}

function columns(
  section: Data,
  resource: Resource,
  extension: ExtensionSpec | undefined,
): SqlColumnMapping[] {
  return Object.entries(child(section, 'attributes')).map(([scim, node]) => {
    const long = isRecord(node) ? node : {};
    const path = segments(scim, extension);
    const mapping: SqlColumnMapping = {
      path,
      column: typeof node === 'string' ? node : String(long['app']),
      ...characteristics(path, resource, extension),
      direction: (stringAt(long, 'direction') as SqlColumnMapping['direction'] | undefined) ?? 'both',
    };
    if (isRecord(long['values']))
      mapping.values = long['values'] as Record<string, string | number | boolean>;
    const transform = stringAt(long, 'transform');
    if (transform === 'lower' || transform === 'upper') mapping.transform = transform;
    return mapping;
  });
}

function table(section: Data, resource: Resource, extension: ExtensionSpec | undefined): SqlResourceTable {
  const spec: SqlResourceTable = {
    table: String(section['table']),
    key: String(section['key']),
    ids: section['ids'] === 'connector' ? 'connector' : 'database',
    columns: columns(section, resource, extension),
    children: Object.entries(child(section, 'children')).map(([attribute, node]): SqlChildTable => ({
      attribute,
      table: String(child({ node }, 'node')['table']),
      parent: String(child({ node }, 'node')['parent']),
      columns: Object.fromEntries(
        Object.entries(child(child({ node }, 'node'), 'columns')).map(([sub, column]) => [
          sub,
          String(column),
        ]),
      ),
    })),
  };
  const version = stringAt(section, 'version');
  if (version !== undefined) spec.version = version;
  return spec;
}

function deactivation(section: Data): SqlDeactivation | undefined {
  const column = stringAt(section, 'column');
  if (column === undefined) return undefined;
  if (section['timestamp'] === true) return { kind: 'timestamp', column };
  const active = stringAt(section, 'active');
  const inactive = stringAt(section, 'inactive');
  if (active !== undefined && inactive !== undefined) return { kind: 'status', column, active, inactive };
  return { kind: 'flag', column };
}

/** The SDK's SqlMapping of a checked `backend` section of kind sql. */
export function resolveSqlMapping(
  backend: Data,
  schemas: { user?: ExtensionSpec; group?: ExtensionSpec },
): SqlMapping {
  const usersSection = child(backend, 'users');
  const users: SqlUsersTable = {
    ...table(usersSection, 'users', schemas.user),
    userNameKey: String(usersSection['userNameKey']),
  };
  const off = deactivation(child(usersSection, 'deactivation'));
  if (off !== undefined) users.deactivation = off;
  const password = child(usersSection, 'password');
  if (typeof password['column'] === 'string')
    users.password = {
      column: password['column'],
      scheme: password['scheme'] === 'plain' ? 'plain' : 'bcrypt',
    };
  const mapping: SqlMapping = { users };
  const groupsSection = child(backend, 'groups');
  if (Object.keys(groupsSection).length > 0) {
    const groups: SqlMapping['groups'] = table(groupsSection, 'groups', schemas.group);
    const key = stringAt(groupsSection, 'displayNameKey');
    if (key !== undefined) groups.displayNameKey = key;
    mapping.groups = groups;
  }
  const membership = child(backend, 'membership');
  if (Object.keys(membership).length > 0)
    mapping.membership = {
      table: String(membership['table']),
      group: String(membership['group']),
      member: String(membership['member']),
    };
  return mapping;
}
