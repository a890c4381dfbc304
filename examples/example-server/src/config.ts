// Reads the example server's settings from environment variables; pure, so tests can give any environment.
import { readTlsOptionsFromEnv, type TlsOptions } from 'scim-connector-sdk';

export interface ExampleConfig {
  host: string;
  port: number;
  /** Accepted bearer tokens; empty means no authentication (allowed on loopback only). */
  bearerTokens: string[];
  store: 'memory' | 'file';
  storeDir: string;
  tls: TlsOptions | undefined;
  allowHttp: boolean;
  logLevel: string;
}

/** The variables read, with their meaning: printed by `--help`. */
export const ENVIRONMENT_HELP = `Environment variables:
  PORT                 port to listen on (default 8080)
  HOST                 interface to listen on (default 127.0.0.1)
  SCIM_BEARER_TOKEN    bearer token clients must send; several separated by commas.
                       Without it authentication is off, which is allowed on a loopback HOST only.
  STORE                memory (default) or file
  STORE_DIR            folder of users.json and groups.json for STORE=file (default ./scim-data)
  TLS_KEY_FILE, TLS_CERT_FILE   PEM key and certificate: serve HTTPS
  TLS_PFX_FILE, TLS_PFX_PASSPHRASE   or a PKCS#12 keystore (make one: npx scim-connector-sdk cert --help)
  ALLOW_HTTP           true to serve plain HTTP on a non-loopback HOST (the Okta agent then needs -allowHttp true)
  LOG_LEVEL            pino level (default info)`;

/** A setting that cannot be used; the message says which variable and what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function readBoolean(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

export function readConfig(env: NodeJS.ProcessEnv): ExampleConfig {
  const host = env['HOST'] || '127.0.0.1';
  const bearerTokens = (env['SCIM_BEARER_TOKEN'] ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  if (bearerTokens.length === 0 && !LOOPBACK.test(host)) {
    throw new ConfigError(
      `HOST=${host} is not a loopback address: set SCIM_BEARER_TOKEN so clients must authenticate`,
    );
  }
  const store = env['STORE'] || 'memory';
  if (store !== 'memory' && store !== 'file') {
    throw new ConfigError(`STORE must be "memory" or "file", got "${store}"`);
  }
  return {
    host,
    port: readPort(env['PORT']),
    bearerTokens,
    store,
    storeDir: env['STORE_DIR'] || 'scim-data',
    tls: readTlsOptionsFromEnv(env),
    allowHttp: readBoolean('ALLOW_HTTP', env['ALLOW_HTTP']),
    logLevel: env['LOG_LEVEL'] || 'info',
  };
}
