// A small SCIM HTTP client on node:http/node:https: deadline, body limit, auth, custom CA; records every exchange masked.
import http from 'node:http';
import https from 'node:https';
import type { Exchange } from './exchange.js';
import { headerSecrets, maskBody, maskHeaders, maskSecrets, secretValues } from './mask.js';

export type Auth =
  { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'basic'; user: string; password: string };

/** Options absent or undefined take their defaults. */
export interface HttpClientOptions {
  /** Base URL of the SCIM API, e.g. `https://host:8443/scim/v2`. */
  baseUrl: string;
  auth: Auth;
  /** PEM certificate(s) to trust instead of the system's CAs (as Node's `ca`). */
  ca?: string | Buffer | undefined;
  /** Accept any server certificate. */
  insecure?: boolean | undefined;
  /** Deadline of each exchange, from sending to the last byte of the response; default 10 s. */
  timeoutMs?: number | undefined;
  /** Largest response body accepted; default 32 MiB. */
  maxBodyBytes?: number;
  /** Sent with every request (after the client's own, so they can override them). */
  headers?: Record<string, string> | undefined;
}

export interface ScimRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, starting with `/`, query string included and already encoded. */
  path: string;
  body?: unknown;
  /** Per-request headers; `auth: false` style overrides are done by passing `Authorization`. */
  headers?: Record<string, string>;
}

export interface ScimResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  exchange: Exchange;
}

/** Thrown when no response came back (refused, timed out, TLS rejected). */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly exchange: Exchange,
  ) {
    super(message);
  }
}

/** A hostile or broken server must not make the tester hold gigabytes; a SCIM page of 100 users is ~100 kB. */
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** A non-JSON body (an HTML error page, a stack trace) is recorded only this far: it is printed on failure. */
const RECORDED_TEXT_CHARS = 2000;

/** Control characters but tab and newline (C0, DEL, C1): a terminal showing the report would obey escapes from a server. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Server text made safe to print: line ends as newlines, other control characters replaced by `?`. */
export function printable(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL, '?');
}

/** What the report keeps of a body: JSON masked, text cut short and printable. */
function recordedBody(body: unknown): unknown {
  if (typeof body !== 'string') return maskBody(body);
  if (body.length <= RECORDED_TEXT_CHARS) return printable(body);
  return `${printable(body.slice(0, RECORDED_TEXT_CHARS))}… (${body.length} characters, truncated)`;
}

export function authorizationHeader(auth: Auth): string | undefined {
  if (auth.kind === 'bearer') return `Bearer ${auth.token}`;
  if (auth.kind === 'basic')
    return `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  return undefined;
}

export class HttpClient {
  readonly #options: HttpClientOptions;
  readonly #base: URL;
  /** Credentials and every password sent so far: masked wherever they come back (an error text, a header). */
  readonly #secrets = new Set<string>();

  constructor(options: HttpClientOptions) {
    this.#options = options;
    if (options.auth.kind === 'bearer') this.#secrets.add(options.auth.token);
    if (options.auth.kind === 'basic') {
      const { user, password } = options.auth;
      this.#secrets.add(password).add(`${user}:${password}`);
      this.#secrets.add(Buffer.from(`${user}:${password}`).toString('base64'));
    }
    for (const secret of headerSecrets(options.headers ?? {})) this.#secrets.add(secret);
    this.#base = new URL(options.baseUrl);
    if (this.#base.protocol !== 'http:' && this.#base.protocol !== 'https:') {
      throw new TypeError(`--url must be http: or https:, got ${this.#base.protocol}`);
    }
    // Node would send URL credentials as Basic auth, and every report would print them.
    if (this.#base.username !== '' || this.#base.password !== '') {
      throw new TypeError('--url must not carry credentials: use --basic user:password or --token');
    }
  }

  get baseUrl(): string {
    return this.#base.href;
  }

  /** The text (or JSON value) with every secret this client knows masked. */
  maskSecrets<T>(value: T): T {
    return maskSecrets(value, this.#secrets);
  }

  /** The full URL of a path below the base. */
  url(path: string): URL {
    return new URL(this.#base.pathname.replace(/\/$/, '') + path, this.#base);
  }

  async send(request: ScimRequest): Promise<ScimResponse> {
    const url = this.url(request.path);
    const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    const own: Record<string, string> = { Accept: 'application/scim+json, application/json' };
    const authorization = authorizationHeader(this.#options.auth);
    if (authorization) own['Authorization'] = authorization;
    if (payload) {
      own['Content-Type'] = 'application/scim+json; charset=utf-8';
      own['Content-Length'] = String(payload.length);
    }
    const headers = mergeHeaders(own, this.#options.headers, request.headers);
    for (const secret of secretValues(request.body)) this.#secrets.add(secret);
    const started = performance.now();
    const exchange: Exchange = {
      request: {
        method: request.method,
        url: url.href,
        headers: maskHeaders(headers),
        body: maskBody(request.body),
      },
      ms: 0,
    };
    try {
      const raw = await this.#roundTrip(url, request.method, headers, payload);
      const body = parseBody(raw.text);
      exchange.response = { status: raw.status, headers: raw.headers, body: recordedBody(body) };
      exchange.ms = Math.round(performance.now() - started);
      return { status: raw.status, headers: raw.headers, body, exchange: this.maskSecrets(exchange) };
    } catch (err) {
      exchange.error = err instanceof Error ? err.message : String(err);
      exchange.ms = Math.round(performance.now() - started);
      const masked = this.maskSecrets(exchange);
      throw new TransportError(`${request.method} ${masked.request.url}: ${masked.error ?? ''}`, masked);
    }
  }

  #roundTrip(
    url: URL,
    method: string,
    headers: Record<string, string>,
    payload: Buffer | undefined,
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    const timeoutMs = this.#options.timeoutMs ?? 10_000;
    const maxBodyBytes = this.#options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const tls = url.protocol === 'https:';
    const options: https.RequestOptions = { method, headers, agent: false };
    if (tls) {
      if (this.#options.ca !== undefined) options.ca = this.#options.ca;
      options.rejectUnauthorized = !this.#options.insecure;
    }
    return new Promise((resolve, reject) => {
      const req = (tls ? https : http).request(url, options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBodyBytes) req.destroy(new Error(`response body larger than ${maxBodyBytes} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({
            status: res.statusCode ?? 0,
            headers: flattenHeaders(res.headers),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      // A deadline for the whole exchange, not a socket idle timeout: a server dripping a byte now and then never idles.
      const deadline = setTimeout(
        () => req.destroy(new Error(`no response within ${timeoutMs} ms`)),
        timeoutMs,
      );
      function fail(err: Error): void {
        clearTimeout(deadline);
        reject(err);
      }
      req.on('error', fail);
      req.end(payload);
    });
  }
}

/** Header layers merged, a later layer's header replacing an earlier one whatever the case of its name. */
export function mergeHeaders(
  ...layers: (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      for (const existing of Object.keys(merged))
        if (existing.toLowerCase() === name.toLowerCase()) delete merged[existing];
      merged[name] = value;
    }
  }
  return merged;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return maskHeaders(flat);
}
