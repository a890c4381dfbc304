// scim-connector-sdk: what a connector needs; the engine is at `/protocol`, the fastify plugin at `/fastify`, test helpers at `/testing`.

// The standalone server and its options.
export { createScimServer, type ScimServer } from './http/create-scim-server.js';
export {
  isLoopbackHost,
  type AuthOptions,
  type AuthRequest,
  type DialectOptions,
  type OktaOptions,
  type SchemaOptions,
  type ScimPluginOptions,
  type ScimServerOptions,
  type ServerTlsOptions,
} from './http/server-options.js';
export { installShutdownHandlers } from './http/shutdown.js';

// The ScimService contract a connector implements, and the resources it handles.
export {
  SERVICE_METHODS,
  type ListQuery,
  type ListResult,
  type PatchOperation,
  type RequestContext,
  type ScimService,
  type ServiceMethod,
} from './service/scim-service.js';
export {
  URN,
  type ResourceTypeName,
  type ScimGroup,
  type ScimGroupWith,
  type ScimMeta,
  type ScimMultiValue,
  type ScimResource,
  type ScimUser,
  type ScimUserWith,
} from './protocol/resource.js';
export type { AttrPath, CompareFilter, CompareOp, Filter, FilterValue } from './protocol/filter/ast.js';
export { applyListQuery } from './service/apply-list-query.js';
export { bindServedMethods } from './service/served-methods.js';
export { userNameKey } from './protocol/name-key.js';

// Errors a connector throws; the server answers each with its SCIM status and scimType.
export {
  AppRefusedError,
  AppUnavailableError,
  ConflictError,
  ForbiddenError,
  InvalidValueError,
  MutabilityError,
  NotFoundError,
  NotImplementedError,
  PreconditionFailedError,
} from './service/errors.js';
export {
  isScimError,
  ScimError,
  type ErrorParams,
  type ScimErrorCode,
  type ScimType,
} from './protocol/errors.js';

// Okta's capabilities and the service methods each one needs.
export {
  CAPABILITIES,
  capabilityTable,
  isCapability,
  methodsForCapabilities,
  methodsForCapability,
  type Capability,
  type Dialect,
} from './service/capabilities.js';

// Schemas: the core ones, attribute builders for a connector's extensions, and the registry.
export {
  attribute,
  complex,
  multiValuedComplex,
  type AttributeOptions,
} from './protocol/schemas/attribute.js';
export { COMMON_ATTRIBUTES } from './protocol/schemas/common-attributes.js';
export { USER_SCHEMA } from './protocol/schemas/core-user.js';
export { GROUP_SCHEMA } from './protocol/schemas/core-group.js';
export { ENTERPRISE_USER_SCHEMA } from './protocol/schemas/enterprise-user.js';
export {
  isValidAttributeName,
  isValidSchemaUrn,
  validateExtensionSchema,
} from './protocol/schemas/validate-extension.js';
export {
  createSchemaRegistry,
  schemaRegistryOf,
  type SchemaRegistry,
  type SchemaRegistryOptions,
  type SchemaSource,
} from './protocol/resource-schema.js';
export type {
  AttributeDefinition,
  AttributeType,
  Mutability,
  ResolvedAttribute,
  ResourceSchema,
  Returned,
  SchemaDefinition,
  Uniqueness,
} from './protocol/schema-types.js';

// Ready-made services: in memory, or kept in two JSON files.
export { MemoryStore, type MemoryStoreOptions, type StoreChange } from './stores/memory-store.js';
export { createFileStore, FileStore, FileStoreError, type FileStoreOptions } from './stores/file-store.js';

// TLS: certificates for a first run, and key/certificate files named by the environment.
export {
  createSelfSignedCertificate,
  DEFAULT_CERTIFICATE_DAYS,
  type SelfSignedCertificate,
  type SelfSignedCertificateOptions,
} from './tls/self-signed-certificate.js';
export {
  readTlsOptions,
  readTlsOptionsFromEnv,
  TLS_CERT_FILE,
  TLS_KEY_FILE,
  TLS_PFX_FILE,
  TLS_PFX_PASSPHRASE,
  TlsOptionsError,
  type TlsFileOptions,
  type TlsOptions,
} from './tls/tls-options.js';

// Settings from the environment: the readers a generated connector's config.ts calls.
export {
  ConfigError,
  envText,
  LOG_LEVELS,
  readAuth,
  readBoolean,
  readOneOf,
  readPort,
  readSetting,
  readTls,
  TLS_VARIABLES,
  type TlsSettings,
} from './config/environment.js';
