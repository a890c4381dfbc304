// RFC 4515 §3: a value inside an LDAP search filter, with every special character escaped.

/**
 * Escapes `*`, `(`, `)`, `\` and NUL (the characters RFC 4515 requires) and every other byte outside
 * printable ASCII, as `\XX` of its UTF-8 bytes, so no value can change the filter's structure.
 */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out +=
      byte < 0x20 || byte > 0x7e || '*()\\'.includes(char) ? `\\${byte.toString(16).padStart(2, '0')}` : char;
  }
  return out;
}
