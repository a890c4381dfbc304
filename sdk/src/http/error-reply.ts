// Turns anything thrown while serving a request into the ScimError to answer with, fastify's own errors included.
import { toScimError } from '../protocol/error-body.js';
import { ScimError } from '../protocol/errors.js';

/**
 * fastify's errors that are the client's fault, by code; any other FST_ error with a 4xx status is
 * a request fastify could not read. (JSON itself is parsed by json-body.ts, which throws ScimErrors.)
 */
function fromFastifyError(
  error: { code?: unknown; statusCode?: unknown },
  headers: { contentType?: string; bodyLimit: number },
): ScimError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ScimError('SCIM_ERR_PAYLOAD_TOO_LARGE', { limit: headers.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ScimError('SCIM_ERR_UNSUPPORTED_MEDIA_TYPE', {
        contentType: (headers.contentType ?? '').slice(0, 100),
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ScimError('SCIM_ERR_INVALID_SYNTAX', {
        reason: 'the Content-Length does not match the body',
      });
    default:
      break;
  }
  if (
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500 &&
    typeof error.code === 'string' &&
    error.code.startsWith('FST_')
  ) {
    return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: 'the request could not be read' });
  }
  return undefined;
}

/**
 * The ScimError for a thrown value: a ScimError as it is, fastify's client errors (body too large,
 * content type, Content-Length) by their meaning, anything else SCIM_ERR_INTERNAL with the original as cause.
 */
export function scimErrorOf(
  error: unknown,
  requestId: string,
  request: { contentType?: string; bodyLimit: number },
): ScimError {
  if (error instanceof ScimError) return error;
  if (error !== null && typeof error === 'object') {
    const known = fromFastifyError(error as { code?: unknown; statusCode?: unknown }, request);
    if (known !== undefined) return known;
  }
  return toScimError(error, requestId);
}
