// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Where users and groups live in the directory and how SCIM maps onto their attributes (checked against directory.schema).
import type { LdapServiceOptions } from 'scim-connector-sdk/ldap';
import type { ConnectorConfig } from './config.js';

/** connector.yaml's backend.users and backend.groups, defaults filled in. */
export const DIRECTORY: Omit<LdapServiceOptions, 'connection'> = {
  users: {
    base: 'ou=people,dc=initech,dc=example',
    scope: 'sub',
    objectClasses: ['inetOrgPerson'],
    rdn: 'uid',
    id: 'entryUUID',
    attributes: [
      {
        scim: 'userName',
        ldap: 'cn',
        direction: 'toApp',
      },
      {
        scim: 'name.givenName',
        ldap: 'givenName',
      },
      {
        scim: 'name.familyName',
        ldap: 'sn',
      },
      {
        scim: 'displayName',
        ldap: 'displayName',
      },
      {
        scim: 'emails[type eq "work"].value',
        ldap: 'mail',
      },
      {
        scim: 'phoneNumbers[type eq "work"].value',
        ldap: 'telephoneNumber',
      },
      {
        scim: 'title',
        ldap: 'title',
      },
      {
        scim: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
        ldap: 'employeeNumber',
      },
      {
        scim: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
        ldap: 'departmentNumber',
      },
    ],
    deactivation: {
      kind: 'move',
      dn: 'ou=disabled,ou=people,dc=initech,dc=example',
    },
    passwords: true,
  },
  groups: {
    base: 'ou=groups,dc=initech,dc=example',
    scope: 'one',
    objectClasses: ['groupOfNames'],
    rdn: 'cn',
    id: 'entryUUID',
    attributes: [
      {
        scim: 'externalId',
        ldap: 'description',
      },
    ],
    memberAttribute: 'member',
    placeholder: 'cn=nobody,dc=initech,dc=example',
    memberOf: true,
  },
};

/** The directory service's options: the layout above, the connection from the config. */
export function ldapOptions(config: ConnectorConfig): LdapServiceOptions {
  return {
    ...DIRECTORY,
    connection: {
      url: config.app.url,
      startTls: false,
      bindDn: config.app.bindDn,
      bindPassword: config.app.bindPassword,
      timeoutMs: 10000,
    },
  };
}
