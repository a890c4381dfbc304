// A complete ScimService over an LDAP directory, from the options the generated connector passes.
import type { ScimGroup, ScimUser } from '../protocol/resource.js';
import type { ScimService } from '../service/scim-service.js';
import { ldapConnector, type LdapConnect } from './ldap-connection.js';
import { translateLdapError } from './ldap-error.js';
import { LdapGroups } from './ldap-groups.js';
import type { LdapServiceOptions } from './ldap-options.js';
import { LdapSession } from './ldap-session.js';
import { LdapUsers } from './ldap-users.js';

/**
 * Every method but patchUser (the server reads, applies the operations and calls updateUser), plus
 * `close()`, which ends the connections of imports still in progress.
 */
export type LdapService = Required<Omit<ScimService, 'patchUser'>> & { close(): Promise<void> };

export interface LdapServiceHooks {
  /** Opens a bound client; default from `options.connection` (tests wrap it to count operations). */
  connect?: LdapConnect;
}

/** Every SCIM method on the directory; directory errors become SCIM errors (see translateLdapError). */
export function createLdapService(options: LdapServiceOptions, hooks: LdapServiceHooks = {}): LdapService {
  const session = new LdapSession(
    hooks.connect ?? ldapConnector(options.connection),
    options.maxPageSize ?? 500,
  );
  const users = new LdapUsers(session, options.users);
  const groupOptions = options.groups;
  const groups = groupOptions === undefined ? undefined : new LdapGroups(session, groupOptions, users);
  const needGroups = (): LdapGroups => {
    if (groups === undefined) throw new Error('this connector maps no groups');
    return groups;
  };
  const guard =
    (resourceType: 'User' | 'Group') =>
    async <T>(id: string, work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        throw translateLdapError(error, { resourceType, id });
      }
    };
  const user = guard('User');
  const group = guard('Group');
  return {
    createUser: (resource: ScimUser) => user(resource.userName ?? '', () => users.create(resource)),
    getUser: (id) => user(id, () => users.get(id)),
    getUsers: (query) => user('', () => users.list(query)),
    updateUser: (id, resource) => user(id, () => users.update(id, resource)),
    deleteUser: (id) => user(id, () => users.delete(id)),
    createGroup: (resource: ScimGroup) =>
      group(resource.displayName ?? '', () => needGroups().create(resource)),
    getGroup: (id) => group(id, () => needGroups().get(id)),
    getGroups: (query) => group('', () => needGroups().list(query)),
    updateGroup: (id, resource) => group(id, () => needGroups().update(id, resource)),
    deleteGroup: (id) => group(id, () => needGroups().delete(id)),
    patchGroup: (id, operations) => group(id, () => needGroups().patch(id, operations)),
    close: () => session.cursors.closeAll(),
  };
}
