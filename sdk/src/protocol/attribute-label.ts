// How an attribute is named in messages and `changed` lists: canonical case, extensions fully qualified.
import type { ResolvedAttribute } from './schema-types.js';

/** `name.givenName`, `emails`, `urn:…:enterprise:2.0:User:manager.value`. */
export function attributeLabel(resolved: ResolvedAttribute): string {
  const base = resolved.extension ? `${resolved.schema}:${resolved.attribute.name}` : resolved.attribute.name;
  return resolved.subAttribute === undefined ? base : `${base}.${resolved.subAttribute.name}`;
}

/** Unassigned in the sense of RFC 7643 §2.5: absent, null, an empty string or an empty array. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
