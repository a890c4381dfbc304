// What the log keeps of a fault (a 500): the error's type, code, message and stack, with the request's secrets cut out.
import type { IncomingHttpHeaders } from 'node:http';

const CENSOR = '[redacted]';

/** Causes followed at most; a cause chain can be circular. */
const MAX_CAUSES = 5;

/** Headers whose values are credentials, whatever their scheme. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'] as const;

const PASSWORD_NAME = /password/i;

/** A header's credential and, for HTTP Basic, the decoded `user:password` and the password alone. */
function headerSecrets(value: string): string[] {
  const secrets = [value];
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(value);
  if (match?.[2] === undefined) return secrets;
  secrets.push(match[2]);
  if (match[1]?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(match[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    secrets.push(decoded, ...(colon < 0 ? [] : [decoded.slice(colon + 1)]));
  }
  return secrets;
}

/**
 * Every password in a request body: the string value of any attribute whose name says password (a
 * resource, a PATCH value object, a SCIM 1.1 partial resource), and the value of a PATCH operation
 * whose path names one. The body was bounded in depth when it was parsed.
 */
function bodySecrets(body: unknown, found: string[] = []): string[] {
  if (Array.isArray(body)) {
    for (const item of body) bodySecrets(item, found);
  } else if (body !== null && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const pathKey = Object.keys(record).find((key) => key.toLowerCase() === 'path');
    const valueKey = Object.keys(record).find((key) => key.toLowerCase() === 'value');
    const path = pathKey === undefined ? undefined : record[pathKey];
    const value = valueKey === undefined ? undefined : record[valueKey];
    if (typeof path === 'string' && PASSWORD_NAME.test(path) && typeof value === 'string') found.push(value);
    for (const [key, item] of Object.entries(record)) {
      if (PASSWORD_NAME.test(key) && typeof item === 'string') found.push(item);
      else bodySecrets(item, found);
    }
  }
  return found;
}

/** Resources the server read while serving a request, by request; searched for passwords only if it fails. */
const readResources = new WeakMap<object, unknown[]>();

/**
 * Counts the passwords in `resource`, read while serving `request`, among the request's secrets: a
 * read-apply-update PATCH hands the stored password to the update, whose error may quote it.
 */
export function holdSecretsOf(request: object, resource: unknown): void {
  readResources.set(request, [...(readResources.get(request) ?? []), resource]);
}

/**
 * The credentials and passwords a request carries (and those of resources read for it), longest
 * first, so no part of one is left behind.
 */
export function requestSecrets(request: { headers: IncomingHttpHeaders; body?: unknown }): string[] {
  const secrets: string[] = [];
  for (const name of SECRET_HEADERS) {
    const value = request.headers[name];
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      secrets.push(...headerSecrets(one));
    }
  }
  bodySecrets(readResources.get(request), secrets);
  bodySecrets(request.body, secrets);
  return [...new Set(secrets.filter((secret) => secret !== ''))].sort((a, b) => b.length - a.length);
}

/**
 * An error as logged: no fields but these, since an error's own fields (an HTTP client's request
 * config) may hold credentials. Error-like, so pino's serializer writes it as it writes any error
 * (`type` from `name`, the causes' messages and stacks appended).
 */
export interface LoggedError {
  name: string;
  message: string;
  stack?: string;
  code?: string | number;
  cause?: LoggedError;
}

/**
 * The error as the log may hold it: name, code, message and stack of it and its causes, every
 * occurrence of a secret in them replaced. A thrown non-Error is logged by its type only.
 */
export function loggedError(error: unknown, secrets: readonly string[], depth = 0): LoggedError {
  const scrub = (text: string): string =>
    secrets.reduce((result, secret) => result.split(secret).join(CENSOR), text);
  // No prototype: pino names the error by its constructor, and Object would hide the real type.
  const logged = Object.create(null) as LoggedError;
  if (!(error instanceof Error)) {
    return Object.assign(logged, { name: error === null ? 'null' : typeof error, message: '' });
  }
  const code = (error as { code?: unknown }).code;
  return Object.assign(logged, {
    name: error.name,
    message: scrub(error.message),
    ...(error.stack === undefined ? {} : { stack: scrub(error.stack) }),
    ...(typeof code === 'string' ? { code: scrub(code) } : typeof code === 'number' ? { code } : {}),
    ...(error.cause === undefined || depth >= MAX_CAUSES
      ? {}
      : { cause: loggedError(error.cause, secrets, depth + 1) }),
  });
}
