// A test directory (people, disabled people, groups) and LDAP service options pointing at it.
import type { LdapDeactivation, LdapServiceOptions } from 'scim-connector-sdk/ldap';
import type { Slapd } from 'scim-connector-sdk/testing';

export const SUFFIX = 'dc=example,dc=org';
export const PEOPLE = `ou=people,${SUFFIX}`;
export const DISABLED = `ou=disabled,${PEOPLE}`;
export const GROUPS = `ou=groups,${SUFFIX}`;
export const PLACEHOLDER = `cn=nobody,${SUFFIX}`;

export const TREE = `dn: ${SUFFIX}
objectClass: dcObject
objectClass: organization
o: example
dc: example

dn: ${PEOPLE}
objectClass: organizationalUnit
ou: people

dn: ${DISABLED}
objectClass: organizationalUnit
ou: disabled

dn: ${GROUPS}
objectClass: organizationalUnit
ou: groups

dn: ${PLACEHOLDER}
objectClass: organizationalRole
cn: nobody
`;

export function serviceOptions(
  slapd: Slapd,
  deactivation: LdapDeactivation = { kind: 'move', dn: DISABLED },
): LdapServiceOptions {
  return {
    connection: {
      url: slapd.url,
      startTls: false,
      bindDn: slapd.bindDn,
      bindPassword: slapd.password,
      timeoutMs: 5000,
    },
    users: {
      base: PEOPLE,
      scope: 'sub',
      objectClasses: ['inetOrgPerson'],
      rdn: 'uid',
      id: 'entryUUID',
      deactivation,
      passwords: true,
      attributes: [
        { scim: 'userName', ldap: 'cn', direction: 'toApp' },
        { scim: 'name.givenName', ldap: 'givenName' },
        { scim: 'name.familyName', ldap: 'sn' },
        { scim: 'displayName', ldap: 'displayName' },
        { scim: 'emails[type eq "work"].value', ldap: 'mail' },
        {
          scim: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
          ldap: 'employeeNumber',
        },
      ],
    },
    groups: {
      base: GROUPS,
      scope: 'one',
      objectClasses: ['groupOfNames'],
      rdn: 'cn',
      id: 'entryUUID',
      memberAttribute: 'member',
      placeholder: PLACEHOLDER,
      memberOf: true,
      attributes: [{ scim: 'externalId', ldap: 'description' }],
    },
    maxPageSize: 500,
  };
}

/** A SCIM user for the service (the server would have validated it). */
export function user(
  userName: string,
  extra: Record<string, unknown> = {},
): { schemas: string[]; userName: string; [key: string]: unknown } {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    name: { givenName: 'Test', familyName: userName },
    emails: [{ type: 'work', value: `${userName}@example.org` }],
    ...extra,
  };
}

/** The RequestContext service methods receive. */
export const CTX = { requestId: 'test', dialect: '2.0' } as const;
