// Building LDAP modifications: replace what changed, delete what is gone, single values for membership.
import { Attribute, Change } from 'ldapts';

/** `replace` with the new values, `delete` when none are left, nothing when they are equal (as sets). */
export function replaceChange(type: string, before: string[], after: string[]): Change[] {
  const same = before.length === after.length && after.every((value) => before.includes(value));
  if (same) return [];
  if (after.length === 0) return [new Change({ operation: 'delete', modification: new Attribute({ type }) })];
  return [new Change({ operation: 'replace', modification: new Attribute({ type, values: after }) })];
}

/** `add` or `delete` of exactly these values (none: no change), never a rewrite of the whole attribute. */
export function valuesChange(operation: 'add' | 'delete', type: string, values: string[]): Change[] {
  if (values.length === 0) return [];
  return [new Change({ operation, modification: new Attribute({ type, values }) })];
}
