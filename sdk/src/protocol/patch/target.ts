// Where a PATCH writes: the attribute's container (the resource or its extension object), read and written by canonical name.
import { findKey, getOwn } from '../attribute-access.js';
import { isJsonObject } from '../json-value.js';
import type { ScimResource } from '../resource.js';
import type { ResolvedAttribute } from '../schema-types.js';

/**
 * Sets `obj[name]` (`name` is a schema's canonical name, never a client's key), dropping a key that
 * differs only in case; `undefined` removes the attribute.
 */
export function writeValue(obj: Record<string, unknown>, name: string, value: unknown): void {
  const key = findKey(obj, name);
  if (key !== undefined && key !== name) delete obj[key];
  if (value === undefined) delete obj[name];
  else obj[name] = value;
}

/**
 * The object holding the attribute: the resource, or its extension object under the canonical URN
 * key (created when `create`; undefined when absent and not created).
 */
export function containerOf(
  resource: ScimResource,
  resolved: ResolvedAttribute,
  create: boolean,
): Record<string, unknown> | undefined {
  if (!resolved.extension) return resource;
  const existing = getOwn(resource, resolved.schema);
  if (isJsonObject(existing)) {
    writeValue(resource, resolved.schema, existing);
    return existing;
  }
  if (!create) return undefined;
  const fresh: Record<string, unknown> = {};
  writeValue(resource, resolved.schema, fresh);
  return fresh;
}

/** The value a resolved path names on a resource; for a sub-attribute of a multi-valued one, one per record. */
export function readResolved(resource: ScimResource, resolved: ResolvedAttribute): unknown {
  const container = resolved.extension ? getOwn(resource, resolved.schema) : resource;
  const value = getOwn(container, resolved.attribute.name);
  const sub = resolved.subAttribute;
  if (sub === undefined) return value;
  return Array.isArray(value) ? value.map((record) => getOwn(record, sub.name)) : getOwn(value, sub.name);
}
