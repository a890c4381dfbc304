// Tells a client that went away mid-request (the connection closed before its body was read) from a fault.
import type { IncomingMessage } from 'node:http';

/**
 * True when `error` is Node's "aborted" (ECONNRESET) for a request whose connection is gone: the
 * client left before sending its whole body, nothing the server did wrong.
 */
export function isClientGone(error: unknown, raw: Pick<IncomingMessage, 'destroyed'>): boolean {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return code === 'ECONNRESET' && raw.destroyed;
}
