// Turns anything thrown while serving a request into the ScimError to answer with: the one place every error path uses.
import { ScimError } from '../protocol/errors.js';

/** What the answer may quote of the request; absent fields are unknown where the error arose. */
export interface ErrorRequest {
  /** The request's Content-Type header. */
  contentType?: string | undefined;
  /** The body limit in force, when the error came from reading a body. */
  bodyLimit?: number | undefined;
}

/**
 * fastify's errors that are the client's fault, by code; any other FST_ error with a 4xx status is
 * a request fastify could not read. (JSON itself is parsed by json-body.ts, which throws ScimErrors.)
 */
function fromFastifyError(
  error: { code?: unknown; statusCode?: unknown },
  request: ErrorRequest,
): ScimError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      if (request.bodyLimit === undefined) break;
      return new ScimError('SCIM_ERR_PAYLOAD_TOO_LARGE', { limit: request.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ScimError('SCIM_ERR_UNSUPPORTED_MEDIA_TYPE', {
        contentType: (request.contentType ?? '').slice(0, 100),
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ScimError('SCIM_ERR_INVALID_SYNTAX', {
        reason: 'the Content-Length does not match the body',
      });
    // The router's own errors, raised before any route or hook runs.
    case 'FST_ERR_BAD_URL':
      return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: 'the URL is not validly percent-encoded' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ScimError('SCIM_ERR_NOT_FOUND', {
        resourceType: 'Resource',
        id: '(an id longer than any this server holds)',
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
 * The ScimError for a thrown value: a ScimError as it is, fastify's client and router errors by
 * their meaning, anything else an internal fault. An internal fault's answer quotes the request id
 * and nothing of the fault itself (its message could hold data or secrets); the original stays
 * reachable as `cause` for the server's log.
 */
export function toScimError(error: unknown, requestId: string, request: ErrorRequest = {}): ScimError {
  if (error instanceof ScimError) return error;
  if (error !== null && typeof error === 'object') {
    const known = fromFastifyError(error, request);
    if (known !== undefined) return known;
  }
  return new ScimError('SCIM_ERR_INTERNAL', { requestId }, { cause: error });
}
