// Masks secrets (passwords, credentials in headers, and their values wherever a server echoes them) before anything is recorded or printed.
const MASK = '***';
/** Authorization and what gateways use instead (X-Auth-*, X-Api-Key, Ocp-Apim-Subscription-Key, session ids). */
const SECRET_HEADER = /auth|cookie|token|secret|api-?key|-key$|password|session|credential/i;
const SECRET_KEY = /^password$|secret|token/i;

/** A copy of the headers with credential values masked; the auth scheme word is kept to help debugging. */
export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name)) masked[name] = value;
    else {
      const scheme = /^(Bearer|Basic)\s/i.exec(value)?.[1];
      masked[name] = scheme ? `${scheme} ${MASK}` : MASK;
    }
  }
  return masked;
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || key.endsWith(':password');
}

/** A deep copy of a JSON value with every password-like member masked, at any depth. */
export function maskBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskBody);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines members: an assignment to a `__proto__` key from the server would set the copy's prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [key, isSecretKey(key) ? MASK : maskBody(member)]),
  );
}

/** The string values maskBody would mask, so that they can be masked where a server echoes them. */
export function secretValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(secretValues);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) =>
    isSecretKey(key) && typeof member === 'string' ? [member] : secretValues(member),
  );
}

/** The credential in a secret header's value, without its scheme word. */
export function headerSecrets(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers)
    .filter(([name]) => SECRET_HEADER.test(name))
    .flatMap(([, value]) => [value, value.replace(/^(Bearer|Basic)\s+/i, '')]);
}

/**
 * Shorter secrets are not searched for in text: masking every "ab" would garble the report. A
 * password that short is still masked by key (maskBody) and in headers.
 */
const MIN_SECRET_LENGTH = 4;

/** A deep copy of a value with every occurrence of a known secret in its strings masked. */
export function maskSecrets<T>(value: T, secrets: Iterable<string>): T {
  const known = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH);
  // Longest first: a Basic credential's base64 and `user:password` before the password inside them.
  known.sort((a, b) => b.length - a.length);
  if (known.length === 0) return value;
  const mask = (member: unknown): unknown => {
    if (typeof member === 'string')
      return known.reduce((text, secret) => text.split(secret).join(MASK), member);
    if (Array.isArray(member)) return member.map(mask);
    if (member === null || typeof member !== 'object') return member;
    return Object.fromEntries(Object.entries(member).map(([key, item]) => [key, mask(item)]));
  };
  return mask(value) as T;
}
