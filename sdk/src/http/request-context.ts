// Per-request facts: the request id (honoured from X-Request-Id when sane), the service context, the base URL.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Dialect } from '../protocol/dialect.js';
import type { RequestContext } from '../service/scim-service.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A client's request id is kept only when it is short and plain, so it cannot forge log lines. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the client's `X-Request-Id` if sane, else a new UUID. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** fastify's `genReqId` for the standalone server. */
export function genRequestId(req: IncomingMessage): string {
  return requestIdOf(req.headers[REQUEST_ID_HEADER]);
}

/** The service's context for a request; `readOnly` for a route that only reads and presents what it gets. */
export function serviceContext(request: FastifyRequest, dialect: Dialect, readOnly = false): RequestContext {
  const ifMatch = request.headers['if-match'];
  const ctx: RequestContext =
    typeof ifMatch === 'string'
      ? { requestId: request.id, dialect, ifMatch }
      : { requestId: request.id, dialect };
  if (readOnly) ctx.readOnly = true;
  return ctx;
}

/** A Host header used in URLs we write: anything but a plain host[:port] falls back to localhost. */
const SANE_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Absolute URL of a dialect's base: the configured server URL, else the request's protocol and Host. */
export function dialectBaseUrl(
  request: FastifyRequest,
  configured: string | undefined,
  prefix: string,
): string {
  if (configured !== undefined) return `${configured}${prefix}`;
  const host = SANE_HOST.test(request.host) ? request.host : 'localhost';
  return `${request.protocol}://${host}${prefix}`;
}
