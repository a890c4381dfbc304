// The options of the SCIM plugin and the standalone server: their types, defaults and start-up checks.
import type { IncomingHttpHeaders } from 'node:http';
import type { ServerOptions as HttpsServerOptions } from 'node:https';
import type { ScimService, ServiceMethod } from '../service/scim-service.js';
import { CAPABILITIES, methodsForCapability, type Capability } from '../service/capabilities.js';
import type { Dialect } from '../protocol/dialect.js';
import {
  schemaRegistryOf,
  type SchemaRegistry,
  type SchemaRegistryOptions,
} from '../protocol/resource-schema.js';

/** What a custom verifier sees of the request: enough to check a header, nothing of the body. */
export interface AuthRequest {
  /** The `Authorization` header, if any. */
  authorization?: string;
  headers: IncomingHttpHeaders;
}

/**
 * How clients authenticate. At least one scheme must be given; a request passes when any of them
 * accepts it.
 */
export interface AuthOptions {
  /** Accepted bearer tokens (`Authorization: Bearer <token>`), compared in constant time. */
  bearerTokens?: string[];
  /** Accepted user/password pairs for HTTP Basic, compared in constant time. */
  basic?: { username: string; password: string }[];
  /** A verifier of your own (OAuth introspection, mTLS headers…); resolve true to let the request in. */
  verify?: (request: AuthRequest) => Promise<boolean>;
  /** Realm named in `WWW-Authenticate`; default `scim`. */
  realm?: string;
}

/** Per-dialect settings; `false` turns the dialect off. */
export interface DialectOptions {
  /** Where the dialect is served: default `/scim/v2` for SCIM 2.0, `/scim/v1` for SCIM 1.1. */
  basePath?: string;
}

/**
 * The connector's custom schemas, served at /Schemas and accepted on input: `userExtensions`,
 * `groupExtensions`, and `enterpriseUser` (default true) for the enterprise extension.
 */
export type SchemaOptions = SchemaRegistryOptions;

/** Okta's names for the connector's custom user schema: the SCIM 1.1 dialect's alias table uses them. */
export interface OktaOptions {
  /** The Okta app's name, as in `urn:okta:{appName}:1.0:user:{userSchemaName}`. */
  appName?: string;
  /** The custom user schema's name, as in `urn:okta:{appName}:1.0:user:{userSchemaName}`. */
  userSchemaName?: string;
  /**
   * The SCIM 2.0 extension URN the connector declares Okta's custom user attributes under;
   * default `urn:ietf:params:scim:schemas:extension:{appName}:2.0:User`.
   */
  userExtensionUrn?: string;
  /**
   * The SCIM 2.0 extension URN standing for `urn:okta:custom:group:1.0`;
   * default `urn:ietf:params:scim:schemas:extension:{appName}:2.0:Group`.
   */
  groupExtensionUrn?: string;
}

/** Options of `scimPlugin`: everything that is not about the listening socket. */
export interface ScimPluginOptions {
  /** The connector: every method optional; a route whose method is missing answers 501. */
  service: ScimService;
  /**
   * The Okta capabilities the connector offers. At start-up every service method they need (in the
   * served dialects) must exist, else the plugin throws naming each missing method. Advertised at
   * /ServiceProviderConfig under `urn:okta:schemas:scim:providerconfig:1.0`.
   */
  capabilities: Capability[];
  /**
   * The schemas served at /Schemas and checked on input: the store's registry (`store.schemas`), so
   * a connector states its custom attributes once, or the options to build one (the core User and
   * Group schemas are always there).
   */
  schemas?: SchemaRegistry | SchemaOptions;
  /** Okta naming for the SCIM 1.1 alias table. */
  okta?: OktaOptions;
  /** Which dialects to serve and where: every available dialect at its default path by default. */
  dialects?: Partial<Record<Dialect, DialectOptions | false>>;
  /** Client authentication, or the explicit string `'none'` to serve without any (tests, behind a gateway). */
  auth: AuthOptions | 'none';
  /** The most resources one list response holds (default 1000); advertised as `filter.maxResults`. */
  maxResults?: number;
  /**
   * Largest request body in bytes (default 16 MiB: a PUT of a group with 50,000 members is about
   * 7 MiB); a larger body answers 413.
   */
  bodyLimit?: number;
  /**
   * Absolute URL of the server as clients reach it (e.g. `https://scim.example.com`), used for
   * `meta.location` and `Location`; without it the request's protocol and Host header are used.
   */
  baseUrl?: string;
}

/** Key and certificate (PEM) or a PKCS#12 keystore, passed to `https.createServer` as they are. */
export type ServerTlsOptions = Pick<HttpsServerOptions, 'key' | 'cert' | 'pfx' | 'passphrase' | 'ca'>;

/** Options of `createScimServer`: the plugin's options plus the listening socket and the log. */
export interface ScimServerOptions extends ScimPluginOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port to listen on; default 0 (any free port, see `address`). */
  port?: number;
  /**
   * Serve HTTPS with these; absent or undefined, the server speaks plain HTTP. The protocol is TLS 1.2 or
   * later, and TLS 1.2 only with forward-secret suites (ECDHE with AES-GCM or ChaCha20).
   */
  tls?: ServerTlsOptions | undefined;
  /**
   * Plain HTTP is allowed by default only on a loopback host; any other host without `tls` needs
   * `allowHttp: true` (the Okta agent itself must then run with `-allowHttp true`).
   */
  allowHttp?: boolean;
  /**
   * `false` for no log, `true` for the default (pino, level info), or pino options (level,
   * stream…). Authorization headers, cookies and passwords are always redacted.
   */
  logger?: boolean | Record<string, unknown>;
  /**
   * Milliseconds a client has to send a whole request, headers and body (default 60,000: a 16 MiB
   * body at 2.5 Mbit/s); a slower one gets 408 and its connection is closed, so clients trickling a
   * byte at a time cannot hold connections for long. Not a limit on how long the connector takes
   * to answer.
   */
  requestTimeout?: number;
  /** Milliseconds a client has to send the request's headers (default 15,000); at most `requestTimeout`. */
  headersTimeout?: number;
  /**
   * Milliseconds an idle keep-alive connection is kept open between requests (default 72,000:
   * longer than the 60 s idle timeout of common load balancers, which would otherwise reuse a
   * connection the server just closed).
   */
  keepAliveTimeout?: number;
}

export const DEFAULT_MAX_RESULTS = 1000;
export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_REQUEST_TIMEOUT = 60_000;
export const DEFAULT_HEADERS_TIMEOUT = 15_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT = 72_000;

/** The standalone server's connection timeouts, in milliseconds, checked. */
export interface ServerTimeouts {
  requestTimeout: number;
  headersTimeout: number;
  keepAliveTimeout: number;
  /**
   * How often Node looks for requests past their timeouts (its default, 30 s, would let a request
   * run 30 s over): a tenth of the shorter timeout, between 50 ms and 1 s.
   */
  connectionsCheckingInterval: number;
}

/** The timeouts of `options` with defaults filled in; throws when one is not a positive integer. */
export function resolveTimeouts(
  options: Pick<ScimServerOptions, 'requestTimeout' | 'headersTimeout' | 'keepAliveTimeout'>,
): ServerTimeouts {
  const requestTimeout = checkPositiveInteger(
    'requestTimeout',
    options.requestTimeout,
    DEFAULT_REQUEST_TIMEOUT,
  );
  const headersTimeout = checkPositiveInteger(
    'headersTimeout',
    options.headersTimeout,
    Math.min(DEFAULT_HEADERS_TIMEOUT, requestTimeout),
  );
  if (headersTimeout > requestTimeout) {
    fail(`headersTimeout (${headersTimeout}) must not exceed requestTimeout (${requestTimeout})`);
  }
  return {
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: checkPositiveInteger(
      'keepAliveTimeout',
      options.keepAliveTimeout,
      DEFAULT_KEEP_ALIVE_TIMEOUT,
    ),
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 10))),
  };
}

/** The plugin's options with defaults filled in and checked. */
export interface ResolvedPluginOptions {
  service: ScimService;
  capabilities: readonly Capability[];
  schemas: SchemaRegistry;
  okta: OktaOptions;
  /** The served dialects and their base paths, in the order they are mounted. */
  dialects: { dialect: Dialect; basePath: string }[];
  auth: AuthOptions | 'none';
  maxResults: number;
  bodyLimit: number;
  baseUrl: string | undefined;
}

function fail(message: string): never {
  throw new Error(`scim-connector-sdk: ${message}`);
}

function checkPositiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    fail(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}

/** Text Node accepts in a header value (the realm goes into every 401's WWW-Authenticate). */
function isHeaderText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return false;
  }
  return true;
}

function checkAuth(auth: ScimPluginOptions['auth'] | undefined): AuthOptions | 'none' {
  if (auth === 'none') return auth;
  if (auth === undefined || auth === null || typeof auth !== 'object') {
    fail("auth is required: give bearerTokens, basic or verify, or the explicit string 'none'");
  }
  const tokens = auth.bearerTokens ?? [];
  const basic = auth.basic ?? [];
  if (tokens.some((t) => typeof t !== 'string' || t.length === 0))
    fail('auth.bearerTokens must be non-empty strings');
  if (
    basic.some(
      (b) => typeof b?.username !== 'string' || typeof b.password !== 'string' || b.password.length === 0,
    )
  ) {
    fail('auth.basic entries need a username and a non-empty password');
  }
  if (auth.verify !== undefined && typeof auth.verify !== 'function') fail('auth.verify must be a function');
  if (auth.realm !== undefined && !isHeaderText(auth.realm))
    fail('auth.realm must be a string without control characters or characters beyond Latin-1');
  if (tokens.length === 0 && basic.length === 0 && auth.verify === undefined) {
    fail("auth has no scheme: give bearerTokens, basic or verify, or the explicit string 'none'");
  }
  return auth;
}

/** The methods the capabilities need that the service lacks, each with the capabilities needing it. */
export function missingMethods(
  service: ScimService,
  capabilities: readonly Capability[],
  dialects: readonly Dialect[],
): { method: ServiceMethod; capabilities: Capability[] }[] {
  const missing = new Map<ServiceMethod, Set<Capability>>();
  for (const dialect of dialects) {
    for (const capability of capabilities) {
      for (const method of methodsForCapability(capability, dialect)) {
        if (typeof service[method] === 'function') continue;
        const needing = missing.get(method) ?? new Set<Capability>();
        needing.add(capability);
        missing.set(method, needing);
      }
    }
  }
  return [...missing].map(([method, needing]) => ({ method, capabilities: [...needing] }));
}

function checkBasePath(dialect: Dialect, basePath: string): string {
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(basePath) || basePath.endsWith('/') || basePath.includes('//')) {
    fail(`dialects['${dialect}'].basePath must start with "/" and not end with one, got "${basePath}"`);
  }
  return basePath;
}

/**
 * Fills in defaults and checks the options; `available` are the dialects this SDK build has, with
 * their default base paths. Throws an Error that says what to fix.
 */
export function resolvePluginOptions(
  options: ScimPluginOptions,
  available: ReadonlyMap<Dialect, string>,
): ResolvedPluginOptions {
  if (options === null || typeof options !== 'object') fail('options are required');
  const { service } = options;
  if (service === null || typeof service !== 'object') fail('service is required');
  const capabilities =
    options.capabilities ?? fail('capabilities are required (an empty array serves discovery only)');
  if (!Array.isArray(capabilities)) fail('capabilities must be an array');
  for (const capability of capabilities) {
    if (!(CAPABILITIES as readonly string[]).includes(capability)) {
      fail(`unknown capability "${String(capability)}"; known: ${CAPABILITIES.join(', ')}`);
    }
  }
  const dialects: { dialect: Dialect; basePath: string }[] = [];
  for (const [dialect, setting] of Object.entries(options.dialects ?? {}) as [
    Dialect,
    DialectOptions | false,
  ][]) {
    if (!available.has(dialect) && setting !== false)
      fail(`dialect '${dialect}' is not available in this build`);
  }
  for (const [dialect, defaultPath] of available) {
    const setting = options.dialects?.[dialect];
    if (setting === false) continue;
    dialects.push({ dialect, basePath: checkBasePath(dialect, setting?.basePath ?? defaultPath) });
  }
  if (dialects.length === 0) fail('every dialect is turned off: serve at least one');
  const paths = dialects.map((d) => d.basePath);
  if (new Set(paths).size !== paths.length) fail(`two dialects share a base path: ${paths.join(', ')}`);

  const missing = missingMethods(
    service,
    capabilities,
    dialects.map((d) => d.dialect),
  );
  if (missing.length > 0) {
    const lines = missing.map((m) => `${m.method} (needed by ${m.capabilities.join(', ')})`);
    fail(`the service lacks methods its capabilities need: ${lines.join('; ')}`);
  }
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(options.baseUrl)) {
    fail(`baseUrl must be an absolute http(s) URL, got "${options.baseUrl}"`);
  }
  return {
    service,
    capabilities: [...capabilities],
    schemas: schemaRegistryOf(options.schemas),
    okta: options.okta ?? {},
    dialects,
    auth: checkAuth(options.auth),
    maxResults: checkPositiveInteger('maxResults', options.maxResults, DEFAULT_MAX_RESULTS),
    bodyLimit: checkPositiveInteger('bodyLimit', options.bodyLimit, DEFAULT_BODY_LIMIT),
    baseUrl: options.baseUrl?.replace(/\/+$/, ''),
  };
}

/** True for hosts only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host === '::1' ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** Refuses plain HTTP on a host others can reach unless the caller opted in. */
export function checkTransport(options: Pick<ScimServerOptions, 'host' | 'tls' | 'allowHttp'>): void {
  const host = options.host ?? DEFAULT_HOST;
  if (options.tls !== undefined || options.allowHttp === true || isLoopbackHost(host)) return;
  fail(
    `refusing plain HTTP on ${host}: give tls (key/cert or pfx) or set allowHttp: true ` +
      '(the Okta agent then needs -allowHttp true)',
  );
}
