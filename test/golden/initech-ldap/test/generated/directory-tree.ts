// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The test directory's starting tree: the suffix, the search bases, the disabled-users OU and the placeholder member.

/** The suffix of the throwaway slapd the tests start. */
export const DIRECTORY_SUFFIX = 'dc=initech,dc=example';

/** Loaded with slapadd before the server starts (LDIF). */
export const DIRECTORY_TREE =
  'dn: dc=initech,dc=example\nobjectClass: dcObject\nobjectClass: organization\no: initech\ndc: initech\n\ndn: ou=people,dc=initech,dc=example\nobjectClass: organizationalUnit\nou: people\n\ndn: ou=disabled,ou=people,dc=initech,dc=example\nobjectClass: organizationalUnit\nou: disabled\n\ndn: ou=groups,dc=initech,dc=example\nobjectClass: organizationalUnit\nou: groups\n\ndn: cn=nobody,dc=initech,dc=example\nobjectClass: organizationalRole\ncn: nobody\n';
