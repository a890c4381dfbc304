// What a request body's headers may say beyond its media type: UTF-8 only, no Content-Encoding.
import type { IncomingHttpHeaders } from 'node:http';
import { ScimError } from '../protocol/errors.js';

const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/** The `charset` parameter of a Content-Type, lower-cased, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = CHARSET.exec(contentType ?? '');
  return match === null ? undefined : (match[1] ?? match[2] ?? '').toLowerCase();
}

/**
 * Refuses a body the server would misread: a charset other than UTF-8 (415), or a Content-Encoding
 * (415; gzip is refused, not inflated, so the body limit bounds what is parsed).
 */
export function checkBodyHeaders(headers: IncomingHttpHeaders): void {
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    throw new ScimError('SCIM_ERR_UNSUPPORTED_ENCODING', { encoding: encoding.slice(0, 40) });
  }
  const charset = charsetOf(headers['content-type']);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ScimError('SCIM_ERR_UNSUPPORTED_CHARSET', { charset: charset.slice(0, 40) });
  }
}
