// The app's failed answers as SCIM errors: 404, 409, 400, 502 naming the setting to fix, 503 with Retry-After.
import { ScimError } from '../protocol/errors.js';
import type { ResourceTypeName } from '../protocol/resource.js';
import {
  AppRefusedError,
  AppUnavailableError,
  ConflictError,
  InvalidValueError,
  NotFoundError,
} from '../service/errors.js';
import type { AppSettings } from './app-settings.js';

/** Seconds a client is told to wait when the app gives no Retry-After of its own. */
export const DEFAULT_RETRY_AFTER = 30;

export function unavailable(reason: string, cause?: unknown): AppUnavailableError {
  return new AppUnavailableError(reason, DEFAULT_RETRY_AFTER, cause === undefined ? {} : { cause });
}

/** What a call is, for the errors it may raise. */
export interface CallContext {
  resource: ResourceTypeName;
  id?: string;
  /** e.g. `GET /employees/{employeeId}`. */
  call: string;
  settings: AppSettings;
}

/** The context of one call, for its errors. */
export function context(
  settings: AppSettings,
  resource: ResourceTypeName,
  call: string,
  id?: string,
): CallContext {
  return id === undefined ? { resource, call, settings } : { resource, call, settings, id };
}

/** The app's own words from an error body: message, detail, title or error_description. */
function appMessage(error: unknown, status: number): string {
  if (typeof error === 'string' && error !== '') return error;
  if (typeof error === 'object' && error !== null) {
    for (const key of ['message', 'detail', 'title', 'error_description', 'error']) {
      const value = (error as Record<string, unknown>)[key];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return `the app answered ${status}`;
}

/** The SCIM error for an app's failed answer: 404, 409 uniqueness, 400 with its message, 502 or 503. */
export function appError(response: Response, error: unknown, context: CallContext): ScimError {
  const { status } = response;
  const where = `${status} from ${context.call}`;
  if (status === 404) return new NotFoundError(context.resource, context.id ?? '');
  if (status === 409) return new ConflictError(appMessage(error, status));
  if (status === 400 || status === 422)
    return new InvalidValueError(context.resource, appMessage(error, status));
  if (status === 401 || status === 403)
    return new AppRefusedError(where, `check ${context.settings.credentials}`);
  if (status === 429 || status >= 500) {
    const header = Number(response.headers.get('retry-after'));
    const wait = Number.isInteger(header) && header > 0 ? header : DEFAULT_RETRY_AFTER;
    return new AppUnavailableError(where, wait);
  }
  return new AppRefusedError(where, 'the app answered what its OpenAPI document does not describe');
}

/** The data of a successful answer, else the translated error thrown. */
export function expectOk<T>(
  result: { data?: T; error?: unknown; response: Response },
  context: CallContext,
): T {
  if (!result.response.ok) throw appError(result.response, result.error, context);
  return result.data as T;
}

/** The id in a Location header: its last path segment. */
export function idFromLocation(response: Response, context: CallContext): string {
  const location = response.headers.get('location');
  const id =
    location === null ? undefined : new URL(location, 'http://app').pathname.split('/').filter(Boolean).pop();
  if (id === undefined)
    throw new AppRefusedError(`${context.call} sent no Location`, 'the connector cannot learn the new id');
  return decodeURIComponent(id);
}

/** Runs a call made after `applied` calls of the same request; a failure names them (as changeMembers does). */
export async function followUp<T>(
  applied: readonly string[],
  call: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw partlyApplied(error, applied, [call]);
  }
}

/**
 * The error of a request whose calls stopped part-way: 503 (retry: the calls converge) when the app was
 * unavailable, else 502; both name what was applied and what was not. With nothing applied, the call's own error.
 */
export function partlyApplied(
  error: unknown,
  applied: readonly string[],
  pending: readonly string[],
): unknown {
  if (applied.length === 0 || !(error instanceof ScimError)) return error;
  const reason = `${pending[0] ?? 'a call'} failed with ${error.status}; applied, in order: ${applied.join(', ')}; not applied: ${pending.join(', ')}`;
  return error instanceof AppUnavailableError
    ? new AppUnavailableError(reason, error.retryAfter ?? DEFAULT_RETRY_AFTER, { cause: error })
    : new AppRefusedError(reason, 'the change is partly applied: read the resource and send it again', {
        cause: error,
      });
}
