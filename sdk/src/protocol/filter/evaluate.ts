// Evaluates a filter AST against canonical resources in memory, with the comparison rules of RFC 7644 §3.4.2.2.
import { findSubAttribute, isNeverReturned } from '../resource-schema.js';
import { getOwn, getResolvedValues } from '../attribute-access.js';
import type { AttrPath, CompareOp, Filter } from './ast.js';
import { chainOperands } from './chain.js';
import type { ScimResource } from '../resource.js';
import { userNameKey } from '../name-key.js';
import type { AttributeDefinition, ResourceSchema } from '../schema-types.js';

/** A compiled test of a resource (or, inside a value filter, of one element). */
type Predicate = (subject: unknown) => boolean;
/** How to read a path's values from a subject, and the definition they compare by. */
interface Accessor {
  read: (subject: unknown) => unknown[];
  def: AttributeDefinition;
}
interface Scope {
  /** The accessor for a path; undefined for an unknown path, which matches nothing. */
  access(path: AttrPath): Accessor | undefined;
  valuePath(path: AttrPath, filter: Filter): Predicate;
}

const never: Predicate = () => false;

/**
 * An attribute the client may never read (`password`) matches nothing: otherwise `password sw "a"`
 * would let a client guess a stored password one character at a time.
 */
function isHidden(def: AttributeDefinition | undefined): boolean {
  return def !== undefined && isNeverReturned(def);
}

/** Attribute, element, sub-attribute, its values: deeper data is not SCIM and counts as present. */
const EMPTY_DEPTH = 4;

/** Whether a value is "not present" for `pr` (RFC 7644 §3.4.2.2): null, "", or only empty parts. */
function isEmpty(value: unknown, depth = 0): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object' || depth >= EMPTY_DEPTH) return false;
  const parts = Array.isArray(value) ? value : Object.values(value);
  return parts.every((part) => isEmpty(part, depth + 1));
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

/** Numbers, also as numeric strings. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    if (Number.isFinite(number)) return number;
  }
  return undefined;
}

/**
 * What a string attribute compares by: itself when caseExact, else its userNameKey. Every string
 * compared ignoring case uses the same key as userName, not only userName: a filter on `emails`
 * or `displayName` then finds exactly what a store's index of the same names would, and
 * "STRASSE" finds "Straße" wherever case is ignored, as RFC 7644 §3.4.2.2 asks for all of them.
 */
function stringKey(value: string, def: AttributeDefinition): string {
  return def.caseExact ? value : userNameKey(value);
}

/** Types compared as strings (valueMatcher's default branch). */
function isStringType(def: AttributeDefinition): boolean {
  return !['boolean', 'integer', 'decimal', 'dateTime', 'complex'].includes(def.type);
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

/**
 * A test of one value against the literal, by the attribute's type, with the literal prepared once.
 * Mismatched types never match; booleans only take eq/ne; numbers take no co/sw/ew.
 */
function valueMatcher(
  op: CompareOp,
  literal: string | number | boolean,
  def: AttributeDefinition,
): Predicate {
  switch (def.type) {
    case 'boolean': {
      const want = asBoolean(literal);
      if (want === undefined || (op !== 'eq' && op !== 'ne')) return never;
      return (actual) => {
        const value = asBoolean(actual);
        return value !== undefined && (value === want) === (op === 'eq');
      };
    }
    case 'integer':
    case 'decimal': {
      const want = asNumber(literal);
      if (want === undefined) return never;
      return (actual) => {
        const value = asNumber(actual);
        return value !== undefined && ordered(op, value - want);
      };
    }
    case 'dateTime': {
      if (typeof literal !== 'string') return never;
      if (op === 'co' || op === 'sw' || op === 'ew') {
        const lower = literal.toLowerCase();
        return (actual) => typeof actual === 'string' && compareStrings(op, actual.toLowerCase(), lower);
      }
      const instant = Date.parse(literal);
      if (Number.isNaN(instant)) return never;
      return (actual) => {
        if (typeof actual !== 'string') return false;
        const value = Date.parse(actual);
        return !Number.isNaN(value) && ordered(op, value - instant);
      };
    }
    default: {
      // Strings, references and binaries; an object (a complex value) is no string and never matches.
      const want = stringKey(String(literal), def);
      return (actual) => {
        const value = asString(actual);
        return value !== undefined && compareStrings(op, stringKey(value, def), want);
      };
    }
  }
}

function anyPresent(values: unknown[]): boolean {
  for (const value of values) if (!isEmpty(value)) return true;
  return false;
}

function compileCompare(filter: Filter & { kind: 'compare' }, scope: Scope): Predicate {
  const accessor = scope.access(filter.path);
  if (accessor === undefined) return never;
  const { op, value } = filter;
  if (value === null) {
    // `eq null` asks for absence, `ne null` for presence; other operators cannot order null.
    if (op === 'eq') return (subject) => !anyPresent(accessor.read(subject));
    if (op === 'ne') return (subject) => anyPresent(accessor.read(subject));
    return never;
  }
  if (accessor.def.type !== 'complex') {
    const match = valueMatcher(op, value, accessor.def);
    return (subject) => accessor.read(subject).some(match);
  }
  // A complex attribute named without a sub-attribute (`emails co "x"`) stands for its `value`
  // sub-attribute (RFC 7643 §2.4); one without `value` compares as nothing.
  const valueDef = findSubAttribute(accessor.def, 'value');
  if (valueDef === undefined || isHidden(valueDef)) return never;
  const match = valueMatcher(op, value, valueDef);
  return (subject) =>
    accessor.read(subject).some((element) => {
      const inner = getOwn(element, 'value');
      return Array.isArray(inner) ? inner.some(match) : inner !== undefined && inner !== null && match(inner);
    });
}

function compile(filter: Filter, scope: Scope): Predicate {
  switch (filter.kind) {
    case 'and':
    case 'or': {
      const parts = chainOperands(filter).map((operand) => compile(operand, scope));
      return filter.kind === 'and'
        ? (subject) => parts.every((part) => part(subject))
        : (subject) => parts.some((part) => part(subject));
    }
    case 'not': {
      const inner = compile(filter.filter, scope);
      return (subject) => !inner(subject);
    }
    case 'valuePath':
      return scope.valuePath(filter.path, filter.filter);
    case 'present': {
      const accessor = scope.access(filter.path);
      if (accessor === undefined) return never;
      return (subject) => anyPresent(accessor.read(subject));
    }
    case 'compare':
      return compileCompare(filter, scope);
  }
}

function elementScope(parent: AttributeDefinition): Scope {
  return {
    access(path) {
      if (path.uri !== undefined || path.subAttr !== undefined) return undefined;
      const def = findSubAttribute(parent, path.name);
      if (def === undefined || isHidden(def)) return undefined;
      return {
        def,
        read(element) {
          const value = getOwn(element, def.name);
          if (value === undefined || value === null) return [];
          return Array.isArray(value) ? (value as unknown[]) : [value];
        },
      };
    },
    valuePath: () => never,
  };
}

function resourceScope(schema: ResourceSchema): Scope {
  return {
    access(path) {
      const resolved = schema.resolve(path);
      if (resolved === undefined || isHidden(resolved.attribute) || isHidden(resolved.subAttribute)) {
        return undefined;
      }
      return {
        def: resolved.subAttribute ?? resolved.attribute,
        read: (resource) => getResolvedValues(resource as ScimResource, resolved),
      };
    },
    valuePath(path, filter) {
      const resolved = schema.resolve(path);
      if (
        resolved === undefined ||
        resolved.subAttribute !== undefined ||
        resolved.attribute.type !== 'complex' ||
        isHidden(resolved.attribute)
      ) {
        return never;
      }
      const inner = compile(filter, elementScope(resolved.attribute));
      return (resource) => getResolvedValues(resource as ScimResource, resolved).some(inner);
    },
  };
}

/**
 * A reusable test of resources against `filter`: paths are resolved and literals prepared once, so
 * filtering a list should compile once and call the result per resource.
 */
export function compileFilter(filter: Filter, schema: ResourceSchema): (resource: ScimResource) => boolean {
  return compile(filter, resourceScope(schema));
}

/**
 * Whether `resource` matches `filter`. Strings compare ignoring case unless the attribute is
 * caseExact; dateTimes compare as instants; a multi-valued attribute matches when any value does.
 * Unknown attributes, attributes never returned (`password`), mismatched types and ordering of
 * booleans or complex values never match (no error): a filter the schema cannot satisfy selects nothing. `eq null` means "absent",
 * `ne null` "present"; an absent attribute matches no other comparison, `ne` included.
 */
export function evaluateFilter(filter: Filter, resource: ScimResource, schema: ResourceSchema): boolean {
  return compileFilter(filter, schema)(resource);
}

/**
 * Whether one element of a multi-valued complex attribute (`parent`) matches a value filter's inner
 * filter, e.g. `value eq "2819c223"` of `members[value eq "2819c223"]`. Paths are sub-attribute names.
 */
export function matchesElement(filter: Filter, element: unknown, parent: AttributeDefinition): boolean {
  return compile(filter, elementScope(parent))(element);
}

/**
 * One test of an element against several value filters at once, true when any of them matches, in
 * time that does not grow with the number of filters where they are `eq` on a string
 * sub-attribute (`value eq "…"`): those are looked up in a set. A PATCH removing 10,000 members
 * one `members[value eq "…"]` at a time then costs one pass over the members, not 10,000.
 */
export function compileElementFilters(
  filters: readonly Filter[],
  parent: AttributeDefinition,
): (element: unknown) => boolean {
  const scope = elementScope(parent);
  const lookups = new Map<string, { accessor: Accessor; keys: Set<string> }>();
  const others: Predicate[] = [];
  for (const filter of filters) {
    const accessor =
      filter.kind === 'compare' && filter.op === 'eq' && typeof filter.value === 'string'
        ? scope.access(filter.path)
        : undefined;
    if (accessor === undefined || !isStringType(accessor.def)) {
      others.push(compile(filter, scope));
      continue;
    }
    let lookup = lookups.get(accessor.def.name);
    if (lookup === undefined) lookups.set(accessor.def.name, (lookup = { accessor, keys: new Set() }));
    lookup.keys.add(stringKey((filter as { value: string }).value, accessor.def));
  }
  const indexed = [...lookups.values()];
  return (element) =>
    indexed.some(({ accessor, keys }) =>
      accessor.read(element).some((actual) => {
        const value = asString(actual);
        return value !== undefined && keys.has(stringKey(value, accessor.def));
      }),
    ) || others.some((predicate) => predicate(element));
}
