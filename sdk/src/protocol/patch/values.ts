// Value comparison for PATCH: when two values are equal, and when two records of a multi-valued attribute are the same one.
import { getOwn } from '../attribute-access.js';
import { isJsonObject } from '../json-value.js';
import { userNameKey } from '../name-key.js';
import { findSubAttribute } from '../resource-schema.js';
import type { AttributeDefinition } from '../schema-types.js';

/** Structural equality of two JSON values, object key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

/** Equality under an attribute's rules: strings compare by userNameKey unless caseExact, dateTimes compare as instants. */
export function valuesEqual(a: unknown, b: unknown, def: AttributeDefinition | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string' && def !== undefined) {
    if (def.type === 'dateTime') {
      const [x, y] = [Date.parse(a), Date.parse(b)];
      if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
    }
    return def.caseExact ? a === b : userNameKey(a) === userNameKey(b);
  }
  return jsonEqual(a, b);
}

/**
 * Whether `candidate` names the same record as `existing` in a multi-valued attribute: for a complex
 * attribute with a `value` sub-attribute, the same `value` (and the same `type` when both have one:
 * a work and a home email may share an address); otherwise equal values.
 */
export function sameRecord(existing: unknown, candidate: unknown, def: AttributeDefinition): boolean {
  if (def.type !== 'complex') return valuesEqual(existing, candidate, def);
  const valueDef = findSubAttribute(def, 'value');
  const candidateValue = getOwn(candidate, 'value');
  if (valueDef === undefined || candidateValue === undefined) return jsonEqual(existing, candidate);
  if (!valuesEqual(getOwn(existing, 'value'), candidateValue, valueDef)) return false;
  const typeDef = findSubAttribute(def, 'type');
  const [existingType, candidateType] = [getOwn(existing, 'type'), getOwn(candidate, 'type')];
  return (
    existingType === undefined ||
    candidateType === undefined ||
    valuesEqual(existingType, candidateType, typeDef)
  );
}

/**
 * The bucket sameRecord can only find `value` in: equal values (as valuesEqual compares them) share a
 * key. Undefined where no key is sure (dateTimes, objects, no value): such look-ups scan every record.
 */
function valueKey(value: unknown, def: AttributeDefinition): string | undefined {
  if (typeof value === 'string') {
    if (def.type === 'dateTime') return undefined;
    return `s${def.caseExact ? value : userNameKey(value)}`;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return `j${String(value)}`;
  return undefined;
}

/**
 * The records of a multi-valued attribute, looked up with sameRecord in time proportional to the
 * records sharing a value rather than to all of them: adding or removing thousands of members of a
 * large group would otherwise block the server for seconds.
 */
export class RecordIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly valueDef: AttributeDefinition | undefined;

  constructor(
    private readonly records: readonly unknown[],
    private readonly def: AttributeDefinition,
  ) {
    this.valueDef = def.type === 'complex' ? findSubAttribute(def, 'value') : def;
    for (let index = 0; index < records.length; index++) this.add(index);
  }

  private keyOf(record: unknown): string | undefined {
    if (this.valueDef === undefined) return undefined;
    return valueKey(this.def.type === 'complex' ? getOwn(record, 'value') : record, this.valueDef);
  }

  /** Indexes `records[index]`, e.g. a record just appended. */
  add(index: number): void {
    const key = this.keyOf(this.records[index]);
    if (key === undefined) return;
    const bucket = this.buckets.get(key);
    if (bucket === undefined) this.buckets.set(key, [index]);
    else bucket.push(index);
  }

  /** The indices, in order, of the records sameRecord finds to be `candidate`. */
  matches(candidate: unknown): number[] {
    const key = this.keyOf(candidate);
    const indices = key === undefined ? [...this.records.keys()] : (this.buckets.get(key) ?? []);
    return indices.filter((index) => sameRecord(this.records[index], candidate, this.def));
  }
}

/** Records whose `primary` is true. */
export function isPrimary(record: unknown): boolean {
  return isJsonObject(record) && getOwn(record, 'primary') === true;
}
