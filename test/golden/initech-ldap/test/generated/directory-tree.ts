// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The test directory's starting tree: the suffix, the search bases, the disabled-users OU and the placeholder member.

/** The suffix of the throwaway slapd the tests start. */
export const DIRECTORY_SUFFIX = 'dc=initech,dc=example';

/** Loaded with slapadd before the server starts (LDIF). */
export const DIRECTORY_TREE = [
  'dn: dc=initech,dc=example',
  'objectClass: dcObject',
  'objectClass: organization',
  'o: initech',
  'dc: initech',
  '',
  'dn: ou=people,dc=initech,dc=example',
  'objectClass: organizationalUnit',
  'ou: people',
  '',
  'dn: ou=disabled,ou=people,dc=initech,dc=example',
  'objectClass: organizationalUnit',
  'ou: disabled',
  '',
  'dn: ou=groups,dc=initech,dc=example',
  'objectClass: organizationalUnit',
  'ou: groups',
  '',
  'dn: cn=nobody,dc=initech,dc=example',
  'objectClass: organizationalRole',
  'cn: nobody',
  '',
].join('\n');
