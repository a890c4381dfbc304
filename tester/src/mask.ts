// Masks secrets (passwords, credentials in headers) before anything is recorded or printed.
const MASK = '***';
const SECRET_HEADER = /authorization|cookie|token|secret|api-?key|password/i;
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

/** A deep copy of a JSON value with every password-like member masked, at any depth. */
export function maskBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskBody);
  if (value === null || typeof value !== 'object') return value;
  const masked: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    masked[key] = SECRET_KEY.test(key) || key.endsWith(':password') ? MASK : maskBody(member);
  }
  return masked;
}
