// A ScimError as the error body of each dialect.
import type { ScimError } from './errors.js';
import { URN } from './resource.js';

/** The SCIM 2.0 error body (RFC 7644 §3.12): `status` is a string. */
export interface ErrorBody20 {
  schemas: [typeof URN.error];
  status: string;
  scimType?: string;
  detail: string;
}

/**
 * The SCIM 1.1 error body: the Okta Provisioning Agent reads `errors`; Okta's cloud conformance
 * checks of 1.1 servers read `detail` and `status`, so the body carries both.
 */
export interface ErrorBody11 {
  errors: [{ statusCode: number; internalCode: string; description: string; help_url: null }];
  schemas: [typeof URN.core11];
  status: string;
  scimType?: string;
  detail: string;
}

export function errorBody20(err: ScimError): ErrorBody20 {
  return {
    schemas: [URN.error],
    status: String(err.status),
    ...(err.scimType === undefined ? {} : { scimType: err.scimType }),
    detail: err.message,
  };
}

export function errorBody11(err: ScimError): ErrorBody11 {
  return {
    errors: [
      { statusCode: err.status, internalCode: err.internalCode, description: err.message, help_url: null },
    ],
    schemas: [URN.core11],
    detail: err.message,
    status: String(err.status),
    ...(err.scimType === undefined ? {} : { scimType: err.scimType }),
  };
}
