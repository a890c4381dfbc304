// What the server says once it listens: where each dialect is served and how clients authenticate, never a secret.
import type { Dialect } from '../protocol/dialect.js';
import type { AuthOptions } from './server-options.js';

const DIALECT_NAMES: Record<Dialect, string> = {
  '2.0': 'SCIM 2.0',
  '1.1': 'SCIM 1.1 (Okta Provisioning Agent)',
};

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** How clients authenticate, by scheme and count: no token, user name or password. */
export function describeAuth(auth: AuthOptions | 'none'): string {
  if (auth === 'none') return 'auth: none (every request is let in)';
  const schemes: string[] = [];
  const tokens = auth.bearerTokens?.length ?? 0;
  const users = auth.basic?.length ?? 0;
  if (tokens > 0) schemes.push(`bearer (${plural(tokens, 'token')})`);
  if (users > 0) schemes.push(`basic (${plural(users, 'user')})`);
  if (auth.verify !== undefined) schemes.push('a custom verifier');
  return `auth: ${schemes.join(', ')}`;
}

/** The start-up lines: one per served dialect with its URL, then the auth. */
export function startupLines(
  url: string,
  dialects: readonly { dialect: Dialect; basePath: string }[],
  auth: AuthOptions | 'none',
): string[] {
  return [
    ...dialects.map(({ dialect, basePath }) => `${DIALECT_NAMES[dialect]}: ${url}${basePath}`),
    describeAuth(auth),
  ];
}
