// Values between SCIM resources and app records: reads, conversions, value maps, merges, absent values left out.
/**
 * The record read before an update with the update's fields written over it, for an app that replaces
 * the whole record (or a whole map in it): objects are merged key by key, so the fields the connector
 * does not own survive; lists and other values are replaced; a field the update leaves out keeps its value.
 */
export function mergeRecord<T>(current: unknown, changes: T): T {
  if (!isPlainObject(current) || !isPlainObject(changes)) return changes;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) merged[key] = mergeRecord(current[key], value);
  }
  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `map[value]` for a value map, or undefined for a value it does not list. */
export function lookup<M extends Record<string, string | number | boolean>>(
  map: M,
  value: unknown,
): M[keyof M] | undefined {
  const key =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
  return key === undefined ? undefined : map[key as keyof M];
}

/** The value when it is one of `allowed` (an app field's enum), else undefined. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** A SCIM dateTime as epoch milliseconds (`unit` 1) or seconds (`unit` 1000). */
export function toEpoch(value: string | undefined, unit: number): number | undefined {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isFinite(time) ? Math.floor(time / unit) : undefined;
}

/** Epoch milliseconds (`unit` 1) or seconds (`unit` 1000) as a SCIM dateTime. */
export function fromEpoch(value: number | undefined | null, unit: number): string | undefined {
  return typeof value === 'number' ? new Date(value * unit).toISOString() : undefined;
}

/** A one-element list of a present value, for an app field such as `attributes.department[0]`. */
export function listOf<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** The strings of a multi-valued attribute. */
export function asStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The ids of a group's members (or a user's groups): each element's value. */
export function memberIds(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((m) => asString(field(m, 'value'))).filter((v): v is string => v !== undefined)
    : [];
}

/** `record[key]`, when `record` is an object. */
export function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && !Array.isArray(record)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

/** The element of a multi-valued attribute whose `key` is `value` (e.g. the email of type work). */
export function element(list: unknown, key: string, value: string | boolean): unknown {
  return Array.isArray(list) ? list.find((item) => field(item, key) === value) : undefined;
}

export const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
export const asBoolean = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;
export const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;

/** `T` with null taken out of every field, as compact leaves it. */
export type WithoutNull<T> = T extends null
  ? never
  : T extends (infer E)[]
    ? WithoutNull<E>[]
    : T extends object
      ? { [K in keyof T]: WithoutNull<T[K]> }
      : T;

/**
 * A resource without its absent values: undefined and null fields, empty objects and lists of nothing are
 * left out. It runs on every record of every page an import reads: plain loops, no lists made on the way.
 */
export function compact<T extends object>(value: T): WithoutNull<T> {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const kept = compactValue(record[key]);
    if (!isEmpty(kept)) out[key] = kept;
  }
  return out as WithoutNull<T>;
}

function compactValue(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  if (!Array.isArray(item)) return compact(item);
  const kept: unknown[] = [];
  for (const element of item as unknown[]) {
    const value = typeof element === 'object' && element !== null ? compact(element) : element;
    if (!isEmpty(value)) kept.push(value);
  }
  return kept;
}

function isEmpty(value: unknown): boolean {
  // An app's null is SCIM's absent value.
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length === 0;
  // An email with only its type says nothing: the value is what matters.
  for (const key in value) if (key !== 'type' && key !== 'primary' && Object.hasOwn(value, key)) return false;
  return true;
}
