// A complete ScimService over an LDAP directory, from the options the generated connector passes.
import type { ScimGroup, ScimUser } from '../protocol/resource.js';
import type { ListResult, ScimService } from '../service/scim-service.js';
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
export type LdapService<User extends ScimUser = ScimUser, Group extends ScimGroup = ScimGroup> = Required<
  Omit<ScimService<User, Group>, 'patchUser'>
> & { close(): Promise<void> };

export interface LdapServiceHooks {
  /** Opens a bound client; default from `options.connection` (tests wrap it to count operations). */
  connect?: LdapConnect;
}

/**
 * Every SCIM method on the directory; directory errors become SCIM errors (see translateLdapError).
 * `User` and `Group` are the connector's resource types: what the mappings read back is typed as them.
 */
export function createLdapService<User extends ScimUser = ScimUser, Group extends ScimGroup = ScimGroup>(
  options: LdapServiceOptions,
  hooks: LdapServiceHooks = {},
): LdapService<User, Group> {
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
    createUser: (resource) =>
      user(resource.userName ?? '', async () => (await users.create(resource)) as User),
    getUser: (id) => user(id, async () => (await users.get(id)) as User | undefined),
    getUsers: (query) => user('', async () => (await users.list(query)) as ListResult<User>),
    updateUser: (id, resource) => user(id, async () => (await users.update(id, resource)) as User),
    deleteUser: (id) => user(id, () => users.delete(id)),
    createGroup: (resource) =>
      group(resource.displayName ?? '', async () => (await needGroups().create(resource)) as Group),
    getGroup: (id) => group(id, async () => (await needGroups().get(id)) as Group | undefined),
    getGroups: (query) => group('', async () => (await needGroups().list(query)) as ListResult<Group>),
    updateGroup: (id, resource) => group(id, async () => (await needGroups().update(id, resource)) as Group),
    deleteGroup: (id) => group(id, () => needGroups().delete(id)),
    patchGroup: (id, operations) => group(id, () => needGroups().patch(id, operations)),
    close: () => session.cursors.closeAll(),
  };
}
