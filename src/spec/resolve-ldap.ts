// Fills the defaults of a checked ldap backend: scopes, id attribute, member attribute, qualified SCIM paths.
import { resolve } from 'node:path';
import type { LdapAttributeSpec, LdapBackendSpec, LdapEntrySpec, Setting } from './connector-spec.js';
import type { AttributeDefinition } from 'scim-connector-sdk';
import { customAttributes, resolveScimPath } from './scim-path.js';
import { child, isRecord, stringAt, type Data } from './spec-data.js';

/** A SCIM path naming a custom attribute gets its extension's URN in front, as the runtime reads resources. */
function qualify(scim: string, custom: Set<string>, urn: string | undefined): string {
  if (urn === undefined || scim.startsWith('urn:')) return scim;
  const head = /^[A-Za-z][\w-]*/.exec(scim)?.[0] ?? '';
  return custom.has(head.toLowerCase()) ? `${urn}:${scim}` : scim;
}

const CONVERTED = new Set<string>(['boolean', 'integer', 'decimal']);

/** The resource's custom attributes, as the checks and the runtime see them. */
interface Custom {
  resource: 'users' | 'groups';
  definitions: AttributeDefinition[];
  urn: string | undefined;
}

function attributes(section: Data, custom: Custom): LdapAttributeSpec[] {
  const names = new Set(custom.definitions.map((a) => a.name.toLowerCase()));
  return Object.entries(child(section, 'attributes')).map(([scim, node]) => {
    const long = isRecord(node) ? node : {};
    const spec: LdapAttributeSpec = {
      scim,
      qualified: qualify(scim, names, custom.urn),
      ldap: typeof node === 'string' ? node : (stringAt(long, 'app') ?? ''),
      direction: (stringAt(long, 'direction') as LdapAttributeSpec['direction'] | undefined) ?? 'both',
    };
    const transform = stringAt(long, 'transform');
    if (transform === 'lower' || transform === 'upper') spec.transform = transform;
    const leaf = resolveScimPath(custom.definitions, custom.resource, scim);
    if (leaf.ok && CONVERTED.has(leaf.type)) spec.type = leaf.type as NonNullable<LdapAttributeSpec['type']>;
    return spec;
  });
}

function entry(section: Data, scope: 'one' | 'sub', custom: Custom): LdapEntrySpec {
  return {
    base: stringAt(section, 'base') ?? '',
    scope: (stringAt(section, 'scope') as 'one' | 'sub' | undefined) ?? scope,
    objectClasses: Array.isArray(section['objectClasses']) ? section['objectClasses'].map(String) : [],
    rdn: stringAt(section, 'rdn') ?? '',
    id: (stringAt(section, 'id') as LdapEntrySpec['id'] | undefined) ?? 'entryUUID',
    attributes: attributes(section, custom),
  };
}

function deactivation(node: unknown): LdapBackendSpec['users']['deactivation'] {
  if (node === 'ppolicy') return { kind: 'ppolicy' };
  if (!isRecord(node)) return undefined;
  const move = stringAt(node, 'move');
  if (move !== undefined) return { kind: 'move', dn: move };
  const attribute = stringAt(node, 'attribute');
  if (attribute === undefined) return undefined;
  return {
    kind: 'attribute',
    attribute,
    active: stringAt(node, 'active') ?? '',
    inactive: stringAt(node, 'inactive') ?? '',
  };
}

/** The resolved ldap backend; `urns` are the spec's user and group extension URNs. */
export function resolveLdapBackend(
  data: Data,
  base: string,
  setting: (map: Data, key: string) => Setting,
  urns: { user?: string; group?: string },
): LdapBackendSpec {
  const section = child(data, 'backend');
  const custom = (key: 'user' | 'group'): Custom => ({
    resource: key === 'user' ? 'users' : 'groups',
    definitions: customAttributes(data, key),
    urn: urns[key],
  });
  const users = child(section, 'users');
  const schema = stringAt(section, 'schema') ?? '';
  const spec: LdapBackendSpec = {
    kind: 'ldap',
    url: setting(section, 'url'),
    startTls: section['startTls'] === true,
    bindDn: setting(section, 'bindDn'),
    bindPassword: setting(section, 'bindPassword'),
    schema: /^ldaps?:\/\//i.test(schema) ? schema : resolve(base, schema),
    timeoutMs: typeof section['timeoutMs'] === 'number' ? section['timeoutMs'] : 10000,
    users: { ...entry(users, 'sub', custom('user')), passwords: users['passwords'] !== false },
  };
  const way = deactivation(users['deactivation']);
  if (way !== undefined) spec.users.deactivation = way;
  if (section['caFile'] !== undefined) spec.caFile = setting(section, 'caFile');
  if (isRecord(section['groups'])) {
    const groups = child(section, 'groups');
    spec.groups = {
      ...entry(groups, 'one', custom('group')),
      memberAttribute: stringAt(groups, 'member') === 'uniqueMember' ? 'uniqueMember' : 'member',
      memberOf: groups['memberOf'] !== false,
    };
    const placeholder = stringAt(groups, 'placeholder');
    if (placeholder !== undefined) spec.groups.placeholder = placeholder;
  }
  return spec;
}
