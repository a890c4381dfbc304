// The 401 answer: a SCIM error in the request's dialect with the scheme challenges, and nothing else.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ScimError } from '../protocol/errors.js';
import type { Authenticator } from './auth.js';
import type { ScimDialect } from './dialect.js';
import { REQUEST_ID_HEADER } from './request-context.js';
import { sendScim } from './scim-reply.js';

/** The error for a request whose credentials are missing or not accepted. */
export function unauthorizedError(headers: IncomingHttpHeaders): ScimError {
  return new ScimError('SCIM_ERR_UNAUTHORIZED', {
    reason:
      headers.authorization === undefined ? 'no credentials were sent' : 'the credentials were not accepted',
  });
}

/** `WWW-Authenticate` with one challenge per configured scheme (none when auth is 'none'). */
export function challengeHeaders(authenticator: Authenticator): Record<string, string> {
  return authenticator.challenges.length === 0
    ? {}
    : { 'www-authenticate': authenticator.challenges.join(', ') };
}

/** Sends the 401 directly, for gates that run outside a dialect's error handler. */
export function sendUnauthorized(
  request: FastifyRequest,
  reply: FastifyReply,
  authenticator: Authenticator,
  dialect: ScimDialect,
): FastifyReply {
  const body = dialect.writeError(unauthorizedError(request.headers));
  return sendScim(reply, dialect, 401, body, {
    ...challengeHeaders(authenticator),
    [REQUEST_ID_HEADER]: request.id,
  });
}
