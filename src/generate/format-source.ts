// Formats emitted text with Prettier and the generator's fixed options, so output never depends on the user's config.
import { format } from 'prettier';

/** The options every emitted file is formatted with; the project gets them as `.prettierrc.json` too. */
export const PRETTIER_OPTIONS = { printWidth: 110, singleQuote: true, trailingComma: 'all' } as const;

/** Kinds Prettier formats here; others (Dockerfile, systemd unit, copied YAML and data) stay as written. */
const FORMATTED = /\.(ts|json|md)$/;

/**
 * `text` formatted as the file at `path`, with the parser Prettier infers from the path (as
 * `prettier --check` would: `package.json` gets `json-stringify`); other kinds are returned as they are.
 */
export async function formatSource(path: string, text: string): Promise<string> {
  if (!FORMATTED.test(path)) return text;
  return format(text, { ...PRETTIER_OPTIONS, filepath: path });
}
