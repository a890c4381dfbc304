// The server's pino options: level info by default, and secrets redacted whatever the caller adds.
import type { FastifyServerOptions } from 'fastify';

/** Paths pino censors in every log line: credentials in headers, cookies, passwords anywhere we can name. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  'body.password',
  'user.password',
];

/** The caller's own redaction paths, given as pino takes them: an array or `{ paths }`. */
function redactPaths(redact: unknown): string[] {
  const paths = Array.isArray(redact)
    ? redact
    : redact !== null && typeof redact === 'object' && Array.isArray((redact as { paths?: unknown }).paths)
      ? (redact as { paths: unknown[] }).paths
      : [];
  return paths.filter((path): path is string => typeof path === 'string');
}

/**
 * fastify's logger option. The default request serializer logs method, url, host and remote address
 * only (no headers, no body), and the redaction is a second line should a caller log more.
 */
export function loggerOptions(
  setting: boolean | Record<string, unknown> | undefined,
): FastifyServerOptions['logger'] {
  if (setting === false) return false;
  const given = setting === true || setting === undefined ? {} : setting;
  const extra = redactPaths(given['redact']);
  return { level: 'info', ...given, redact: { paths: [...REDACTED_PATHS, ...extra], censor: '[redacted]' } };
}
