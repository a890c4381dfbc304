// Quotes a word for a POSIX shell, so printed commands can be pasted as they are.

/** `text` unchanged when the shell reads it as one word already, else single-quoted. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
