// Reading an ldapts search entry: attribute names in any case, values as strings.
import type { Entry } from 'ldapts';

/** Every value of the attribute, as strings (binary values as base64). */
export function values(entry: Entry, attribute: string): string[] {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const raw = key === undefined ? undefined : entry[key];
  if (raw === undefined) return [];
  const list: (string | Buffer)[] = Array.isArray(raw) ? raw : [raw];
  return list.map((value) => (typeof value === 'string' ? value : value.toString('base64')));
}

/** The first value, or undefined. */
export function first(entry: Entry, attribute: string): string | undefined {
  return values(entry, attribute)[0];
}
