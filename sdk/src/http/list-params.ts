// Reading list parameters (filter, paging, sorting, attribute lists) into a ListQuery, RFC 7644 §3.4.2.
import { ScimError } from '../protocol/errors.js';
import type { AttrPath } from '../protocol/filter/ast.js';
import { parseFilter } from '../protocol/filter/parser.js';
import { parseAttributeList } from '../protocol/projection.js';
import type { ListQuery } from '../service/scim-service.js';

/** A query string as fastify hands it over: repeated names arrive as arrays. */
export type QueryParams = Readonly<Record<string, string | string[] | undefined>>;

/** A list parameter before reading: query values are strings, `.search` body values may be anything. */
export interface RawListParams {
  filter?: unknown;
  startIndex?: unknown;
  count?: unknown;
  sortBy?: unknown;
  sortOrder?: unknown;
  attributes?: unknown;
  excludedAttributes?: unknown;
}

/** The list parameters of RFC 7644 §3.4.2, which are also the fields of a SearchRequest body (§3.4.3). */
export const LIST_PARAM_NAMES = [
  'filter',
  'startIndex',
  'count',
  'sortBy',
  'sortOrder',
  'attributes',
  'excludedAttributes',
] as const;

/**
 * A single query parameter, its name matched case-insensitively (clients send `startindex`).
 * A parameter given twice is ambiguous and refused.
 */
export function queryParam(query: QueryParams, name: string): string | undefined {
  const lower = name.toLowerCase();
  let found: string | undefined;
  let seen = 0;
  for (const [key, value] of Object.entries(query)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    seen += Array.isArray(value) ? value.length : 1;
    found = Array.isArray(value) ? value[0] : value;
  }
  if (seen > 1)
    throw new ScimError('SCIM_ERR_INVALID_VALUE', { attribute: name, reason: 'given more than once' });
  return found;
}

/** The list parameters by their names in lower case, which is how a query string may spell them. */
const LIST_PARAM_BY_LOWER = new Map<string, (typeof LIST_PARAM_NAMES)[number]>(
  LIST_PARAM_NAMES.map((name) => [name.toLowerCase(), name]),
);

/**
 * The list parameters of a query string, as queryParam reads each one (any case, given once), in one
 * pass over the query: a pass per parameter cost more than the rest of reading a list query.
 */
export function listParamsOfQuery(query: QueryParams): RawListParams {
  const params: Record<string, string> = {};
  const seen = new Set<string>();
  for (const key of Object.keys(query)) {
    const value = query[key];
    const name = LIST_PARAM_BY_LOWER.get(key.toLowerCase());
    if (name === undefined || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (seen.has(name) || (Array.isArray(value) && value.length > 1)) {
      throw new ScimError('SCIM_ERR_INVALID_VALUE', { attribute: name, reason: 'given more than once' });
    }
    seen.add(name);
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params[name] = first;
  }
  return params;
}

/** Beyond any page: a larger value means the same as this one, and arithmetic on it stays exact. */
function saturate(value: number): number {
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, value));
}

/**
 * An integer paging value; anything that is not an integer (or a numeric string of one) is a 400.
 * An integer of any size is taken (`count=100000000000000000000`), saturated at ±2^53-1 for the
 * dialect to clamp, as RFC 7644 §3.4.2.4 says out-of-range values are.
 */
export function pagingInteger(parameter: 'startIndex' | 'count', value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return saturate(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return saturate(Number(value));
  throw new ScimError('SCIM_ERR_INVALID_PAGING', {
    parameter,
    value: typeof value === 'string' ? value.slice(0, 40) : typeof value,
    reason: 'not an integer',
  });
}

function text(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new ScimError('SCIM_ERR_INVALID_VALUE', { attribute: name, reason: 'must be a string' });
}

/** `sortBy`: `[urn:…:]name[.subAttr]`. */
export function parseSortBy(value: string): AttrPath {
  const match = /^(?:(urn:[^\s"()[\]]+):)?([A-Za-z][\w$-]*)(?:\.([A-Za-z][\w$-]*))?$/.exec(value.trim());
  if (match === null || match[2] === undefined) {
    throw new ScimError('SCIM_ERR_INVALID_VALUE', { attribute: 'sortBy', reason: 'not an attribute path' });
  }
  return {
    ...(match[1] === undefined ? {} : { uri: match[1] }),
    name: match[2],
    ...(match[3] === undefined ? {} : { subAttr: match[3] }),
  };
}

function sortOrder(value: string | undefined): ListQuery['sortOrder'] {
  if (value === undefined || value === '') return 'ascending';
  const lower = value.toLowerCase();
  if (lower === 'ascending' || lower === 'descending') return lower;
  throw new ScimError('SCIM_ERR_INVALID_VALUE', {
    attribute: 'sortOrder',
    reason: 'must be ascending or descending',
  });
}

/**
 * Most names in one `attributes` or `excludedAttributes` list: a resource type has a few hundred
 * attribute paths at most, and each name is matched against the others when projecting (100,000
 * names blocked the server 16 s).
 */
export const MAX_ATTRIBUTE_NAMES = 1_000;

/** An attribute list: a comma-separated string (query) or an array of strings (`.search` body). */
export function attributeList(name: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  let names: string[] | undefined;
  // Counted before anything is joined or split: 100,000 names took tens of ms to parse only to be refused.
  if (Array.isArray(value) && value.length > MAX_ATTRIBUTE_NAMES) tooMany(name);
  if (Array.isArray(value)) {
    if (!value.every((v): v is string => typeof v === 'string')) {
      throw new ScimError('SCIM_ERR_INVALID_VALUE', { attribute: name, reason: 'must be strings' });
    }
    names = parseAttributeList(value.join(','));
  } else {
    const list = text(name, value);
    names = list === undefined ? undefined : parseAttributeList(list);
  }
  if (names !== undefined && names.length > MAX_ATTRIBUTE_NAMES) tooMany(name);
  return names;
}

function tooMany(parameter: string): never {
  throw new ScimError('SCIM_ERR_TOO_MANY_ATTRIBUTE_NAMES', { parameter, limit: MAX_ATTRIBUTE_NAMES });
}

/**
 * The `attributes` / `excludedAttributes` of a request for one resource, each name passed through
 * `rename` (the dialect's translation to canonical names).
 */
export function projectionOfQuery(
  query: QueryParams,
  rename: (name: string) => string = (name) => name,
): Pick<ListQuery, 'attributes' | 'excludedAttributes'> {
  const names = (name: 'attributes' | 'excludedAttributes') =>
    attributeList(name, queryParam(query, name))?.map(rename);
  const attributes = names('attributes');
  const excludedAttributes = names('excludedAttributes');
  return {
    ...(attributes === undefined ? {} : { attributes }),
    ...(excludedAttributes === undefined ? {} : { excludedAttributes }),
  };
}

/** How a dialect clamps paging values that parse but are out of range. */
export interface PagingRules {
  /** The server's most results per response. */
  maxResults: number;
  /** Reads startIndex/count that parsed as integers; may throw for values the dialect refuses. */
  clamp(
    startIndex: number | undefined,
    count: number | undefined,
  ): { startIndex: number; count: number | undefined };
}

/** SCIM 2.0 (RFC 7644 §3.4.2.4): startIndex below 1 is 1, a negative count is 0. */
export function clamp20(
  startIndex: number | undefined,
  count: number | undefined,
): { startIndex: number; count: number | undefined } {
  return {
    startIndex: startIndex === undefined || startIndex < 1 ? 1 : startIndex,
    count: count === undefined ? undefined : Math.max(0, count),
  };
}

/**
 * The ListQuery of raw parameters. The filter is parsed (never handed on as text); `count` is
 * always set and at most `maxResults`, so an unpaged list is capped.
 */
export function readListQuery(raw: RawListParams, rules: PagingRules): ListQuery {
  const { startIndex, count } = rules.clamp(
    pagingInteger('startIndex', raw.startIndex),
    pagingInteger('count', raw.count),
  );
  const filterText = text('filter', raw.filter);
  const sortByText = text('sortBy', raw.sortBy);
  const attributes = attributeList('attributes', raw.attributes);
  const excludedAttributes = attributeList('excludedAttributes', raw.excludedAttributes);
  const filter = filterText === undefined || filterText.trim() === '' ? undefined : parseFilter(filterText);
  const sortBy = sortByText === undefined || sortByText === '' ? undefined : parseSortBy(sortByText);
  // Keys added to a literal, not spread from conditional ones: a spread followed by more keys takes
  // V8's slow path, which was most of the cost of reading a list query.
  const query: ListQuery = {
    startIndex,
    count: Math.min(count ?? rules.maxResults, rules.maxResults),
    sortOrder: sortOrder(text('sortOrder', raw.sortOrder)),
  };
  if (filter !== undefined) query.filter = filter;
  if (sortBy !== undefined) query.sortBy = sortBy;
  if (attributes !== undefined) query.attributes = attributes;
  if (excludedAttributes !== undefined) query.excludedAttributes = excludedAttributes;
  return query;
}
