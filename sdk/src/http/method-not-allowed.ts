// 405 with an Allow header for the methods a known route does not support.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { ScimError } from '../protocol/errors.js';
import type { DialectAdapter } from './dialect.js';
import { sendScim } from './scim-reply.js';

const METHODS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Answers every other method on `path` with 405 and the methods it does support. */
export function allowOnly(
  scope: FastifyInstance,
  env: { readonly dialect: DialectAdapter },
  path: string,
  allowed: readonly HTTPMethods[],
): void {
  const others = METHODS.filter((m) => !allowed.includes(m));
  if (others.length === 0) return;
  const allow = (allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed).join(', ');
  const refuse = async (request: FastifyRequest, reply: FastifyReply) => {
    const err = new ScimError('SCIM_ERR_METHOD_NOT_ALLOWED', {
      method: request.method,
      url: request.url.split('?')[0] ?? '',
    });
    return sendScim(reply, env.dialect, 405, env.dialect.writeError(err), { allow });
  };
  // Answered in onRequest (after authentication), before any body is read: Okta POSTs the body
  // `test` as JSON to GET-only endpoints and expects 405, not a parse error.
  scope.route({ method: [...others], url: path, onRequest: refuse, handler: refuse });
}
