// Reads attribute values out of canonical resources by path, case-insensitively, and orders them by schema type.
import type { AttrPath } from './filter/ast.js';
import type { ScimResource } from './resource.js';
import { isForbiddenKey, isJsonObject } from './json-value.js';
import type { AttributeDefinition, ResolvedAttribute, ResourceSchema } from './schema-types.js';

/**
 * The own key of `obj` equal to `name` ignoring case (an exact match wins). Never answers
 * `__proto__`, `constructor` or `prototype`, so callers cannot walk into the prototype chain.
 */
export function findKey(obj: object, name: string): string | undefined {
  const wanted = name.toLowerCase();
  if (isForbiddenKey(wanted)) return undefined;
  if (Object.hasOwn(obj, name)) return name;
  for (const key of Object.keys(obj)) {
    if (key.toLowerCase() === wanted) return key;
  }
  return undefined;
}

/** The value of `obj`'s attribute `name` (case-insensitive), or undefined. */
export function getOwn(obj: unknown, name: string): unknown {
  if (!isJsonObject(obj)) return undefined;
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

function pushFlat(out: unknown[], value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const element of value) if (element !== undefined && element !== null) out.push(element);
  } else {
    out.push(value);
  }
}

/**
 * Every value a path names on `resource`: each element of a multi-valued attribute, and for
 * `emails.value` the `value` of every email. Extension attributes are read under their URN key
 * (case-insensitive). Absent and null values are left out; an unknown path yields [].
 */
export function getAttributeValues(
  resource: ScimResource,
  path: AttrPath,
  schema: ResourceSchema,
): unknown[] {
  const resolved = schema.resolve(path);
  return resolved === undefined ? [] : getResolvedValues(resource, resolved);
}

/** getAttributeValues for a path already resolved against the resource's schema. */
export function getResolvedValues(resource: ScimResource, resolved: ResolvedAttribute): unknown[] {
  const container = resolved.extension ? getOwn(resource, resolved.schema) : resource;
  const top: unknown[] = [];
  pushFlat(top, getOwn(container, resolved.attribute.name));
  if (resolved.subAttribute === undefined) return top;
  const out: unknown[] = [];
  for (const element of top) pushFlat(out, getOwn(element, resolved.subAttribute.name));
  return out;
}

/** The value a multi-valued complex attribute is ordered by: its primary element's `value`, else the first's. */
function sortValue(
  value: unknown,
  attribute: AttributeDefinition,
): { value: unknown; attribute: AttributeDefinition } {
  if (attribute.type !== 'complex') {
    return { value: Array.isArray(value) ? value[0] : value, attribute };
  }
  const valueDef = attribute.subAttributes?.find((sub) => sub.name.toLowerCase() === 'value');
  if (valueDef === undefined) return { value: undefined, attribute };
  const elements: unknown[] = Array.isArray(value) ? value : [value];
  const primary = elements.find((element) => getOwn(element, 'primary') === true) ?? elements[0];
  return { value: getOwn(primary, 'value'), attribute: valueDef };
}

function rank(value: unknown): number {
  switch (typeof value) {
    case 'boolean':
      return 0;
    case 'number':
      return 1;
    case 'string':
      return 2;
    default:
      return 3;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two values of `attribute` (for sortBy, RFC 7644 §3.4.2.3): strings by code unit, ignoring
 * case unless caseExact; dateTimes by instant; numbers and booleans (false first) by value; a
 * multi-valued complex attribute by its primary `value`. Missing values order after present ones.
 */
export function compareAttributeValues(a: unknown, b: unknown, attribute: AttributeDefinition): number {
  const left = sortValue(a, attribute);
  const right = sortValue(b, attribute);
  const x = left.value;
  const y = right.value;
  const def = left.attribute;
  const xMissing = x === undefined || x === null;
  const yMissing = y === undefined || y === null;
  if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
  if (typeof x === 'string' && typeof y === 'string') {
    if (def.type === 'dateTime') {
      const tx = Date.parse(x);
      const ty = Date.parse(y);
      if (!Number.isNaN(tx) && !Number.isNaN(ty)) return tx - ty;
    }
    return def.caseExact ? compareStrings(x, y) : compareStrings(x.toLowerCase(), y.toLowerCase());
  }
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return rank(x) - rank(y);
}
