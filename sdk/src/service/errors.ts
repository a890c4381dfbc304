// Errors a connector throws from its service methods; the server turns each into its SCIM error response.
import { ScimError } from '../protocol/errors.js';
import type { ResourceTypeName } from '../protocol/resource.js';

/** The resource does not exist: 404. */
export class NotFoundError extends ScimError {
  constructor(resourceType: ResourceTypeName, id: string) {
    super('SCIM_ERR_NOT_FOUND', { resourceType, id });
    this.name = 'NotFoundError';
  }
}

/** A unique attribute (userName, a group's displayName) is taken: 409 uniqueness. */
export class ConflictError extends ScimError {
  constructor(reason: string) {
    super('SCIM_ERR_CONFLICT', { reason });
    this.name = 'ConflictError';
  }
}

/** A value the backend cannot accept: 400 invalidValue. */
export class InvalidValueError extends ScimError {
  constructor(attribute: string, reason: string) {
    super('SCIM_ERR_INVALID_VALUE', { attribute, reason });
    this.name = 'InvalidValueError';
  }
}

/** The attribute cannot be changed: 400 mutability. */
export class MutabilityError extends ScimError {
  constructor(attribute: string, reason: string) {
    super('SCIM_ERR_MUTABILITY', { attribute, reason });
    this.name = 'MutabilityError';
  }
}

/** The backend refuses the caller: 403. */
export class ForbiddenError extends ScimError {
  constructor(reason: string) {
    super('SCIM_ERR_FORBIDDEN', { reason });
    this.name = 'ForbiddenError';
  }
}

/** The version the client expects is not the current one: 412. */
export class PreconditionFailedError extends ScimError {
  constructor(reason: string) {
    super('SCIM_ERR_PRECONDITION_FAILED', { reason });
    this.name = 'PreconditionFailedError';
  }
}

/** Thrown by a method stub that is not written yet: 501, and the tester reports it as pending. */
export class NotImplementedError extends ScimError {
  constructor(operation: string) {
    super('SCIM_ERR_NOT_IMPLEMENTED', { operation });
    this.name = 'NotImplementedError';
  }
}

/** The app behind the connector refuses the connector's own credentials: 502, naming the setting to fix. */
export class AppRefusedError extends ScimError {
  constructor(reason: string, todo: string, options: { cause?: unknown } = {}) {
    super('SCIM_ERR_APP_REFUSED', { reason, todo }, options);
    this.name = 'AppRefusedError';
  }
}

/** The app behind the connector is overloaded, failing or unreachable: 503 with `Retry-After`. */
export class AppUnavailableError extends ScimError {
  constructor(reason: string, retryAfter: number, options: { cause?: unknown } = {}) {
    super('SCIM_ERR_APP_UNAVAILABLE', { reason }, { ...options, retryAfter });
    this.name = 'AppUnavailableError';
  }
}
