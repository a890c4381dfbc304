// Client authentication: bearer tokens, HTTP Basic and a custom verifier, compared in constant time.
import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthOptions } from './server-options.js';

/** Decides whether a request may in; built once from the options. */
export interface Authenticator {
  /**
   * Resolves true when some configured scheme accepts the request's credentials. `connection` (the
   * request's socket) lets a token or password accepted on it before be recognised without hashing.
   */
  check(headers: IncomingHttpHeaders, connection?: object): Promise<boolean>;
  /**
   * The verdict when no custom verifier is needed: true when a configured token or password accepts
   * the credentials, false when nothing else could (there is no verifier), undefined when the
   * verifier must decide (then `check`). Synchronous, so that a gate lets most requests on at once,
   * without a promise and its turn of the microtask queue.
   */
  readonly known: (headers: IncomingHttpHeaders, connection?: object) => boolean | undefined;
  /** The `WWW-Authenticate` challenges to send with a 401, one per scheme. */
  readonly challenges: string[];
}

/** SHA-256 of the UTF-8 text; the one-shot `hash` costs a third less than a Hash object, on every request. */
function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/**
 * True when `given` equals one of `allowed`. Comparing fixed-length hashes keeps the time
 * independent of where the strings differ and of their lengths; every entry is compared, so the
 * time does not tell which one matched either.
 */
export function matchesAny(given: string, allowed: readonly Buffer[]): boolean {
  const hash = digest(given);
  let found = false;
  for (const candidate of allowed) {
    if (timingSafeEqual(hash, candidate)) found = true;
  }
  return found;
}

/** Splits `Scheme credentials`; the scheme is case-insensitive (RFC 9110 §11.1). */
function credentials(header: string | undefined, scheme: string): string | undefined {
  if (header === undefined) return undefined;
  const match = /^([A-Za-z]+) +(\S+) *$/.exec(header);
  if (match === null || match[1]?.toLowerCase() !== scheme) return undefined;
  return match[2];
}

/**
 * Per connection, the Authorization header a configured token or password was last accepted in.
 * A client sends the same header on every request of a keep-alive connection; recognising it spares
 * the hash (a few µs, the most of authentication's cost). The comparison is constant-time over bytes
 * of equal length, so a request learns at most whether its header is as long as one accepted on the
 * same connection (a proxy may carry several clients' requests on one). Headers a custom verifier
 * accepted are never remembered: it decides each request.
 */
class AcceptedOnConnection {
  private readonly headers = new WeakMap<object, Buffer>();

  again(connection: object | undefined, authorization: string | undefined): boolean {
    if (connection === undefined || authorization === undefined) return false;
    const known = this.headers.get(connection);
    if (known === undefined) return false;
    const given = Buffer.from(authorization, 'utf8');
    return given.length === known.length && timingSafeEqual(given, known);
  }

  remember(connection: object | undefined, authorization: string | undefined): void {
    if (connection !== undefined && authorization !== undefined) {
      this.headers.set(connection, Buffer.from(authorization, 'utf8'));
    }
  }
}

const OPEN: Authenticator = { check: () => Promise.resolve(true), known: () => true, challenges: [] };

/** One authenticator per options object, so the server's gate and the plugin's share their verdicts. */
const authenticators = new WeakMap<AuthOptions, Authenticator>();

/**
 * The authenticator for `auth` options; `'none'` lets every request in. The standalone server checks
 * every request before routing and the plugin checks its own again: each request's verdict from
 * `check` is kept (by its headers object), so a custom `verify` runs once per request. `known` keeps
 * nothing: it costs less than the keeping.
 */
export function createAuthenticator(auth: AuthOptions | 'none'): Authenticator {
  if (auth === 'none') return OPEN;
  const known = authenticators.get(auth);
  if (known !== undefined) return known;
  const verdicts = new WeakMap<IncomingHttpHeaders, Promise<boolean>>();
  const checker = buildAuthenticator(auth);
  const authenticator: Authenticator = {
    challenges: checker.challenges,
    known: checker.known,
    check(headers, connection) {
      const verdict = verdicts.get(headers) ?? checker.check(headers, connection);
      verdicts.set(headers, verdict);
      return verdict;
    },
  };
  authenticators.set(auth, authenticator);
  return authenticator;
}

function buildAuthenticator(auth: AuthOptions): Authenticator {
  const realm = (auth.realm ?? 'scim').replace(/["\\]/g, '');
  const tokens = (auth.bearerTokens ?? []).map(digest);
  const pairs = (auth.basic ?? []).map((b) => digest(`${b.username}:${b.password}`));
  const challenges = [
    ...(tokens.length > 0 || auth.verify !== undefined ? [`Bearer realm="${realm}"`] : []),
    ...(pairs.length > 0 ? [`Basic realm="${realm}", charset="UTF-8"`] : []),
  ];
  const verify = auth.verify;
  const accepted = new AcceptedOnConnection();
  const known = (headers: IncomingHttpHeaders, connection?: object): boolean | undefined => {
    const authorization = headers.authorization;
    if (accepted.again(connection, authorization)) return true;
    const bearer = credentials(authorization, 'bearer');
    const basic = credentials(authorization, 'basic');
    if (
      (bearer !== undefined && tokens.length > 0 && matchesAny(bearer, tokens)) ||
      (basic !== undefined &&
        pairs.length > 0 &&
        matchesAny(Buffer.from(basic, 'base64').toString('utf8'), pairs))
    ) {
      accepted.remember(connection, authorization);
      return true;
    }
    return verify === undefined ? false : undefined;
  };
  return {
    challenges,
    known,
    async check(headers, connection) {
      const verdict = known(headers, connection);
      if (verdict !== undefined || verify === undefined) return verdict === true;
      const authorization = headers.authorization;
      return (await verify({ ...(authorization === undefined ? {} : { authorization }), headers })) === true;
    },
  };
}

/** One entry of ServiceProviderConfig `authenticationSchemes` (RFC 7643 §5). */
export interface AuthenticationScheme {
  type: string;
  name: string;
  description: string;
  specUri?: string;
  primary?: boolean;
}

/** The schemes a client may use, as advertised at /ServiceProviderConfig. */
export function authenticationSchemes(auth: AuthOptions | 'none'): AuthenticationScheme[] {
  if (auth === 'none') return [];
  const schemes: AuthenticationScheme[] = [];
  if ((auth.bearerTokens ?? []).length > 0 || auth.verify !== undefined) {
    schemes.push({
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      description: 'A bearer token in the Authorization header (Authorization: Bearer <token>)',
      specUri: 'https://www.rfc-editor.org/info/rfc6750',
    });
  }
  if ((auth.basic ?? []).length > 0) {
    schemes.push({
      type: 'httpbasic',
      name: 'HTTP Basic',
      description: 'A user name and password in the Authorization header (HTTP Basic)',
      specUri: 'https://www.rfc-editor.org/info/rfc7617',
    });
  }
  return schemes.map((scheme, index) => (index === 0 ? { ...scheme, primary: true } : scheme));
}
