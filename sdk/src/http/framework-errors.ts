// fastify's router-level errors (bad URL encoding, an over-long path parameter) answered as SCIM errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from './auth.js';
import type { DialectAdapter } from './dialect.js';
import { toScimError } from './error-reply.js';
import { sendScim } from './scim-reply.js';
import { admitted } from './unauthorized.js';

/** A dialect mounted at a base path. */
export interface Mount {
  basePath: string;
  dialect: DialectAdapter;
}

/** The mount whose base path the URL is under, matched in any case as the router does. */
export function mountFor(mounts: readonly Mount[], url: string): Mount | undefined {
  const lower = url.toLowerCase();
  return mounts.find((m) => {
    const base = m.basePath.toLowerCase();
    return lower === base || lower.startsWith(`${base}/`) || lower.startsWith(`${base}?`);
  });
}

/**
 * fastify's `frameworkErrors` option for the standalone server: these errors are raised before
 * routing, so neither hooks nor a dialect's error handler see them; the dialect is picked by the
 * URL's base path. An unauthenticated request hears 401 and nothing of the URL.
 */
export function frameworkErrors(mounts: readonly Mount[], authenticator: Authenticator) {
  return (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void => {
    const mount = mountFor(mounts, request.url);
    const gateDialect = (mount ?? mounts[0])?.dialect;
    const gate =
      gateDialect === undefined
        ? Promise.resolve(true)
        : admitted(request, reply, authenticator, gateDialect);
    void gate.then((passed) => {
      if (!passed) return;
      if (mount === undefined) {
        const status =
          error.code === 'FST_ERR_BAD_URL' ? 400 : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 500;
        return reply.code(status).send({
          statusCode: status,
          code: error.code,
          message: status === 500 ? 'Internal Server Error' : error.message,
        });
      }
      const err = toScimError(error, request.id);
      return sendScim(reply, mount.dialect, err.status, mount.dialect.writeError(err));
    });
  };
}
