// What an LDAP-backed connector is told about its directory: where users and groups live and how SCIM maps onto them.

/** One SCIM attribute ↔ one LDAP attribute, in the shared mapping language's terms. */
export interface LdapAttributeMapping {
  /** The SCIM path: `name.givenName`, `emails[type eq "work"].value`, `urn:…:employeeNumber`. */
  scim: string;
  /** The LDAP attribute type, e.g. `givenName`, `mail`. */
  ldap: string;
  /** Default both: `toApp` is written only, `fromApp` read only. */
  direction?: 'both' | 'toApp' | 'fromApp';
  /** Applied on the way to the directory. */
  transform?: 'lower' | 'upper';
  /**
   * The SCIM attribute's type when it is not a string: a boolean is written `TRUE`/`FALSE` (the LDAP
   * Boolean syntax, RFC 4517 §3.3.3) and every typed value is read back as a JSON boolean or number,
   * not as the directory's text. A value the directory holds that does not read as the type is
   * left out of the resource.
   */
  type?: 'boolean' | 'integer' | 'decimal';
}

/** How a deactivated user is told apart from an active one. */
export type LdapDeactivation =
  /** An attribute holds one value while active and another while not (e.g. `employeeType: disabled`). */
  | { kind: 'attribute'; attribute: string; active: string; inactive: string }
  /** The entry moves into this OU (a DN inside the user search base, so the user stays findable). */
  | { kind: 'move'; dn: string }
  /** ppolicy: `pwdAccountLockedTime: 000001010000Z` locks the account until an administrator unlocks it. */
  | { kind: 'ppolicy' };

/** Where one resource type's entries live. */
export interface LdapEntryOptions {
  /** The search base. */
  base: string;
  scope: 'one' | 'sub';
  /** Object classes of created entries; the first is the one searched for. */
  objectClasses: string[];
  /** The RDN attribute (users: the userName, e.g. `uid`; groups: the displayName, e.g. `cn`). */
  rdn: string;
  /** The stable id: `entryUUID` (OpenLDAP), `nsUniqueId` (389 DS), `objectGUID` (AD). */
  id: string;
  /** Further attribute mappings (the RDN and id are implied). */
  attributes: LdapAttributeMapping[];
}

export interface LdapUserOptions extends LdapEntryOptions {
  deactivation?: LdapDeactivation;
  /** Passwords are set with the Password Modify extended operation (RFC 3062). */
  passwords: boolean;
}

export interface LdapGroupOptions extends LdapEntryOptions {
  /** `member` (groupOfNames) or `uniqueMember` (groupOfUniqueNames). */
  memberAttribute: 'member' | 'uniqueMember';
  /**
   * groupOfNames must have a member: this DN is kept in every group and hidden from SCIM, so empty
   * groups and removing the last member work.
   */
  placeholder?: string;
  /** The server maintains `memberOf` on users: members are read with one search, not one per member. */
  memberOf: boolean;
}

/** How to reach and bind to the directory. */
export interface LdapConnectionOptions {
  /** `ldap://host:port` or `ldaps://host:port`. */
  url: string;
  /** Upgrade an `ldap://` connection with StartTLS before binding. */
  startTls: boolean;
  bindDn: string;
  bindPassword: string;
  /** PEM file of the CA that signed the directory's certificate. */
  caFile?: string;
  /** Timeout of every operation, in milliseconds. */
  timeoutMs: number;
}

export interface LdapServiceOptions {
  connection: LdapConnectionOptions;
  users: LdapUserOptions;
  groups?: LdapGroupOptions;
  /** Largest page read from the directory at once; default 500. */
  maxPageSize?: number;
}
