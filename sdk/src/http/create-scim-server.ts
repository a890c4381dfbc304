// The standalone server: fastify with TLS or loopback HTTP, the SCIM plugin, /healthz, listen and close.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { TLS_POLICY } from '../tls/cipher-policy.js';
import { createAuthenticator } from './auth.js';
import { availableDialects, dialectDefinition } from './dialect-table.js';
import { frameworkErrors, mountFor, type Mount } from './framework-errors.js';
import { loggerOptions, plainRequestLines, ScimLogController, writePlainLinesWith } from './logger.js';
import { lazyRequestLogger } from './request-logger.js';
import { genRequestId } from './request-context.js';
import { scimPlugin } from './scim-plugin.js';
import { startupLines } from './startup-log.js';
import { admitted } from './unauthorized.js';
import {
  checkTransport,
  DEFAULT_HOST,
  resolvePluginOptions,
  resolveTimeouts,
  type ScimServerOptions,
} from './server-options.js';

const HEALTHZ = '/healthz';

/** Ids longer than this (LDAP DNs can be long) are refused by the router before any route runs. */
export const MAX_ID_LENGTH = 2048;

/** A running (or ready to run) SCIM server. */
export interface ScimServer {
  /**
   * The fastify instance: add routes, hooks, or `inject` requests in tests. Routes you add are
   * behind the server's authentication like every path but `/healthz`.
   */
  readonly app: FastifyInstance;
  /**
   * Starts listening on the configured host and port and logs each dialect's URL and the auth
   * schemes; resolves with the server's URL.
   */
  listen(): Promise<string>;
  /** Stops accepting connections and resolves once in-flight requests have been answered. */
  close(): Promise<void>;
  /** Where the server listens, once listening. */
  readonly address: AddressInfo | undefined;
  /** `http(s)://host:port` once listening. */
  readonly url: string | undefined;
}

/**
 * Builds the standalone SCIM server from the options (see ScimServerOptions). Throws when the options
 * are wrong, when a capability needs a service method that is missing, or when plain HTTP would be
 * served on a non-loopback host without `allowHttp: true`.
 */
export async function createScimServer(options: ScimServerOptions): Promise<ScimServer> {
  checkTransport(options);
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? 0;
  const { requestTimeout, keepAliveTimeout, ...nodeTimeouts } = resolveTimeouts(options);
  const resolved = resolvePluginOptions(options, availableDialects());
  const { schemas } = resolved;
  const authenticator = createAuthenticator(resolved.auth);
  const mounts: Mount[] = resolved.dialects.map(({ dialect, basePath }) => ({
    basePath,
    dialect: dialectDefinition(dialect).create({
      schemas,
      okta: resolved.okta,
      maxResults: resolved.maxResults,
    }),
  }));
  const logController = new ScimLogController();
  const app = Fastify({
    logger: loggerOptions(options.logger),
    logController,
    // No logger, no children: fastify then hands every request the logger itself.
    ...(options.logger === false ? {} : { childLoggerFactory: lazyRequestLogger }),
    bodyLimit: resolved.bodyLimit,
    // Clients send `/scim/v2/users` and `/Users/?filter=…`; ids keep their case (params are not lowered).
    routerOptions: { maxParamLength: MAX_ID_LENGTH, caseSensitive: false, ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrors(mounts, authenticator),
    genReqId: genRequestId,
    requestIdHeader: false,
    return503OnClosing: true,
    requestTimeout,
    keepAliveTimeout,
    // Node's own options, handed to http(s).createServer: fastify has none for these.
    ...(options.tls === undefined
      ? { http: nodeTimeouts }
      : { https: { ...options.tls, ...TLS_POLICY, ...nodeTimeouts } }),
  }) as unknown as FastifyInstance;
  if (plainRequestLines(options.logger)) writePlainLinesWith(logController, app.log);
  app.get(HEALTHZ, async (_request, reply) => reply.code(200).send({ status: 'ok' }));
  // Every path but /healthz is behind authentication, so an unauthenticated client learns nothing
  // of the routes (not even that one exists); the dialect of the URL's base path writes the 401.
  app.addHook('onRequest', (request, reply, done) => {
    const mount = mountFor(mounts, request.url) ?? mounts[0];
    if (request.routeOptions.url === HEALTHZ || mount === undefined) return done();
    if (authenticator.known(request.headers, request.raw.socket) === true) return done();
    // Refused, or for the verifier to decide: admitted sends the answer when it refuses.
    void admitted(request, reply, authenticator, mount.dialect).then((passed) => {
      if (passed) done();
    });
  });
  await app.register(scimPlugin, options);
  const scheme = options.tls === undefined ? 'http' : 'https';
  const address = (): AddressInfo | undefined => {
    const found = app.server.address();
    return found !== null && typeof found === 'object' ? found : undefined;
  };
  const url = (): string | undefined => {
    const bound = address();
    return bound === undefined
      ? undefined
      : `${scheme}://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`;
  };
  return {
    app,
    async listen() {
      await app.listen({ host, port });
      const listening = url() ?? '';
      for (const line of startupLines(listening, resolved.dialects, resolved.auth)) app.log.info(line);
      return listening;
    },
    close: () => app.close(),
    get address() {
      return address();
    },
    get url() {
      return url();
    },
  };
}
