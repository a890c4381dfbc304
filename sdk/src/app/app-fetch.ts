// The fetch of a connector's typed app client: credentials on every call, a timeout, OAuth 2.0 tokens cached and refreshed once on a 401.
import { AppRefusedError } from '../service/errors.js';
import { unavailable } from './app-errors.js';
import type { AppSettings } from './app-settings.js';

/**
 * fetch with a timeout (and `headers` instead of the request's), mapping a network failure or a timeout
 * to 503. fetch makes the one Request it sends from these: each Request made on the way costs about as
 * much CPU as the connector's whole mapping of the answer.
 */
async function timedFetch(request: Request, timeoutMs: number, headers?: Headers): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(request, headers === undefined ? { signal } : { headers, signal });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const target = `${request.method} ${new URL(request.url).pathname}`;
    throw unavailable(timedOut ? `no answer to ${target} within ${timeoutMs} ms` : `${target} failed`, error);
  }
}

/**
 * The fetch the typed client calls: adds the credentials, times every call out, and for OAuth 2.0
 * client credentials fetches a token, caches it until shortly before it expires, and on a 401
 * fetches a new one and tries once more.
 */
export function appFetch(settings: AppSettings): (request: Request) => Promise<Response> {
  const { auth, timeoutMs } = settings;
  let cached: { token: string; expires: number } | undefined;

  async function oauthToken(): Promise<string> {
    if (auth.type !== 'oauth2') return '';
    if (cached !== undefined && cached.expires > Date.now()) return cached.token;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope !== undefined) form.set('scope', auth.scope);
    const basic = Buffer.from(
      `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`,
    );
    const request = new Request(auth.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic.toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    const response = await timedFetch(request, timeoutMs);
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new AppRefusedError(
        `${response.status} from the token endpoint`,
        `check ${settings.credentials}`,
      );
    }
    if (!response.ok) throw unavailable(`${response.status} from the token endpoint`);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw unavailable('the token endpoint sent no access_token');
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
    // Renewed a little early, so a token never expires between the check and the call.
    cached = { token: body.access_token, expires: Date.now() + Math.max(0, lifetime - 30) * 1000 };
    return cached.token;
  }

  /** The request's headers with the credentials. */
  async function authorized(request: Request): Promise<Headers> {
    const headers = new Headers(request.headers);
    switch (auth.type) {
      case 'none':
        break;
      case 'bearer':
        headers.set('authorization', `Bearer ${auth.token}`);
        break;
      case 'basic':
        headers.set(
          'authorization',
          `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
        );
        break;
      case 'apiKey':
        headers.set(auth.header, auth.value);
        break;
      case 'oauth2':
        headers.set('authorization', `Bearer ${await oauthToken()}`);
        break;
    }
    return headers;
  }

  return async (request) => {
    const retry = auth.type === 'oauth2' ? request.clone() : undefined;
    const response = await timedFetch(request, timeoutMs, await authorized(request));
    if (response.status !== 401 || retry === undefined) return response;
    cached = undefined;
    return timedFetch(retry, timeoutMs, await authorized(retry));
  };
}
