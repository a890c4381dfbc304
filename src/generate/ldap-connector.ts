// The ldap backend's generated code: method bodies over the SDK's LDAP service, the directory layout, the test tree.
import type { ServiceMethod } from 'scim-connector-sdk';
import type { LdapBackendSpec, LdapEntrySpec } from '../spec/connector-spec.js';

/** The LDAP service's methods (patchUser is the server's read-apply-update over updateUser). */
const SERVED: Readonly<Partial<Record<ServiceMethod, string>>> = {
  createUser: 'user',
  updateUser: 'id, user',
  getUser: 'id',
  getUsers: 'query',
  deleteUser: 'id',
  createGroup: 'group',
  updateGroup: 'id, group',
  getGroup: 'id',
  getGroups: 'query',
  deleteGroup: 'id',
  patchGroup: 'id, operations',
};

/** The bodies of the methods the directory serves; group methods only when the spec maps groups. */
export function ldapBodies(
  backend: LdapBackendSpec,
  methods: readonly ServiceMethod[],
): Map<ServiceMethod, string> {
  const bodies = new Map<ServiceMethod, string>();
  for (const method of methods) {
    const args = SERVED[method];
    if (args === undefined) continue;
    if (method.endsWith('Group') || method.endsWith('Groups')) {
      if (backend.groups === undefined) continue;
    }
    bodies.set(method, `return this.directory.${method}(${args}, ctx);`);
  }
  return bodies;
}

function entryOptions(entry: LdapEntrySpec): Record<string, unknown> {
  return {
    base: entry.base,
    scope: entry.scope,
    objectClasses: entry.objectClasses,
    rdn: entry.rdn,
    id: entry.id,
    attributes: entry.attributes.map((a) => ({
      scim: a.qualified,
      ldap: a.ldap,
      ...(a.direction === 'both' ? {} : { direction: a.direction }),
      ...(a.transform === undefined ? {} : { transform: a.transform }),
      ...(a.type === undefined ? {} : { type: a.type }),
    })),
  };
}

/** The directory layout as a TypeScript object literal (LdapServiceOptions without the connection). */
export function directoryLiteral(backend: LdapBackendSpec): string {
  const users = backend.users;
  const layout: Record<string, unknown> = {
    users: {
      ...entryOptions(users),
      ...(users.deactivation === undefined ? {} : { deactivation: users.deactivation }),
      passwords: users.passwords,
    },
  };
  const groups = backend.groups;
  if (groups !== undefined) {
    layout['groups'] = {
      ...entryOptions(groups),
      memberAttribute: groups.memberAttribute,
      ...(groups.placeholder === undefined ? {} : { placeholder: groups.placeholder }),
      memberOf: groups.memberOf,
    };
  }
  return JSON.stringify(layout, null, 2);
}

/** The RDNs of a DN, split at commas no backslash escapes. */
function rdns(dn: string): string[] {
  return dn.split(/(?<!\\),/).map((part) => part.trim());
}

/** The `dc=` tail shared by every base: the suffix of the test directory. */
export function directorySuffix(backend: LdapBackendSpec): string {
  const bases = [backend.users.base, ...(backend.groups === undefined ? [] : [backend.groups.base])];
  const tails = bases.map((base) => rdns(base).filter((rdn) => /^dc=/i.test(rdn)));
  const first = tails[0] ?? [];
  return first
    .filter((rdn, index) => tails.every((tail) => tail.slice(index - first.length).includes(rdn)))
    .join(',');
}

function entryLdif(dn: string): string {
  const [rdn = ''] = rdns(dn);
  const [type = '', value = ''] = rdn.split('=');
  switch (type.toLowerCase()) {
    case 'ou':
      return `dn: ${dn}\nobjectClass: organizationalUnit\nou: ${value}\n`;
    case 'dc':
      return `dn: ${dn}\nobjectClass: dcObject\nobjectClass: organization\no: ${value}\ndc: ${value}\n`;
    default:
      // The placeholder member: an entry that is no user, so it never shows as a member.
      return `dn: ${dn}\nobjectClass: organizationalRole\ncn: ${value}\n`;
  }
}

/**
 * The test directory's starting tree: the suffix, every entry between it and the bases, the disabled
 * OU and the placeholder member (LDIF, parents first).
 */
export function directoryTree(backend: LdapBackendSpec): string {
  const suffix = directorySuffix(backend);
  const wanted = [backend.users.base];
  if (backend.users.deactivation?.kind === 'move') wanted.push(backend.users.deactivation.dn);
  if (backend.groups !== undefined) wanted.push(backend.groups.base);
  if (backend.groups?.placeholder !== undefined) wanted.push(backend.groups.placeholder);
  const dns = new Set<string>([suffix]);
  for (const dn of wanted) {
    const parts = rdns(dn);
    const depth = parts.length - rdns(suffix).length;
    for (let start = depth - 1; start >= 0; start -= 1) dns.add(parts.slice(start).join(','));
  }
  return [...dns].map(entryLdif).join('\n');
}
