// Directory answers translated to SCIM errors: 404, 409, 400, 503, or 502 for the connector's own credentials.
import {
  AdminLimitExceededError,
  AlreadyExistsError,
  BusyError,
  ConstraintViolationError,
  InsufficientAccessError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  InvalidSyntaxError,
  NamingViolationError,
  NoSuchAttributeError,
  NoSuchObjectError,
  NotAllowedOnRDNError,
  ObjectClassViolationError,
  ResultCodeError,
  TypeOrValueExistsError,
  UnavailableError,
  UndefinedTypeError,
  UnwillingToPerformError,
} from 'ldapts';
import type { ResourceTypeName } from '../protocol/resource.js';
import {
  AppRefusedError,
  AppUnavailableError,
  ConflictError,
  InvalidValueError,
  NotFoundError,
} from '../service/errors.js';
import { ScimError } from '../protocol/errors.js';

const invalid = [
  ConstraintViolationError,
  ObjectClassViolationError,
  InvalidSyntaxError,
  InvalidDNSyntaxError,
  NamingViolationError,
  NotAllowedOnRDNError,
  UndefinedTypeError,
  TypeOrValueExistsError,
  NoSuchAttributeError,
  UnwillingToPerformError,
];

/** What the operation was about, for the error's text. */
export interface LdapErrorSubject {
  resourceType: ResourceTypeName;
  id: string;
}

/**
 * A SCIM error for what the directory answered. A SCIM error passes through unchanged; a network
 * failure or timeout is 503 like `unavailable` and `busy`.
 */
export function translateLdapError(error: unknown, subject: LdapErrorSubject): Error {
  if (error instanceof ScimError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NoSuchObjectError) return new NotFoundError(subject.resourceType, subject.id);
  if (error instanceof AlreadyExistsError)
    return new ConflictError(`the directory already holds that entry: ${message}`);
  if (invalid.some((type) => error instanceof type))
    return new InvalidValueError(subject.resourceType, message);
  if (error instanceof InvalidCredentialsError || error instanceof InsufficientAccessError) {
    return new AppRefusedError(
      message,
      'check the bind DN and password the connector binds with, and their access rights',
      {
        cause: error,
      },
    );
  }
  if (
    error instanceof UnavailableError ||
    error instanceof BusyError ||
    error instanceof AdminLimitExceededError
  ) {
    return new AppUnavailableError(`the directory is ${message}`, 5, { cause: error });
  }
  if (error instanceof ResultCodeError)
    return new AppUnavailableError(`the directory answered ${message}`, 5, { cause: error });
  return new AppUnavailableError(`the directory cannot be reached: ${message}`, 5, { cause: error });
}
