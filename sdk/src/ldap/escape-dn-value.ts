// RFC 4514 §2.4: an attribute value inside a distinguished name, escaped.

/** Characters RFC 4514 requires escaped anywhere in a value. */
const special = new Set([',', '+', '"', '\\', '<', '>', ';', '=', '\0']);

function hex(char: string): string {
  return `\\${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * Escapes `,` `+` `"` `\` `<` `>` `;` `=` and NUL, a leading `#` or space and a trailing space, so
 * the value stays one RDN value whatever it holds. Escapes are hex pairs (`\2c`), never `\,`: a DN
 * then never holds a backslash right before a separating comma, which naive splitters misread.
 */
export function escapeDnValue(value: string): string {
  const chars = [...value];
  return chars
    .map((char, index) => {
      if (special.has(char)) return hex(char);
      if (index === 0 && (char === '#' || char === ' ')) return hex(char);
      if (index === chars.length - 1 && char === ' ') return hex(char);
      return char;
    })
    .join('');
}
