// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Every setting of the connector: connector.yaml's values as defaults, the environment winning at run time.
import { fileURLToPath } from 'node:url';
import {
  envText,
  LOG_LEVELS,
  readAuth,
  readBoolean,
  readOneOf,
  readPort,
  readSetting,
  readTls,
  readTlsOptionsFromEnv,
  type AuthOptions,
  type ScimServerOptions,
  type TlsSettings,
} from 'scim-connector-sdk';
import { CAPABILITIES, DIALECTS } from './capabilities.js';
import { OKTA, SCHEMA_OPTIONS } from './schemas.js';

export { ConfigError, type TlsSettings } from 'scim-connector-sdk';

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
    baseUrl: string;
    token: string;
  };
}

/** connector.yaml's values, used where the environment sets nothing. */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8443,
  allowHttp: false,
  logLevel: 'info',
  tls: { TLS_KEY_FILE: 'certs/key.pem', TLS_CERT_FILE: 'certs/cert.pem' },
} as const;

/** The variables read, with their meaning and default: printed by `--help`. */
export const ENVIRONMENT_HELP = [
  'Environment variables (connector.yaml holds the defaults):',
  '  PORT                 port to listen on [default: 8443]',
  '  HOST                 interface to listen on [default: 127.0.0.1]',
  '  SCIM_BEARER_TOKEN    bearer token SCIM clients must send; several separated by commas (this connector expects one)',
  '  SCIM_BASIC_USER      user name for HTTP Basic authentication',
  '  SCIM_BASIC_PASSWORD  password for HTTP Basic authentication (with SCIM_BASIC_USER)',
  '  TLS_KEY_FILE         PEM private key: serve HTTPS (with TLS_CERT_FILE) [default: certs/key.pem]',
  '  TLS_CERT_FILE        PEM certificate (with TLS_KEY_FILE) [default: certs/cert.pem]',
  '  TLS_PFX_FILE         or a PKCS#12 keystore (make one: npm run cert -- --host <name>)',
  "  TLS_PFX_PASSPHRASE   the keystore's passphrase",
  '  ALLOW_HTTP           true to serve plain HTTP on a non-loopback HOST (the Okta agent then needs -allowHttp true) [default: false]',
  '  LOG_LEVEL            pino log level: fatal, error, warn, info, debug, trace or silent [default: info]',
  "  ACME_BASE_URL        the app API's base URL [default: https://hr.acme.example/api/v1]",
  '  ACME_API_TOKEN       bearer token for the app API',
].join('\n');

/** The text `--help` prints. */
export const USAGE = [
  'Usage: npm start',
  '',
  'Provisions Okta users and groups into Acme HR employees and teams',
  'Serves SCIM 2.0 at /scim/v2 and SCIM 1.1 at /scim/v1.',
  '',
  ENVIRONMENT_HELP,
].join('\n');

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** connector.yaml's TLS files, relative to the project: used when no TLS variable is set. */
const DEFAULT_TLS: TlsSettings = Object.fromEntries(
  Object.entries(DEFAULTS.tls).map(([name, file]) => [name, `${PROJECT_ROOT}${file}`]),
);

/** Reads the settings from `env` (process.env in production, anything in tests); throws ConfigError. */
export function readConfig(env: NodeJS.ProcessEnv): ConnectorConfig {
  const host = envText(env, 'HOST') ?? DEFAULTS.host;
  return {
    host,
    port: readPort(env, DEFAULTS.port),
    auth: readAuth(env, host, 'SCIM_BEARER_TOKEN'),
    tls: readTls(env, DEFAULT_TLS),
    allowHttp: readBoolean(env, 'ALLOW_HTTP', DEFAULTS.allowHttp),
    logLevel: readOneOf(env, 'LOG_LEVEL', LOG_LEVELS, DEFAULTS.logLevel),
    app: {
      baseUrl: readSetting(env, 'ACME_BASE_URL', 'https://hr.acme.example/api/v1', "the app API's base URL"),
      token: readSetting(env, 'ACME_API_TOKEN', undefined, 'bearer token for the app API'),
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
