// Converts one SCIM value to its column's value and back, through the mapping's value map and transform.
import { InvalidValueError } from '../service/errors.js';
import type { SqlColumnMapping } from './sql-mapping.js';

/** A value a column takes: what the drivers bind as a parameter. */
export type ColumnValue = string | number | boolean | null;

const NUL = '\u0000';

/** PostgreSQL text cannot hold NUL: refused as a value the backend cannot accept (400), never a 500. */
export function assertStorable(attribute: string, value: unknown): void {
  if (typeof value === 'string' && value.includes(NUL))
    throw new InvalidValueError(attribute, 'the database cannot store the NUL character');
}

/** The value map's SCIM side as written in the spec (`'true'`, `'ACTIVE'`) for a SCIM value. */
const mapKey = (value: unknown): string => String(value);

/** The column value of SCIM `value` (undefined or null → null). */
export function toColumn(mapping: SqlColumnMapping, value: unknown): ColumnValue {
  const attribute = mapping.path.join('.');
  if (value === undefined || value === null) return null;
  assertStorable(attribute, value);
  if (mapping.values !== undefined) {
    const mapped = mapping.values[mapKey(value)];
    if (mapped === undefined)
      throw new InvalidValueError(attribute, `the app takes only ${Object.keys(mapping.values).join(', ')}`);
    return mapped;
  }
  if (typeof value === 'string') {
    if (mapping.transform === 'lower') return value.toLowerCase();
    if (mapping.transform === 'upper') return value.toUpperCase();
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  throw new InvalidValueError(attribute, 'a single value is expected');
}

/** A database value as text: dates in ISO form, anything else as the driver gave it. */
export function columnText(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  return JSON.stringify(raw);
}

/** The SCIM value of a column value read back; undefined for null or a value outside the value map. */
export function fromColumn(mapping: SqlColumnMapping, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (mapping.values !== undefined) {
    const entry = Object.entries(mapping.values).find(([, app]) => String(app) === columnText(raw));
    if (entry === undefined) return undefined;
    return scimValue(mapping.type, entry[0]);
  }
  return scimValue(mapping.type, raw);
}

/** A raw database value in the SCIM type: dates as ISO text, numeric text as numbers. */
export function scimValue(type: SqlColumnMapping['type'], raw: unknown): unknown {
  if (raw instanceof Date) return raw.toISOString();
  switch (type) {
    case 'boolean':
      return raw === true || raw === 'true' || raw === 't';
    case 'integer':
    case 'decimal':
      return typeof raw === 'number' ? raw : Number(raw);
    case 'dateTime':
      return typeof raw === 'string' ? new Date(raw).toISOString() : raw;
    default:
      return columnText(raw);
  }
}
