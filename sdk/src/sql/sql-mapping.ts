// The table mapping a generated sql connector hands the SDK: where each SCIM attribute of users and groups lives.

/** A SCIM leaf type a column holds. */
export type SqlValueType = 'string' | 'boolean' | 'integer' | 'decimal' | 'dateTime' | 'reference' | 'binary';

/** One SCIM attribute held in one column of the resource's own table. */
export interface SqlColumnMapping {
  /** Where the value sits in the resource: `['name', 'givenName']`, `['urn:…:User', 'employeeNumber']`. */
  path: readonly string[];
  column: string;
  type: SqlValueType;
  /** Compared ignoring case (lower-cased on both sides) unless true. */
  caseExact: boolean;
  /** toApp writes only, fromApp reads only. */
  direction: 'both' | 'toApp' | 'fromApp';
  /** SCIM value (as written in the spec: `true`, `ACTIVE`) → the column's value. */
  values?: Readonly<Record<string, string | number | boolean>>;
  /** Applied on the way to the column. */
  transform?: 'lower' | 'upper';
}

/** A multi-valued complex attribute (emails, phoneNumbers) held in a child table, one row per value. */
export interface SqlChildTable {
  /** The SCIM attribute, e.g. `emails`. */
  attribute: string;
  table: string;
  /** The column holding the owner's key. */
  parent: string;
  /** Sub-attribute (value, type, primary, display) → column. */
  columns: Readonly<Record<string, string>>;
}

/** How a user's `active` is stored. */
export type SqlDeactivation =
  /** A boolean column, true while active. */
  | { kind: 'flag'; column: string }
  /** A text column holding one value while active and another once deactivated. */
  | { kind: 'status'; column: string; active: string; inactive: string }
  /** A timestamp column, null while active, set when deactivated. */
  | { kind: 'timestamp'; column: string };

/** What the users or groups table holds. */
export interface SqlResourceTable {
  table: string;
  /** The key column, served as the SCIM id. */
  key: string;
  /** Who makes new ids: the database (a column default) or the connector (a random UUID). */
  ids: 'database' | 'connector';
  /** An integer column counting changes: meta.version, the ETag and optimistic updates. */
  version?: string;
  columns: readonly SqlColumnMapping[];
  children: readonly SqlChildTable[];
}

export interface SqlUsersTable extends SqlResourceTable {
  /** The column holding userNameKey(userName), under a unique index: lookups and uniqueness. */
  userNameKey: string;
  deactivation?: SqlDeactivation;
  /** Where a password goes; never read back. `plain` only when the spec says so explicitly. */
  password?: { column: string; scheme: 'bcrypt' | 'plain' };
}

/** The membership table: one row per (group, member). */
export interface SqlMembership {
  table: string;
  group: string;
  member: string;
}

export interface SqlMapping {
  users: SqlUsersTable;
  groups?: SqlResourceTable & { displayNameKey?: string };
  membership?: SqlMembership;
}
