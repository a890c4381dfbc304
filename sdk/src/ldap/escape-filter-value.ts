// RFC 4515 §3: a value inside an LDAP search filter, with every special character escaped.

/**
 * Escapes `*`, `(`, `)`, `\` and NUL (the characters RFC 4515 requires) and the other ASCII control
 * characters as `\XX`, so no value can change the filter's structure. Characters beyond ASCII stay as
 * they are (RFC 4515 takes UTF-8): ldapts decodes `\XX` escapes one byte per character, which would
 * garble a multi-byte character written as escapes.
 */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    out +=
      code < 0x20 || code === 0x7f || '*()\\'.includes(char)
        ? `\\${code.toString(16).padStart(2, '0')}`
        : char;
  }
  return out;
}
