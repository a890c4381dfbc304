// The resolved connector.yaml: every default filled in, every path absolute; what the loader hands the planner.
import type { Capability } from 'scim-connector-sdk';

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
