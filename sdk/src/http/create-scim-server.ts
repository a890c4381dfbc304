// The standalone server: fastify with TLS or loopback HTTP, the SCIM plugin, /healthz, listen and close.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { createSchemaRegistry } from '../protocol/resource-schema.js';
import { TLS_POLICY } from '../tls/cipher-policy.js';
import { availableDialects, dialectDefinition } from './dialect-table.js';
import { frameworkErrors, type Mount } from './framework-errors.js';
import { loggerOptions, ScimLogController } from './logger.js';
import { genRequestId } from './request-context.js';
import { scimPlugin } from './scim-plugin.js';
import { startupLines } from './startup-log.js';
import {
  checkTransport,
  DEFAULT_HOST,
  resolvePluginOptions,
  type ScimServerOptions,
} from './server-options.js';

/** Ids longer than this (LDAP DNs can be long) are refused by the router before any route runs. */
export const MAX_ID_LENGTH = 2048;

/** A running (or ready to run) SCIM server. */
export interface ScimServer {
  /** The fastify instance: add routes, hooks, or `inject` requests in tests. */
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
  const resolved = resolvePluginOptions(options, availableDialects());
  const schemas = createSchemaRegistry(resolved.schemas);
  const mounts: Mount[] = resolved.dialects.map(({ dialect, basePath }) => ({
    basePath,
    dialect: dialectDefinition(dialect).create({
      schemas,
      okta: resolved.okta,
      maxResults: resolved.maxResults,
    }),
  }));
  const app = Fastify({
    logger: loggerOptions(options.logger),
    logController: new ScimLogController(),
    bodyLimit: resolved.bodyLimit,
    routerOptions: { maxParamLength: MAX_ID_LENGTH },
    frameworkErrors: frameworkErrors(mounts),
    genReqId: genRequestId,
    requestIdHeader: false,
    return503OnClosing: true,
    ...(options.tls === undefined ? {} : { https: { ...options.tls, ...TLS_POLICY } }),
  }) as unknown as FastifyInstance;
  app.get('/healthz', async (_request, reply) => reply.code(200).send({ status: 'ok' }));
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
