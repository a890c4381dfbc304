// Runs the initech-ldap golden project's own generated tests here: every capability's scenarios, SCIM 2.0 and 1.1, against a real slapd.
import '../golden/initech-ldap/test/generated/scim.test.js';
