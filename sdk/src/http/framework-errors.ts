// fastify's router-level errors (bad URL encoding, an over-long path parameter) answered as SCIM errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toScimError } from '../protocol/error-body.js';
import { ScimError } from '../protocol/errors.js';
import type { ScimDialect } from './dialect.js';
import { sendScim } from './scim-reply.js';

/** A dialect mounted at a base path. */
export interface Mount {
  basePath: string;
  dialect: ScimDialect;
}

function routerErrorOf(error: Error & { code?: string }, requestId: string): ScimError {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: 'the URL is not validly percent-encoded' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ScimError('SCIM_ERR_NOT_FOUND', {
        resourceType: 'Resource',
        id: '(an id longer than any this server holds)',
      });
    default:
      return toScimError(error, requestId);
  }
}

/**
 * fastify's `frameworkErrors` option for the standalone server: these errors are raised before
 * routing, so no dialect's error handler sees them; the dialect is picked by the URL's base path.
 */
export function frameworkErrors(mounts: readonly Mount[]) {
  return (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void => {
    const url = request.url;
    const mount = mounts.find(
      (m) => url === m.basePath || url.startsWith(`${m.basePath}/`) || url.startsWith(`${m.basePath}?`),
    );
    if (mount === undefined) {
      const status =
        error.code === 'FST_ERR_BAD_URL' ? 400 : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 500;
      void reply.code(status).send({
        statusCode: status,
        code: error.code,
        message: status === 500 ? 'Internal Server Error' : error.message,
      });
      return;
    }
    const err = routerErrorOf(error, request.id);
    void sendScim(reply, mount.dialect, err.status, mount.dialect.writeError(err));
  };
}
