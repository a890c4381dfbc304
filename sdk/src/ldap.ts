// scim-connector-sdk/ldap: a ScimService over an LDAP directory (ldapts), with its filter and DN escaping.

export { createLdapService, type LdapService, type LdapServiceHooks } from './ldap/create-ldap-service.js';
export { ldapConnector, type LdapConnect } from './ldap/ldap-connection.js';
export type {
  LdapAttributeMapping,
  LdapConnectionOptions,
  LdapDeactivation,
  LdapEntryOptions,
  LdapGroupOptions,
  LdapServiceOptions,
  LdapUserOptions,
} from './ldap/ldap-options.js';
export { escapeDnValue } from './ldap/escape-dn-value.js';
export { escapeFilterValue } from './ldap/escape-filter-value.js';
export { toLdapFilter, type CompareHook, type LdapFilterContext } from './ldap/ldap-filter.js';
export { translateLdapError } from './ldap/ldap-error.js';
export { PASSWORD_MODIFY_OID, setPassword } from './ldap/password-modify.js';
