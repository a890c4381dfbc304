// SCIM lists over an app's list operation: pages fetched, filters pushed down where the app can search, the rest in memory.
import { ScimError } from '../protocol/errors.js';
import type { Filter } from '../protocol/filter/ast.js';
import type { ResourceTypeName, ScimResource } from '../protocol/resource.js';
import type { ResourceSchema } from '../protocol/schema-types.js';
import { applyListQuery } from '../service/apply-list-query.js';
import { NotFoundError } from '../service/errors.js';
import type { ListQuery, ListResult } from '../service/scim-service.js';

/** One page as the list operation answered it. */
export interface AppPage<T> {
  items: T[];
  total?: number | undefined;
  /** A cursor list's next token; a page that has the key but no token is the last one. */
  next?: string | undefined;
}

/** Fetches one page: from `start` (0-based), at most `size` items, after `cursor`, with pushed-down filters. */
export type FetchPage<T> = (
  start: number,
  size: number,
  cursor: string | undefined,
  filters: Record<string, string>,
) => Promise<AppPage<T>>;

/**
 * Every item of a paged list, fetching page after page until the app has no more; more than `max`
 * items is 400 tooMany (never a silent partial answer).
 */
export async function fetchAll<T>(
  fetchPage: FetchPage<T>,
  size: number,
  max: number,
  filters: Record<string, string>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  // Bounded: at most max items plus one page; a page that adds nothing ends the loop.
  for (;;) {
    const page = await fetchPage(all.length, size, cursor, filters);
    all.push(...page.items);
    if (all.length > max || (page.total !== undefined && page.total > max)) {
      throw new ScimError('SCIM_ERR_TOO_MANY', {
        reason: `the app holds more than ${max} resources to filter in memory: filter on an attribute the app can search`,
      });
    }
    // A cursor list ends without a next token; one without a total or cursor, at a short page.
    const done =
      page.items.length === 0 ||
      (page.total !== undefined
        ? all.length >= page.total
        : 'next' in page
          ? page.next === undefined
          : page.items.length < size);
    if (done) return all;
    cursor = page.next;
  }
}

/** The values of `attribute eq "…"` terms, when the whole filter is one or an `or` of them; else undefined. */
export function pushableValues(filter: Filter | undefined, attribute: string): string[] | undefined {
  if (filter === undefined) return undefined;
  if (filter.kind === 'or') {
    const left = pushableValues(filter.left, attribute);
    const right = pushableValues(filter.right, attribute);
    return left === undefined || right === undefined ? undefined : [...left, ...right];
  }
  const plain = filter.kind === 'compare' && filter.op === 'eq' && filter.path.subAttr === undefined;
  if (
    !plain ||
    filter.path.name.toLowerCase() !== attribute.toLowerCase() ||
    typeof filter.value !== 'string'
  ) {
    return undefined;
  }
  return [filter.value];
}

/** How a resource's list operation is called and read. */
export interface ListCalls<A, R extends ScimResource> {
  fetchPage: FetchPage<A>;
  fromApp: (record: A) => R;
  /** SCIM attribute → the query parameter its `eq` value is pushed down to. */
  pushDown: readonly (readonly [string, string])[];
  /** The largest page the app serves. */
  pageSize: number;
  /** Whether one SCIM page can be read as one app page (offset-style paging and a known total). */
  pagesDirectly: boolean;
  maxInMemory: number;
}

/**
 * A SCIM list query over the app: an `eq` (or an `or` of them) the app can search is pushed down,
 * one call per value, merged; an unfiltered page is read straight from the app when its paging
 * allows; anything else is fetched (at most `maxInMemory`) and filtered, sorted and paged in memory.
 */
export async function listResources<A, R extends ScimResource>(
  query: ListQuery,
  schema: ResourceSchema,
  list: ListCalls<A, R>,
): Promise<ListResult<R>> {
  for (const [attribute, parameter] of list.pushDown) {
    const values = pushableValues(query.filter, attribute);
    if (values === undefined) continue;
    const found = new Map<string, R>();
    for (const value of values) {
      const items = await fetchAll(list.fetchPage, list.pageSize, list.maxInMemory, { [parameter]: value });
      for (const resource of items.map(list.fromApp)) found.set(resource.id ?? '', resource);
    }
    // The app's search may be looser than SCIM's eq (prefix, case): the filter is applied again here.
    return applyListQuery(found.values(), query, schema);
  }
  const count = query.count ?? list.pageSize;
  if (
    list.pagesDirectly &&
    query.filter === undefined &&
    query.sortBy === undefined &&
    count <= list.pageSize
  ) {
    const page = await list.fetchPage(Math.max(0, query.startIndex - 1), Math.max(1, count), undefined, {});
    const resources = count === 0 ? [] : page.items.slice(0, count).map(list.fromApp);
    return { resources, totalResults: page.total ?? resources.length };
  }
  const all = await fetchAll(list.fetchPage, list.pageSize, list.maxInMemory, {});
  return applyListQuery(all.map(list.fromApp), query, schema);
}

/** The resource, or NotFoundError when a read after a write finds none. */
export function found<R>(resource: R | undefined, type: ResourceTypeName, id: string): R {
  if (resource === undefined) throw new NotFoundError(type, id);
  return resource;
}

/** A number in a response header (e.g. X-Total-Count), if there is one. */
export function headerNumber(response: Response, name: string): number | undefined {
  const value = Number(response.headers.get(name) ?? Number.NaN);
  return Number.isFinite(value) ? value : undefined;
}

/** The `cursor` query parameter of a Link header's rel="next" URL, if any. */
export function nextFromLink(response: Response, cursor: string): string | undefined {
  const link = response.headers.get('link');
  const next = link?.split(',').find((part) => /rel="?next"?/.test(part));
  const url = next === undefined ? undefined : /<([^>]+)>/.exec(next)?.[1];
  return url === undefined ? undefined : (new URL(url, 'http://app').searchParams.get(cursor) ?? undefined);
}
