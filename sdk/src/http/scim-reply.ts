// Sending SCIM bodies: the dialect's content type, the body serialized once, extra headers.
import type { FastifyReply } from 'fastify';
import type { DialectAdapter } from './dialect.js';

export function sendScim(
  reply: FastifyReply,
  dialect: DialectAdapter,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FastifyReply {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.code(status).type(dialect.contentType).send(JSON.stringify(body));
}
