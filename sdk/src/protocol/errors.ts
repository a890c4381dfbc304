// The SDK's one error catalogue: stable codes, HTTP status, SCIM `scimType`, message templates.
// Documented in sdk/docs/errors.md; a test keeps code, exports and documentation in step.

/** `scimType` values of RFC 7644 §3.12. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

interface CatalogueEntry {
  readonly status: number;
  readonly scimType?: ScimType;
  /** Okta's `internalCode` in SCIM 1.1 error bodies. */
  readonly internalCode: string;
  /** Message template; `{name}` is replaced by the parameter of that name. */
  readonly message: string;
}

/** Every error the SDK answers with, by stable code. */
export const ERROR_CATALOGUE = {
  SCIM_ERR_INVALID_FILTER: {
    status: 400,
    scimType: 'invalidFilter',
    internalCode: 'E0000001',
    message: 'Invalid filter at position {position}: {reason}',
  },
  SCIM_ERR_FILTER_OPERATOR: {
    status: 400,
    scimType: 'invalidFilter',
    internalCode: 'E0000001',
    message:
      'The filter compares {attribute} with "{op}", which a {type} attribute does not support: use eq, ne or pr',
  },
  SCIM_ERR_UNFILTERABLE: {
    status: 400,
    scimType: 'invalidFilter',
    internalCode: 'E0000001',
    message: 'The connector cannot filter on {attribute}: {reason}',
  },
  SCIM_ERR_INVALID_PATH: {
    status: 400,
    scimType: 'invalidPath',
    internalCode: 'E0000001',
    message: 'Invalid path "{path}": {reason}',
  },
  SCIM_ERR_NO_TARGET: {
    status: 400,
    scimType: 'noTarget',
    internalCode: 'E0000001',
    message: 'The path "{path}" matched no value: {reason}',
  },
  SCIM_ERR_INVALID_VALUE: {
    status: 400,
    scimType: 'invalidValue',
    internalCode: 'E0000001',
    message: 'Invalid value for "{attribute}": {reason}',
  },
  SCIM_ERR_INVALID_SYNTAX: {
    status: 400,
    scimType: 'invalidSyntax',
    internalCode: 'E0000003',
    message: 'The request could not be read: {reason}',
  },
  SCIM_ERR_MUTABILITY: {
    status: 400,
    scimType: 'mutability',
    internalCode: 'E0000001',
    message: 'The attribute "{attribute}" cannot be modified: {reason}',
  },
  SCIM_ERR_INVALID_PAGING: {
    status: 400,
    scimType: 'invalidValue',
    internalCode: 'E0000001',
    message: 'Invalid paging parameter {parameter}="{value}": {reason}',
  },
  SCIM_ERR_TOO_MANY_KEYS: {
    status: 400,
    scimType: 'invalidSyntax',
    internalCode: 'E0000003',
    message: 'The request body has more keys than the server reads: at most {limit}',
  },
  SCIM_ERR_TOO_MANY_VALUES: {
    status: 400,
    scimType: 'invalidValue',
    internalCode: 'E0000001',
    message: 'The attribute "{attribute}" has more than {limit} values',
  },
  SCIM_ERR_TOO_MANY_ATTRIBUTE_NAMES: {
    status: 400,
    scimType: 'invalidValue',
    internalCode: 'E0000001',
    message: '{parameter} names more than {limit} attributes',
  },
  SCIM_ERR_TOO_MANY: {
    status: 400,
    scimType: 'tooMany',
    internalCode: 'E0000001',
    message: 'Too many results: {reason}',
  },
  SCIM_ERR_INVALID_VERSION: {
    status: 400,
    scimType: 'invalidVers',
    internalCode: 'E0000001',
    message: 'Invalid version: {reason}',
  },
  SCIM_ERR_UNAUTHORIZED: {
    status: 401,
    internalCode: 'E0000011',
    message: 'Authentication required: {reason}',
  },
  SCIM_ERR_FORBIDDEN: {
    status: 403,
    internalCode: 'E0000006',
    message: 'Not allowed: {reason}',
  },
  SCIM_ERR_NOT_FOUND: {
    status: 404,
    internalCode: 'E0000048',
    message: '{resourceType} {id} not found',
  },
  SCIM_ERR_ROUTE_NOT_FOUND: {
    status: 404,
    internalCode: 'E0000048',
    message: 'No SCIM endpoint at {method} {url}',
  },
  SCIM_ERR_METHOD_NOT_ALLOWED: {
    status: 405,
    internalCode: 'E0000022',
    message: 'The endpoint {url} does not support {method}',
  },
  SCIM_ERR_CONFLICT: {
    status: 409,
    scimType: 'uniqueness',
    internalCode: 'E0000001',
    message: '{reason}',
  },
  SCIM_ERR_PRECONDITION_FAILED: {
    status: 412,
    internalCode: 'E0000001',
    message: 'The resource changed: {reason}',
  },
  SCIM_ERR_PAYLOAD_TOO_LARGE: {
    status: 413,
    internalCode: 'E0000001',
    message: 'The request body is larger than the limit of {limit} bytes',
  },
  SCIM_ERR_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    internalCode: 'E0000001',
    message: 'Unsupported content type "{contentType}": send application/scim+json or application/json',
  },
  SCIM_ERR_UNSUPPORTED_CHARSET: {
    status: 415,
    internalCode: 'E0000001',
    message: 'Unsupported charset "{charset}": send the body in UTF-8',
  },
  SCIM_ERR_UNSUPPORTED_ENCODING: {
    status: 415,
    internalCode: 'E0000001',
    message: 'Unsupported Content-Encoding "{encoding}": send the body uncompressed',
  },
  SCIM_ERR_INTERNAL: {
    status: 500,
    internalCode: 'E0000009',
    message: 'Internal server error (request {requestId})',
  },
  SCIM_ERR_NOT_IMPLEMENTED: {
    status: 501,
    internalCode: 'E0000060',
    message: 'This connector does not implement {operation}',
  },
  SCIM_ERR_APP_REFUSED: {
    status: 502,
    internalCode: 'E0000009',
    message: 'The app refused the connector ({reason}): {todo}',
  },
  SCIM_ERR_APP_UNAVAILABLE: {
    status: 503,
    internalCode: 'E0000009',
    message: 'The app is unavailable ({reason}): retry later',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ScimErrorCode = keyof typeof ERROR_CATALOGUE;

/** Parameters filled into a message template. */
export type ErrorParams = Readonly<Record<string, string | number>>;

function render(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The base of every error the SDK turns into a SCIM error response.
 * `position` is set for filter and path errors: the 0-based offset in the text where parsing failed.
 */
export class ScimError extends Error {
  readonly code: ScimErrorCode;
  readonly status: number;
  readonly scimType: ScimType | undefined;
  readonly internalCode: string;
  readonly position: number | undefined;
  /** Seconds the client should wait before retrying (the `Retry-After` header of a 503). */
  readonly retryAfter: number | undefined;

  constructor(
    code: ScimErrorCode,
    params: ErrorParams = {},
    options: { position?: number; cause?: unknown; retryAfter?: number } = {},
  ) {
    const entry: CatalogueEntry = ERROR_CATALOGUE[code];
    super(render(entry.message, params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ScimError';
    this.code = code;
    this.status = entry.status;
    this.scimType = entry.scimType;
    this.internalCode = entry.internalCode;
    this.position = options.position;
    this.retryAfter = options.retryAfter;
  }
}

export function isScimError(value: unknown): value is ScimError {
  return value instanceof ScimError;
}
