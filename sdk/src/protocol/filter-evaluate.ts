// Evaluates a filter AST against canonical resources in memory, with the comparison rules of RFC 7644 §3.4.2.2.
import { findSubAttribute } from './resource-schema.js';
import { getAttributeValues, getOwn } from './attribute-access.js';
import type { AttrPath, CompareOp, Filter, FilterValue } from './filter-ast.js';
import type { ScimResource } from './resource.js';
import type { AttributeDefinition, ResourceSchema } from './schema-types.js';

/** The values a path names and the definition they are compared by; undefined for an unknown path. */
type Lookup = (path: AttrPath) => { values: unknown[]; def: AttributeDefinition } | undefined;
type ValuePathTest = (path: AttrPath, filter: Filter) => boolean;

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/**
 * A multi-valued complex attribute named without a sub-attribute (`emails co "x"`) stands for its
 * `value` sub-attribute (RFC 7643 §2.4); other complex attributes compare as nothing.
 */
function comparable(values: unknown[], def: AttributeDefinition): { values: unknown[]; def: AttributeDefinition } {
  if (def.type !== 'complex') return { values, def };
  const valueDef = findSubAttribute(def, 'value');
  if (valueDef === undefined) return { values: [], def };
  const out: unknown[] = [];
  for (const element of values) {
    const value = getOwn(element, 'value');
    if (Array.isArray(value)) out.push(...value);
    else if (value !== undefined && value !== null) out.push(value);
  }
  return { values: out, def: valueDef };
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Booleans, also as the strings "true"/"false" some clients send. */
function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    if (Number.isFinite(number)) return number;
  }
  return undefined;
}

function ordered(op: CompareOp, diff: number): boolean {
  switch (op) {
    case 'eq':
      return diff === 0;
    case 'ne':
      return diff !== 0;
    case 'gt':
      return diff > 0;
    case 'ge':
      return diff >= 0;
    case 'lt':
      return diff < 0;
    case 'le':
      return diff <= 0;
    default:
      return false;
  }
}

function compareStrings(op: CompareOp, actual: string, literal: string): boolean {
  switch (op) {
    case 'co':
      return actual.includes(literal);
    case 'sw':
      return actual.startsWith(literal);
    case 'ew':
      return actual.endsWith(literal);
    default:
      return ordered(op, actual < literal ? -1 : actual > literal ? 1 : 0);
  }
}

/** One value against a literal, by the attribute's type; mismatched types never match. */
function compareValue(op: CompareOp, actual: unknown, literal: FilterValue, def: AttributeDefinition): boolean {
  switch (def.type) {
    case 'boolean': {
      const a = asBoolean(actual);
      const b = asBoolean(literal);
      if (a === undefined || b === undefined) return false;
      return op === 'eq' ? a === b : op === 'ne' ? a !== b : false;
    }
    case 'integer':
    case 'decimal': {
      const a = asNumber(actual);
      const b = asNumber(literal);
      return a !== undefined && b !== undefined && ordered(op, a - b);
    }
    case 'dateTime': {
      if (typeof actual !== 'string' || typeof literal !== 'string') return false;
      if (op === 'co' || op === 'sw' || op === 'ew') {
        return compareStrings(op, actual.toLowerCase(), literal.toLowerCase());
      }
      const a = Date.parse(actual);
      const b = Date.parse(literal);
      return !Number.isNaN(a) && !Number.isNaN(b) && ordered(op, a - b);
    }
    case 'complex':
      return false;
    default: {
      const a = asString(actual);
      const b = asString(literal);
      if (a === undefined || b === undefined) return false;
      return def.caseExact ? compareStrings(op, a, b) : compareStrings(op, a.toLowerCase(), b.toLowerCase());
    }
  }
}

function evaluate(filter: Filter, lookup: Lookup, valuePath: ValuePathTest): boolean {
  switch (filter.kind) {
    case 'and': {
      // Walks the left spine in a loop: parsed chains nest to the left and may be long.
      let node: Filter = filter;
      while (node.kind === 'and') {
        if (!evaluate(node.right, lookup, valuePath)) return false;
        node = node.left;
      }
      return evaluate(node, lookup, valuePath);
    }
    case 'or': {
      let node: Filter = filter;
      while (node.kind === 'or') {
        if (evaluate(node.right, lookup, valuePath)) return true;
        node = node.left;
      }
      return evaluate(node, lookup, valuePath);
    }
    case 'not':
      return !evaluate(filter.filter, lookup, valuePath);
    case 'valuePath':
      return valuePath(filter.path, filter.filter);
    case 'present': {
      const found = lookup(filter.path);
      return found !== undefined && found.values.some((value) => !isEmpty(value));
    }
    case 'compare': {
      const found = lookup(filter.path);
      if (found === undefined) return false;
      const { values, def } = comparable(found.values, found.def);
      const { op, value } = filter;
      if (value === null) {
        // `eq null` asks for absence, `ne null` for presence; other operators cannot order null.
        const present = found.values.some((v) => !isEmpty(v));
        return op === 'eq' ? !present : op === 'ne' ? present : false;
      }
      return values.some((actual) => compareValue(op, actual, value, def));
    }
  }
}

function elementLookup(element: unknown, parent: AttributeDefinition): Lookup {
  return (path) => {
    if (path.uri !== undefined || path.subAttr !== undefined) return undefined;
    const def = findSubAttribute(parent, path.name);
    if (def === undefined) return undefined;
    const value = getOwn(element, def.name);
    const values = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    return { values, def };
  };
}

const noNestedValuePath: ValuePathTest = () => false;

/**
 * Whether one element of a multi-valued complex attribute (`parent`) matches a value filter's inner
 * filter, e.g. `value eq "2819c223"` of `members[value eq "2819c223"]`. Paths are sub-attribute names.
 */
export function matchesElement(filter: Filter, element: unknown, parent: AttributeDefinition): boolean {
  return evaluate(filter, elementLookup(element, parent), noNestedValuePath);
}

/**
 * Whether `resource` matches `filter`. Strings compare ignoring case unless the attribute is
 * caseExact; dateTimes compare as instants; a multi-valued attribute matches when any value does.
 * Unknown attributes, mismatched types and ordering of booleans or complex values never match
 * (no error): a filter the schema cannot satisfy selects nothing. `eq null` means "absent".
 */
export function evaluateFilter(filter: Filter, resource: ScimResource, schema: ResourceSchema): boolean {
  const lookup: Lookup = (path) => {
    const resolved = schema.resolve(path);
    if (resolved === undefined) return undefined;
    return { values: getAttributeValues(resource, path, schema), def: resolved.subAttribute ?? resolved.attribute };
  };
  const valuePath: ValuePathTest = (path, inner) => {
    const resolved = schema.resolve(path);
    if (resolved === undefined || resolved.subAttribute !== undefined || resolved.attribute.type !== 'complex') {
      return false;
    }
    const parent = resolved.attribute;
    return getAttributeValues(resource, path, schema).some((element) => matchesElement(inner, element, parent));
  };
  return evaluate(filter, lookup, valuePath);
}
