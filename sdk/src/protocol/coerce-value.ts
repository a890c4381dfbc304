// Checks one attribute value against its definition and returns it in canonical form (lenient on input).
import { ScimError } from './errors.js';
import { isJsonObject } from './json-value.js';
import { findSubAttribute } from './resource-schema.js';
import type { AttributeDefinition } from './schema-types.js';
import { runSteps, type Steps } from './steps.js';

/** How strict to be, and the size limits of one value. */
export interface CoerceOptions {
  /** Unknown sub-attributes: dropped ('ignore') or a 400 invalidSyntax ('reject'). */
  unknownAttributes: 'ignore' | 'reject';
  maxStringLength: number;
  maxMultiValued: number;
  /** Most values of a group's `members` (the top-level attribute of that name). */
  maxMembers: number;
}

function invalid(attribute: string, reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_VALUE', { attribute, reason });
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** xsd:dateTime (RFC 7643 §2.3.5), time zone optional. */
const DATE_TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The value in canonical form, or undefined when it is null (unassigned). A multi-valued attribute
 * also takes a single value (wrapped in an array); nulls inside an array are dropped.
 * `label` is the canonical path named in error messages.
 */
export function coerceAttributeValue(
  value: unknown,
  def: AttributeDefinition,
  label: string,
  options: CoerceOptions,
): unknown {
  return runSteps(coerceAttributeSteps(value, def, label, options));
}

/**
 * Values of a multi-valued attribute coerced in one step: a record has up to 1,000 keys, so a step
 * stays within a few milliseconds, and a 100,000-member group takes a few thousand steps.
 */
const VALUES_PER_STEP = 16;

/** coerceAttributeValue as steps (see runSteps), VALUES_PER_STEP values of a multi-valued attribute each. */
export function* coerceAttributeSteps(
  value: unknown,
  def: AttributeDefinition,
  label: string,
  options: CoerceOptions,
): Steps<unknown> {
  if (value === null || value === undefined) return undefined;
  if (!def.multiValued) {
    if (Array.isArray(value)) throw invalid(label, 'expected a single value, got an array');
    return coerceSingleValue(value, def, label, options);
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const limit = label === 'members' ? options.maxMembers : options.maxMultiValued;
  if (items.length > limit)
    throw new ScimError('SCIM_ERR_TOO_MANY_VALUES', { attribute: label, limit: String(limit) });
  const result: unknown[] = [];
  for (let start = 0; start < items.length; start += VALUES_PER_STEP) {
    if (start > 0) yield;
    coerceValues(items.slice(start, start + VALUES_PER_STEP), def, label, options, result);
  }
  return def.type === 'complex' ? withOnePrimary(result) : result;
}

/** Coerces each of `items` (values of a multi-valued attribute) onto `result`. */
function coerceValues(
  items: unknown[],
  def: AttributeDefinition,
  label: string,
  options: CoerceOptions,
  result: unknown[],
): void {
  for (const item of items) {
    if (Array.isArray(item)) throw invalid(label, 'expected values, got a nested array');
    const coerced = coerceSingleValue(item, def, label, options);
    if (coerced !== undefined) result.push(coerced);
  }
}

/**
 * RFC 7643 §2.4: `primary` is true on one record at most. Clients do send several; the last one
 * keeps it, as when a PATCH writes records one after another.
 */
function withOnePrimary(records: unknown[]): unknown[] {
  const isPrimary = (record: unknown): boolean => isJsonObject(record) && record['primary'] === true;
  const keep = records.findLastIndex(isPrimary);
  return records.map((record, index) =>
    index !== keep && isPrimary(record) ? { ...(record as Record<string, unknown>), primary: false } : record,
  );
}

/**
 * One value (one element of a multi-valued attribute). Leniency, as clients send it: booleans as
 * "true"/"False"; integers and decimals as numeric strings; numbers for strings; a bare value for a
 * complex attribute that has a `value` sub-attribute (`"manager": "42"` is `{"value": "42"}`).
 */
export function coerceSingleValue(
  value: unknown,
  def: AttributeDefinition,
  label: string,
  options: CoerceOptions,
): unknown {
  if (value === null || value === undefined) return undefined;
  switch (def.type) {
    case 'complex':
      return coerceComplex(value, def, label, options);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (text === 'true') return true;
        if (text === 'false') return false;
      }
      throw invalid(label, 'expected a boolean');
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (
        typeof value === 'string' &&
        INTEGER_TEXT.test(value.trim()) &&
        Number.isSafeInteger(Number(value))
      ) {
        return Number(value);
      }
      throw invalid(label, 'expected an integer');
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim()) && Number.isFinite(Number(value))) {
        return Number(value);
      }
      throw invalid(label, 'expected a number');
    case 'dateTime':
      if (typeof value === 'string' && DATE_TIME_TEXT.test(value) && !Number.isNaN(Date.parse(value)))
        return checkLength(value, label, options);
      throw invalid(label, 'expected a date and time such as 2026-11-28T17:00:00Z');
    case 'string':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'string') return checkLength(value, label, options);
      throw invalid(label, 'expected a string');
    case 'reference':
    case 'binary':
      if (typeof value === 'string') return checkLength(value, label, options);
      throw invalid(label, 'expected a string');
  }
}

function checkLength(value: string, label: string, options: CoerceOptions): string {
  if (value.length > options.maxStringLength)
    throw invalid(label, `longer than ${options.maxStringLength} characters`);
  return value;
}

function coerceComplex(
  value: unknown,
  def: AttributeDefinition,
  label: string,
  options: CoerceOptions,
): unknown {
  if (!isJsonObject(value)) {
    const valueSub = findSubAttribute(def, 'value');
    if (valueSub !== undefined && typeof value !== 'object') {
      return coerceComplex({ value }, def, label, options);
    }
    throw invalid(label, 'expected an object');
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const sub = findSubAttribute(def, key);
    if (sub === undefined) {
      if (options.unknownAttributes === 'reject') {
        throw new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: `unknown attribute "${label}.${key}"` });
      }
      continue;
    }
    if (sub.mutability === 'readOnly') continue;
    const coerced = coerceAttributeValue(item, sub, `${label}.${sub.name}`, options);
    if (coerced !== undefined) result[sub.name] = coerced;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}
