// The authentication gate's answers: 401 in the request's dialect with the challenges, or 500 when the verifier fails.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toScimError } from './error-reply.js';
import { ScimError } from '../protocol/errors.js';
import type { Authenticator } from './auth.js';
import type { DialectAdapter } from './dialect.js';
import { loggedError, requestSecrets } from './fault-log.js';
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
  dialect: DialectAdapter,
): FastifyReply {
  const body = dialect.writeError(unauthorizedError(request.headers));
  return sendScim(reply, dialect, 401, body, {
    ...challengeHeaders(authenticator),
    [REQUEST_ID_HEADER]: request.id,
  });
}

/**
 * The gate for requests no dialect's hook sees first (the server's root hook, router errors): true
 * when the request may go on; otherwise its answer is sent: 401, or a 500 quoting only the request
 * id when the verifier itself failed (logged without the request's credentials). Never rejects.
 */
export async function admitted(
  request: FastifyRequest,
  reply: FastifyReply,
  authenticator: Authenticator,
  dialect: DialectAdapter,
): Promise<boolean> {
  let passed: boolean;
  try {
    passed = await authenticator.check(request.headers, request.raw.socket);
  } catch (error) {
    const logged = loggedError(error, requestSecrets(request));
    request.log.error({ err: logged, requestId: request.id }, 'SCIM request failed');
    const err = toScimError(error, request.id);
    sendScim(reply, dialect, err.status, dialect.writeError(err), { [REQUEST_ID_HEADER]: request.id });
    return false;
  }
  if (!passed) sendUnauthorized(request, reply, authenticator, dialect);
  return passed;
}
