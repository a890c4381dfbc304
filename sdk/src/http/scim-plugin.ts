// The fastify plugin: mounts each served dialect under its base path with auth, body parsing, errors and routes.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ScimError } from '../protocol/errors.js';
import { createAuthenticator, type Authenticator } from './auth.js';
import { DEFAULT_REQUEST_CONTENT_TYPES, type DialectAdapter } from './dialect.js';
import { availableDialects, dialectDefinition } from './dialect-table.js';
import { discoveryInfo, type StaticDiscoveryInfo } from './discovery.js';
import { registerDiscoveryRoutes } from './discovery-routes.js';
import { isClientGone } from './client-gone.js';
import { toScimError } from './error-reply.js';
import { loggedError, requestSecrets } from './fault-log.js';
import { checkBodyHeaders } from './body-headers.js';
import { readJsonBody } from './json-body.js';
import { registerResourceRoutes, type DialectEnv } from './resource-routes.js';
import { dialectBaseUrl, REQUEST_ID_HEADER } from './request-context.js';
import { sendScim } from './scim-reply.js';
import { challengeHeaders, unauthorizedError } from './unauthorized.js';
import {
  resolvePluginOptions,
  type ResolvedPluginOptions,
  type ScimPluginOptions,
} from './server-options.js';

interface MountParams {
  options: ResolvedPluginOptions;
  dialect: DialectAdapter;
  authenticator: Authenticator;
  info: StaticDiscoveryInfo;
  env: Omit<DialectEnv, 'baseUrl'>;
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  params: MountParams,
  error: unknown,
): FastifyReply {
  // A client that left mid-body is no fault (the onRequestAbort hook logs it); the answer reaches no one.
  const gone = isClientGone(error, request.raw);
  const err = toScimError(error, request.id, {
    ...(request.headers['content-type'] === undefined
      ? {}
      : { contentType: request.headers['content-type'] }),
    bodyLimit: params.options.bodyLimit,
  });
  if (err.status >= 500 && err.status !== 501 && !gone) {
    // The service's error may quote what it was given: the log gets it without the request's secrets.
    const logged = loggedError(err.cause ?? err, requestSecrets(request));
    request.log.error({ err: logged, requestId: request.id }, 'SCIM request failed');
  }
  const headers: Record<string, string> =
    err.status === 401 ? { ...challengeHeaders(params.authenticator) } : {};
  if (err.retryAfter !== undefined) headers['Retry-After'] = String(err.retryAfter);
  return sendScim(reply, params.dialect, err.status, params.dialect.writeError(err), headers);
}

/** Everything under one dialect's prefix; encapsulated, so none of it touches the host app. */
async function mountDialect(scope: FastifyInstance, params: MountParams): Promise<void> {
  const { options, dialect, authenticator } = params;
  const env: DialectEnv = {
    ...params.env,
    baseUrl: (request) => dialectBaseUrl(request, options.baseUrl, scope.prefix),
  };

  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    [...(dialect.requestContentTypes ?? DEFAULT_REQUEST_CONTENT_TYPES)],
    async (request: FastifyRequest, payload: IncomingMessage) => {
      checkBodyHeaders(request.headers);
      return readJsonBody(payload, request.headers, options.bodyLimit);
    },
  );

  scope.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (authenticator.known(request.headers, request.raw.socket) === true) return done();
    authenticator.check(request.headers, request.raw.socket).then(
      (passed) => done(passed ? undefined : unauthorizedError(request.headers)),
      // A verifier's failure goes to the error handler as it was thrown: a 500 that quotes only the request id.
      (error: unknown) => done(error as Error),
    );
  });

  scope.addHook('onRequestAbort', async (request) => {
    request.log.info('client disconnected before the answer was sent');
  });

  scope.setErrorHandler((error, request, reply) => sendError(request, reply, params, error));
  scope.setNotFoundHandler((request, reply) => {
    const err = new ScimError('SCIM_ERR_ROUTE_NOT_FOUND', {
      method: request.method,
      url: (request.url.split('?')[0] ?? '').slice(0, 200),
    });
    return sendScim(reply, dialect, 404, dialect.writeError(err));
  });

  registerResourceRoutes(scope, env);
  registerDiscoveryRoutes(scope, env, params.info);
}

/**
 * The SCIM server as a fastify plugin: `await app.register(scimPlugin, options)` serves every
 * enabled dialect under its base path (below any prefix the plugin is registered with). Throws at
 * registration when the options are wrong or the service lacks a method its capabilities need.
 * Mounted in your own app, request ids, the logger, router options (`maxParamLength`, and
 * `caseSensitive: false` with `ignoreTrailingSlash: true`, which clients that send `/users` or
 * `/Users/` need), timeouts and `frameworkErrors` stay your app's; `createScimServer` sets them for
 * the standalone server.
 */
export const scimPlugin: FastifyPluginAsync<ScimPluginOptions> = async (app, pluginOptions) => {
  const options = resolvePluginOptions(pluginOptions, availableDialects());
  const { schemas } = options;
  const authenticator = createAuthenticator(options.auth);
  const info = discoveryInfo(options.service, schemas, options);
  for (const { dialect: version, basePath } of options.dialects) {
    const dialect = dialectDefinition(version).create({
      schemas,
      okta: options.okta,
      maxResults: options.maxResults,
    });
    const params: MountParams = {
      options,
      dialect,
      authenticator,
      info,
      env: { dialect, service: options.service, schemas, maxResults: options.maxResults },
    };
    await app.register(async (scope) => mountDialect(scope, params), { prefix: basePath });
  }
};
