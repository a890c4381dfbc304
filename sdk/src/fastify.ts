// scim-connector-sdk/fastify: the SCIM server as a fastify plugin, for apps that mount it in a fastify app of their own.

export { scimPlugin } from './http/scim-plugin.js';
export type {
  AuthOptions,
  AuthRequest,
  DialectOptions,
  OktaOptions,
  SchemaOptions,
  ScimPluginOptions,
} from './http/server-options.js';
export { MAX_ID_LENGTH } from './http/create-scim-server.js';
// Turns anything a route throws (fastify's own request and router errors included) into the SCIM error to answer with.
export { toScimError } from './http/error-reply.js';
// The standalone server's log settings, for an app that wants the same redaction and request lines.
export { loggerOptions, REDACTED_PATHS, ScimLogController } from './http/logger.js';
