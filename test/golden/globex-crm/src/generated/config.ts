// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Every setting of the connector: connector.yaml's values as defaults, the environment winning at run time.
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
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    orgId: string;
  };
}

/** connector.yaml's values, used where the environment sets nothing. */
export const DEFAULTS = { host: '0.0.0.0', port: 8080, allowHttp: false, logLevel: 'warn' } as const;

/** The variables read, with their meaning and default: printed by `--help`. */
export const ENVIRONMENT_HELP = [
  'Environment variables (connector.yaml holds the defaults):',
  '  PORT                  port to listen on [default: 8080]',
  '  HOST                  interface to listen on [default: 0.0.0.0]',
  '  SCIM_BEARER_TOKEN     bearer token SCIM clients must send; several separated by commas',
  '  SCIM_BASIC_USER       user name for HTTP Basic authentication (this connector expects one)',
  '  SCIM_BASIC_PASSWORD   password for HTTP Basic authentication (with SCIM_BASIC_USER)',
  '  TLS_KEY_FILE          PEM private key: serve HTTPS (with TLS_CERT_FILE)',
  '  TLS_CERT_FILE         PEM certificate (with TLS_KEY_FILE)',
  '  TLS_PFX_FILE          or a PKCS#12 keystore (make one: npm run cert -- --host <name>)',
  "  TLS_PFX_PASSPHRASE    the keystore's passphrase",
  '  ALLOW_HTTP            true to serve plain HTTP on a non-loopback HOST (the Okta agent then needs -allowHttp true) [default: false]',
  '  LOG_LEVEL             pino log level: fatal, error, warn, info, debug, trace or silent [default: warn]',
  "  GLOBEX_BASE_URL       the app API's base URL",
  '  GLOBEX_TOKEN_URL      OAuth 2.0 token endpoint of the app [default: https://login.globex.example/oauth2/token]',
  '  GLOBEX_CLIENT_ID      OAuth 2.0 client id',
  '  GLOBEX_CLIENT_SECRET  OAuth 2.0 client secret',
  "  GLOBEX_ORG_ID         the app's orgId path parameter",
].join('\n');

/** The text `--help` prints. */
export const USAGE = [
  'Usage: npm start',
  '',
  'Provisions users and their group memberships into Globex CRM over OAuth2',
  'Serves SCIM 2.0 at /globex/scim/v2 and SCIM 1.1 at /globex/scim/v1.',
  '',
  ENVIRONMENT_HELP,
].join('\n');

/** Reads the settings from `env` (process.env in production, anything in tests); throws ConfigError. */
export function readConfig(env: NodeJS.ProcessEnv): ConnectorConfig {
  const host = envText(env, 'HOST') ?? DEFAULTS.host;
  return {
    host,
    port: readPort(env, DEFAULTS.port),
    auth: readAuth(env, host, 'SCIM_BASIC_USER and SCIM_BASIC_PASSWORD'),
    tls: readTls(env),
    allowHttp: readBoolean(env, 'ALLOW_HTTP', DEFAULTS.allowHttp),
    logLevel: readOneOf(env, 'LOG_LEVEL', LOG_LEVELS, DEFAULTS.logLevel),
    app: {
      baseUrl: readSetting(env, 'GLOBEX_BASE_URL', undefined, "the app API's base URL"),
      tokenUrl: readSetting(
        env,
        'GLOBEX_TOKEN_URL',
        'https://login.globex.example/oauth2/token',
        'OAuth 2.0 token endpoint of the app',
      ),
      clientId: readSetting(env, 'GLOBEX_CLIENT_ID', undefined, 'OAuth 2.0 client id'),
      clientSecret: readSetting(env, 'GLOBEX_CLIENT_SECRET', undefined, 'OAuth 2.0 client secret'),
      orgId: readSetting(env, 'GLOBEX_ORG_ID', undefined, "the app's orgId path parameter"),
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
