// The resolved connector.yaml: every default filled in, every path absolute; what the loader hands the planner.
import type { Capability } from 'scim-connector-sdk';
import type { SqlMapping } from 'scim-connector-sdk/sql';

/** A SCIM protocol version a connector serves. */
export type ScimVersion = '2.0' | '1.1';

/** Service methods beyond what the capabilities need (for Entra ID and other SCIM 2.0 clients). */
export type ExtraOperation = 'deleteUser' | 'patchUser' | 'patchGroup';

export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

/**
 * One custom attribute with every RFC 7643 §7 characteristic. In YAML an attribute is a map entry
 * `name: { type: …, … }` (or the short form `name: string`); omitted characteristics take the RFC
 * defaults (type string, multiValued false, required false, caseExact false, mutability readWrite,
 * returned default, uniqueness none).
 */
export interface AttributeSpec {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  description?: string;
  canonicalValues?: string[];
  referenceTypes?: string[];
  /** Only for type complex: its sub-attributes (which cannot be complex themselves). */
  subAttributes?: AttributeSpec[];
}

/**
 * A custom extension schema. YAML: `schemas.user` / `schemas.group` with `urn`, optional
 * `oktaUrn` (user only: `urn:okta:{app}:1.0:user:{schema}`, the Okta Provisioning Agent's SCIM 1.1
 * name; for groups the 1.1 name is always `urn:okta:custom:group:1.0`), `name`, `description`,
 * `attributes`.
 */
export interface ExtensionSpec {
  /** The SCIM 2.0 extension URN, e.g. `urn:ietf:params:scim:schemas:extension:acme:2.0:User`. */
  urn: string;
  /** The schema's display name served at /Schemas. */
  name: string;
  description?: string;
  attributes: AttributeSpec[];
}

/** Okta's names for the SCIM 1.1 alias table (`urn:okta:{appName}:1.0:user:{userSchemaName}`). */
export interface OktaNames {
  appName: string;
  userSchemaName: string;
}

/**
 * A value read at run time: YAML `${NAME}` (required variable) or `${NAME:-default}` (variable
 * with a default), or a plain literal. At run time the environment wins over the spec's default.
 */
export type Setting = { literal: string } | { env: string; default?: string };

/**
 * How the connector authenticates to the app's API (openapi backend); default none. Secrets (token,
 * password, value, clientSecret) are always `${NAME}` in YAML, with no default, so they never sit in the spec.
 */
export type AppAuthSpec =
  | { type: 'none' }
  | { type: 'bearer'; token: Setting }
  | { type: 'basic'; username: Setting; password: Setting }
  | { type: 'apiKey'; header: string; value: Setting }
  | {
      type: 'oauth2';
      tokenUrl: Setting;
      clientId: Setting;
      clientSecret: Setting;
      scope?: string;
    };

/** An operation of the app's OpenAPI document, as the spec names it and as the document defines it. */
export interface OperationSpec {
  /** As written: an operationId or `METHOD /path`. */
  ref: string;
  method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  path: string;
  operationId?: string;
  /** Extra request-body fields: constants, or `$password`, `$id`, `$memberId`, `$<SCIM path>`. */
  body?: Record<string, unknown>;
  /** create: the response field holding the new id, or `location` (the Location header's last segment). */
  id?: string;
  /** The success answer has no body (e.g. 204): the connector reads the resource afterwards. */
  noBody: boolean;
  /** update: read first and send the whole resource back with the mapped fields changed. */
  readMergeWrite: boolean;
}

/** How a list operation pages. */
export interface PagingSpec {
  style: 'offset' | 'page' | 'first' | 'cursor' | 'none';
  start?: string;
  size?: string;
  /** page: the number of the first page; default 1. */
  firstPage: number;
  /** The largest page the app serves; default 100. */
  max: number;
  cursor?: string;
  /** cursor: a response field holding the next token, or `link` (the Link header). */
  next?: string;
}

/** Where a list's total comes from. */
export type TotalSpec =
  | { kind: 'field'; field: string }
  | { kind: 'header'; header: string }
  | { kind: 'operation'; operation: OperationSpec; field?: string }
  | { kind: 'pages' };

/** A list operation: items, total, paging, filter push-down. */
export interface ListSpec extends OperationSpec {
  /** The response field holding the items, or `.` for a bare array; default items. */
  items: string;
  total: TotalSpec;
  paging: PagingSpec;
  /** SCIM attribute (compared with eq) → the query parameter taking its value. */
  filters: Record<string, string>;
  /** Constant query parameters of every call. */
  query: Record<string, string | number | boolean>;
  /** The most resources fetched to filter in memory; default 10000. */
  maxInMemory: number;
}

/** Membership calls of a group (members) or of a user (groups). */
export interface MembershipSpec {
  add?: OperationSpec;
  remove?: OperationSpec;
  list?: ListSpec;
  /** The listed item's field holding the member's id; default id. */
  value: string;
  /** The listed item's field holding the member's display name. */
  display?: string;
}

/** SCIM attribute path → app field, with its conversions. */
export interface FieldMappingSpec {
  /** The SCIM path as written, e.g. `name.givenName`, `emails[type eq "work"].value`. */
  scim: string;
  /** The dotted app field, e.g. `name.first`, `attributes.department[0]`. */
  app: string;
  direction: 'both' | 'toApp' | 'fromApp';
  values?: Record<string, string | number | boolean>;
  transform?: 'lower' | 'upper' | 'join' | 'split' | 'epochMillis' | 'epochSeconds';
  separator: string;
  default?: string | number | boolean;
  constant?: string | number | boolean;
  createOnly: boolean;
  clear: 'null' | 'empty' | 'omit';
}

/** The operations and mappings of one resource. */
export interface ResourceMappingSpec {
  create?: OperationSpec;
  get?: OperationSpec;
  update?: OperationSpec;
  delete?: OperationSpec;
  list?: ListSpec;
  activate?: OperationSpec;
  deactivate?: OperationSpec;
  password?: OperationSpec;
  /** groups: member calls on the group. */
  members?: MembershipSpec;
  /** users: membership calls on the user. */
  groups?: MembershipSpec;
  attributes: FieldMappingSpec[];
}

/** One SCIM attribute ↔ one LDAP attribute (ldap backend): the mapping language's subset a directory uses. */
export interface LdapAttributeSpec {
  scim: string;
  /** The SCIM path with a custom attribute's extension URN in front (`urn:…:employeeNumber`). */
  qualified: string;
  ldap: string;
  direction: 'both' | 'toApp' | 'fromApp';
  transform?: 'lower' | 'upper';
  /** The SCIM attribute's type when the directory's text must be converted (LdapAttributeMapping.type). */
  type?: 'boolean' | 'integer' | 'decimal';
}

/** Where one resource type's entries live in the directory. */
export interface LdapEntrySpec {
  base: string;
  scope: 'one' | 'sub';
  objectClasses: string[];
  rdn: string;
  id: 'entryUUID' | 'nsUniqueId' | 'objectGUID';
  attributes: LdapAttributeSpec[];
}

/** The ldap backend: a directory reached at `url`, users and (optionally) groups in it. */
export interface LdapBackendSpec {
  kind: 'ldap';
  url: Setting;
  startTls: boolean;
  bindDn: Setting;
  bindPassword: Setting;
  caFile?: Setting;
  /** The schema file (absolute) or ldap:// URL the mappings were checked against. */
  schema: string;
  timeoutMs: number;
  users: LdapEntrySpec & {
    deactivation?:
      | { kind: 'attribute'; attribute: string; active: string; inactive: string }
      | { kind: 'move'; dn: string }
      | { kind: 'ppolicy' };
    passwords: boolean;
  };
  groups?: LdapEntrySpec & {
    memberAttribute: 'member' | 'uniqueMember';
    placeholder?: string;
    memberOf: boolean;
  };
}

/**
 * Where the connector keeps users and groups. YAML: `backend: none` (the default) or `backend: store`, or
 * `backend: { kind: openapi, document: openapi.yaml, baseUrl: ${APP_URL}, auth: { type: bearer, token: ${APP_TOKEN} } }`.
 */
export type BackendSpec =
  /** Stub bodies for the user to fill in. */
  | { kind: 'none' }
  /** The SDK's memory or file store (chosen at run time by STORE); every method complete. */
  | { kind: 'store' }
  /** The app's REST API described by an OpenAPI 3.0/3.1 document (mappings: a later issue). */
  | {
      kind: 'openapi';
      /** Absolute path of the OpenAPI document (YAML: a path relative to the spec file). */
      document: string;
      baseUrl: Setting;
      auth: AppAuthSpec;
      /** Path parameters filled from configuration (YAML `parameters: { orgId: ${GLOBEX_ORG} }`). */
      parameters: { name: string; setting: Setting }[];
      /** Timeout of every call to the app; default 10000. */
      timeoutMs: number;
      users?: ResourceMappingSpec;
      groups?: ResourceMappingSpec;
    }
  /** An LDAP directory. */
  | LdapBackendSpec
  /** The app's database tables, checked against its DDL file. */
  | {
      kind: 'sql';
      /** Absolute path of the DDL file (YAML: relative to the spec file). */
      ddl: string;
      /** The PostgreSQL URL setting; unset or empty at run time means the embedded PGlite database. */
      url?: Setting;
      mapping: SqlMapping;
    };

/** Server defaults; the matching environment variables win at run time. */
export interface ServerSpec {
  /** HOST; default 127.0.0.1. */
  host: string;
  /** PORT; default 8080. */
  port: number;
  /** How SCIM clients authenticate: SCIM_BEARER_TOKEN, SCIM_BASIC_USER + SCIM_BASIC_PASSWORD, or none; default bearer. */
  auth: 'bearer' | 'basic' | 'none';
  /** Default TLS files (TLS_KEY_FILE + TLS_CERT_FILE, or TLS_PFX_FILE), relative to the project. */
  tls?: { keyFile: string; certFile: string } | { pfxFile: string };
  /** ALLOW_HTTP; default false. */
  allowHttp: boolean;
  /** LOG_LEVEL; default info. */
  logLevel: string;
  /** STORE (store backend only); default memory. */
  store: 'memory' | 'file';
  /** STORE_DIR; default ./scim-data. */
  storeDir: string;
}

/** A served dialect and where. YAML: `scim: { versions: ["2.0", "1.1"], basePaths: { "2.0": … } }`. */
export interface DialectSpec {
  version: ScimVersion;
  /** Default /scim/v2 for 2.0 and /scim/v1 for 1.1. */
  basePath: string;
}

/** A whole connector.yaml, resolved. */
export interface ConnectorSpec {
  /** Absolute path of the spec file it was loaded from. */
  file: string;
  /** The project's npm package name (lower-case letters, digits, `-`). */
  name: string;
  description: string;
  /** Okta's capabilities, in the SDK's order, no duplicates. */
  capabilities: Capability[];
  /** Extra operations, in the order deleteUser, patchUser, patchGroup. */
  operations: ExtraOperation[];
  /** Served dialects, 2.0 first when both. */
  dialects: DialectSpec[];
  okta: OktaNames;
  schemas: { user?: ExtensionSpec; group?: ExtensionSpec };
  /** Seed files loaded into an empty store (absolute paths), in either dialect's form. */
  seed?: { users?: string; groups?: string };
  backend: BackendSpec;
  server: ServerSpec;
}
