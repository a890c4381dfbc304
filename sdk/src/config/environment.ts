// Reads a connector's settings from the environment: one reader per kind of value, each error naming the variable.
import { isLoopbackHost, type AuthOptions } from '../http/server-options.js';
import { TLS_CERT_FILE, TLS_KEY_FILE, TLS_PFX_FILE, TLS_PFX_PASSPHRASE } from '../tls/tls-options.js';

/** A setting that cannot be used; the message names the variable and what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The log levels LOG_LEVEL accepts (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables that name a connector's TLS files. */
export const TLS_VARIABLES = [TLS_KEY_FILE, TLS_CERT_FILE, TLS_PFX_FILE, TLS_PFX_PASSPHRASE] as const;

/** TLS_KEY_FILE and TLS_CERT_FILE, or TLS_PFX_FILE and TLS_PFX_PASSPHRASE. */
export type TlsSettings = Partial<Record<(typeof TLS_VARIABLES)[number], string>>;

/** The variable's value; unset and empty are the same. */
export function envText(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** PORT as a whole number from 0 to 65535, else `fallback`. */
export function readPort(env: NodeJS.ProcessEnv, fallback: number): number {
  const value = envText(env, 'PORT');
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** true/1/yes or false/0/no, any case; unset gives `fallback`. */
export function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = envText(env, name);
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

/** One of `allowed`; unset gives `fallback`. */
export function readOneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = envText(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

/**
 * Credentials from SCIM_BEARER_TOKEN (comma-separated) and SCIM_BASIC_USER/SCIM_BASIC_PASSWORD; none only on
 * a loopback host, else the error tells to set `expected` (the connector's own credential variables).
 */
export function readAuth(env: NodeJS.ProcessEnv, host: string, expected: string): AuthOptions | undefined {
  const bearerTokens = (envText(env, 'SCIM_BEARER_TOKEN') ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  const username = envText(env, 'SCIM_BASIC_USER');
  const password = envText(env, 'SCIM_BASIC_PASSWORD');
  if (username !== undefined && password === undefined) {
    throw new ConfigError(
      'SCIM_BASIC_USER is set but SCIM_BASIC_PASSWORD is not: set both for HTTP Basic authentication',
    );
  }
  if (password !== undefined && username === undefined) {
    throw new ConfigError(
      'SCIM_BASIC_PASSWORD is set but SCIM_BASIC_USER is not: set both for HTTP Basic authentication',
    );
  }
  const auth: AuthOptions = {};
  if (bearerTokens.length > 0) auth.bearerTokens = bearerTokens;
  if (username !== undefined && password !== undefined) auth.basic = [{ username, password }];
  if (auth.bearerTokens !== undefined || auth.basic !== undefined) return auth;
  if (!isLoopbackHost(host)) {
    throw new ConfigError(
      `HOST=${host} is not a loopback address: set ${expected} so clients must authenticate`,
    );
  }
  return undefined;
}

/** The TLS_* variables when any is set, else `fallback` (undefined: plain HTTP). */
export function readTls(env: NodeJS.ProcessEnv, fallback?: TlsSettings): TlsSettings | undefined {
  const settings: TlsSettings = {};
  for (const name of TLS_VARIABLES) {
    const value = envText(env, name);
    if (value !== undefined) settings[name] = value;
  }
  return Object.keys(settings).length > 0 ? settings : fallback;
}

/** A setting the connector reads from the environment: the variable wins, then `fallback`; `meaning` says what to set. */
export function readSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: string | undefined,
  meaning: string,
): string {
  const value = envText(env, name) ?? fallback;
  if (value === undefined) throw new ConfigError(`${name} is not set: set it to ${meaning}`);
  return value;
}
