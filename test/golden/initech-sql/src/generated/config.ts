// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Every setting of the connector: connector.yaml's values as defaults, the environment winning at run time.
import {
  isLoopbackHost,
  readTlsOptionsFromEnv,
  type AuthOptions,
  type ScimServerOptions,
} from 'scim-connector-sdk';
import { CAPABILITIES, DIALECTS } from './capabilities.js';
import { OKTA, SCHEMA_OPTIONS } from './schemas.js';

/** The connector's settings, read by readConfig. */
export interface ConnectorConfig {
  host: string;
  port: number;
  /** How SCIM clients authenticate; undefined means not at all (loopback only, and only without credentials). */
  auth: AuthOptions | undefined;
  /**
   * The TLS files to serve HTTPS with, by variable name (read when the server starts, so errors name the
   * variable); undefined serves plain HTTP.
   */
  tls: TlsSettings | undefined;
  allowHttp: boolean;
  logLevel: string;
  /** The app API's settings. */
  app: {
    databaseUrl: string;
  };
}

const TLS_VARIABLES = ['TLS_KEY_FILE', 'TLS_CERT_FILE', 'TLS_PFX_FILE', 'TLS_PFX_PASSPHRASE'] as const;

/** TLS_KEY_FILE and TLS_CERT_FILE, or TLS_PFX_FILE and TLS_PFX_PASSPHRASE. */
export type TlsSettings = Partial<Record<(typeof TLS_VARIABLES)[number], string>>;

/** connector.yaml's values, used where the environment sets nothing. */
export const DEFAULTS = { host: '127.0.0.1', port: 8443, allowHttp: false, logLevel: 'info' } as const;

/** The variables read, with their meaning and default: printed by `--help`. */
export const ENVIRONMENT_HELP = [
  'Environment variables (connector.yaml holds the defaults):',
  '  PORT                 port to listen on [default: 8443]',
  '  HOST                 interface to listen on [default: 127.0.0.1]',
  '  SCIM_BEARER_TOKEN    bearer token SCIM clients must send; several separated by commas (this connector expects one)',
  '  SCIM_BASIC_USER      user name for HTTP Basic authentication',
  '  SCIM_BASIC_PASSWORD  password for HTTP Basic authentication (with SCIM_BASIC_USER)',
  '  TLS_KEY_FILE         PEM private key: serve HTTPS (with TLS_CERT_FILE)',
  '  TLS_CERT_FILE        PEM certificate (with TLS_KEY_FILE)',
  '  TLS_PFX_FILE         or a PKCS#12 keystore (make one: npm run cert -- --host <name>)',
  "  TLS_PFX_PASSPHRASE   the keystore's passphrase",
  '  ALLOW_HTTP           true to serve plain HTTP on a non-loopback HOST (the Okta agent then needs -allowHttp true) [default: false]',
  '  LOG_LEVEL            pino log level: fatal, error, warn, info, debug, trace or silent [default: info]',
  '  DATABASE_URL         PostgreSQL connection URL (empty: the embedded PGlite database, made from the DDL) [default: (set in connector.yaml)]',
].join('\n');

/** The text `--help` prints. */
export const USAGE = [
  'Usage: npm start',
  '',
  "Provisions Okta users and groups into the Initech intranet's database",
  'Serves SCIM 2.0 at /scim/v2 and SCIM 1.1 at /scim/v1.',
  '',
  ENVIRONMENT_HELP,
].join('\n');

/** A setting that cannot be used; the message names the variable and what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The variable's value; unset and empty are the same. */
function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function readPort(env: NodeJS.ProcessEnv): number {
  const value = text(env, 'PORT');
  if (value === undefined) return DEFAULTS.port;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = text(env, name);
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function readOneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = text(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

/** Credentials from SCIM_BEARER_TOKEN and SCIM_BASIC_USER/SCIM_BASIC_PASSWORD; none only on a loopback host. */
function readAuth(env: NodeJS.ProcessEnv, host: string): AuthOptions | undefined {
  const bearerTokens = (text(env, 'SCIM_BEARER_TOKEN') ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  const username = text(env, 'SCIM_BASIC_USER');
  const password = text(env, 'SCIM_BASIC_PASSWORD');
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
      `HOST=${host} is not a loopback address: set SCIM_BEARER_TOKEN so clients must authenticate`,
    );
  }
  return undefined;
}

/** The TLS_* variables when any is set, else connector.yaml's files (relative to the project); none: plain HTTP. */
function readTls(env: NodeJS.ProcessEnv): TlsSettings | undefined {
  const settings: TlsSettings = {};
  for (const name of TLS_VARIABLES) {
    const value = text(env, name);
    if (value !== undefined) settings[name] = value;
  }
  if (Object.keys(settings).length > 0) return settings;
  return undefined;
}

/** A setting connector.yaml reads from the environment: the variable wins, then the spec's default. */
function setting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: string | undefined,
  meaning: string,
): string {
  const value = text(env, name) ?? fallback;
  if (value === undefined) throw new ConfigError(`${name} is not set: set it to ${meaning}`);
  return value;
}

/** Reads the settings from `env` (process.env in production, anything in tests); throws ConfigError. */
export function readConfig(env: NodeJS.ProcessEnv): ConnectorConfig {
  const host = text(env, 'HOST') ?? DEFAULTS.host;
  return {
    host,
    port: readPort(env),
    auth: readAuth(env, host),
    tls: readTls(env),
    allowHttp: readBoolean(env, 'ALLOW_HTTP', DEFAULTS.allowHttp),
    logLevel: readOneOf(env, 'LOG_LEVEL', LOG_LEVELS, DEFAULTS.logLevel),
    app: {
      databaseUrl: setting(
        env,
        'DATABASE_URL',
        '',
        'PostgreSQL connection URL (empty: the embedded PGlite database, made from the DDL)',
      ),
    },
  };
}

/**
 * What createScimServer takes, all but the service: connector.yaml's schemas, capabilities and dialects
 * with the config. Reads the TLS files; throws TlsOptionsError naming the variable of a file that cannot be used.
 */
export function serverOptions(config: ConnectorConfig): Omit<ScimServerOptions, 'service'> {
  return {
    capabilities: [...CAPABILITIES],
    schemas: SCHEMA_OPTIONS,
    okta: OKTA,
    dialects: DIALECTS,
    auth: config.auth ?? 'none',
    host: config.host,
    port: config.port,
    ...(config.tls === undefined ? {} : { tls: readTlsOptionsFromEnv(config.tls) }),
    allowHttp: config.allowHttp,
    logger: { level: config.logLevel },
  };
}
