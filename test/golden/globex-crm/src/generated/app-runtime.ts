// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Calls to the app: credentials, a timeout on every call, the app's answers as SCIM errors, paging and filter push-down.
import {
  applyListQuery,
  AppRefusedError,
  AppUnavailableError,
  ConflictError,
  InvalidValueError,
  NotFoundError,
  ScimError,
  type Filter,
  type ListQuery,
  type ListResult,
  type ResourceSchema,
  type ResourceTypeName,
  type ScimMultiValue,
  type ScimResource,
} from 'scim-connector-sdk';

/** How the connector authenticates to the app; every secret read from the environment by config.ts. */
export type AppAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'apiKey'; header: string; value: string }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

export interface AppSettings {
  auth: AppAuth;
  /** Timeout of every call, in milliseconds. */
  timeoutMs: number;
  /** The settings to check when the app refuses the connector, e.g. "ACME_API_TOKEN". */
  credentials: string;
}

/** Seconds a client is told to wait when the app gives no Retry-After of its own. */
const DEFAULT_RETRY_AFTER = 30;

function unavailable(reason: string, cause?: unknown): AppUnavailableError {
  return new AppUnavailableError(reason, DEFAULT_RETRY_AFTER, cause === undefined ? {} : { cause });
}

/** fetch with a timeout, mapping a network failure or a timeout to 503. */
async function timedFetch(request: Request, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(new Request(request, { signal: AbortSignal.timeout(timeoutMs) }));
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const target = `${request.method} ${new URL(request.url).pathname}`;
    throw unavailable(timedOut ? `no answer to ${target} within ${timeoutMs} ms` : `${target} failed`, error);
  }
}

/**
 * The fetch the typed client calls: adds the credentials, times every call out, and for OAuth 2.0
 * client credentials fetches a token, caches it until shortly before it expires, and on a 401
 * fetches a new one and tries once more.
 */
export function appFetch(settings: AppSettings): (request: Request) => Promise<Response> {
  const { auth, timeoutMs } = settings;
  let cached: { token: string; expires: number } | undefined;

  async function oauthToken(): Promise<string> {
    if (auth.type !== 'oauth2') return '';
    if (cached !== undefined && cached.expires > Date.now()) return cached.token;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope !== undefined) form.set('scope', auth.scope);
    const basic = Buffer.from(
      `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`,
    );
    const request = new Request(auth.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic.toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    const response = await timedFetch(request, timeoutMs);
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new AppRefusedError(
        `${response.status} from the token endpoint`,
        `check ${settings.credentials}`,
      );
    }
    if (!response.ok) throw unavailable(`${response.status} from the token endpoint`);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw unavailable('the token endpoint sent no access_token');
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
    // Renewed a little early, so a token never expires between the check and the call.
    cached = { token: body.access_token, expires: Date.now() + Math.max(0, lifetime - 30) * 1000 };
    return cached.token;
  }

  async function authorize(request: Request): Promise<Request> {
    const headers = new Headers(request.headers);
    switch (auth.type) {
      case 'none':
        break;
      case 'bearer':
        headers.set('authorization', `Bearer ${auth.token}`);
        break;
      case 'basic':
        headers.set(
          'authorization',
          `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
        );
        break;
      case 'apiKey':
        headers.set(auth.header, auth.value);
        break;
      case 'oauth2':
        headers.set('authorization', `Bearer ${await oauthToken()}`);
        break;
    }
    return new Request(request, { headers });
  }

  return async (request) => {
    const retry = auth.type === 'oauth2' ? request.clone() : undefined;
    const response = await timedFetch(await authorize(request), timeoutMs);
    if (response.status !== 401 || retry === undefined) return response;
    cached = undefined;
    return timedFetch(await authorize(retry), timeoutMs);
  };
}

/** What a call is, for the errors it may raise. */
export interface CallContext {
  resource: ResourceTypeName;
  id?: string;
  /** e.g. `GET /employees/{employeeId}`. */
  call: string;
  settings: AppSettings;
}

/** The context of one call, for its errors. */
export function context(
  settings: AppSettings,
  resource: ResourceTypeName,
  call: string,
  id?: string,
): CallContext {
  return id === undefined ? { resource, call, settings } : { resource, call, settings, id };
}

/** The app's own words from an error body: message, detail, title or error_description. */
function appMessage(error: unknown, status: number): string {
  if (typeof error === 'string' && error !== '') return error;
  if (typeof error === 'object' && error !== null) {
    for (const key of ['message', 'detail', 'title', 'error_description', 'error']) {
      const value = (error as Record<string, unknown>)[key];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return `the app answered ${status}`;
}

/** The SCIM error for an app's failed answer: 404, 409 uniqueness, 400 with its message, 502 or 503. */
export function appError(response: Response, error: unknown, context: CallContext): ScimError {
  const { status } = response;
  const where = `${status} from ${context.call}`;
  if (status === 404) return new NotFoundError(context.resource, context.id ?? '');
  if (status === 409) return new ConflictError(appMessage(error, status));
  if (status === 400 || status === 422)
    return new InvalidValueError(context.resource, appMessage(error, status));
  if (status === 401 || status === 403)
    return new AppRefusedError(where, `check ${context.settings.credentials}`);
  if (status === 429 || status >= 500) {
    const header = Number(response.headers.get('retry-after'));
    const wait = Number.isInteger(header) && header > 0 ? header : DEFAULT_RETRY_AFTER;
    return new AppUnavailableError(where, wait);
  }
  return new AppRefusedError(where, 'the app answered what its OpenAPI document does not describe');
}

/** The data of a successful answer, else the translated error thrown. */
export function expectOk<T>(
  result: { data?: T; error?: unknown; response: Response },
  context: CallContext,
): T {
  if (!result.response.ok) throw appError(result.response, result.error, context);
  return result.data as T;
}

/** The id in a Location header: its last path segment. */
export function idFromLocation(response: Response, context: CallContext): string {
  const location = response.headers.get('location');
  const id =
    location === null ? undefined : new URL(location, 'http://app').pathname.split('/').filter(Boolean).pop();
  if (id === undefined)
    throw new AppRefusedError(`${context.call} sent no Location`, 'the connector cannot learn the new id');
  return decodeURIComponent(id);
}

/** One page as the list operation answered it. */
export interface AppPage<T> {
  items: T[];
  total?: number;
  next?: string;
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

/** A group member as the app lists it: its id, and its display name when the app gives one. */
export function member(value: unknown, display: unknown): ScimMultiValue {
  return typeof display === 'string' ? { value: String(value), display } : { value: String(value) };
}

/** One kind of membership call (add or remove one member), and what it is called in errors. */
export interface MembershipCall {
  call: string;
  run: (memberId: string) => Promise<void>;
}

/**
 * Makes a group's members `wanted`: one add call per missing member, then one remove call per extra
 * member, in that order. `applied` names the calls already made for this request (the group's own
 * create or update); a failure part-way answers an error naming every call applied and the rest.
 */
export async function changeMembers(
  calls: { add: MembershipCall; remove: MembershipCall },
  current: readonly string[],
  wanted: readonly string[],
  applied: string[],
): Promise<void> {
  const steps = [
    ...wanted.filter((id) => !current.includes(id)).map((id) => ({ kind: calls.add, id })),
    ...current.filter((id) => !wanted.includes(id)).map((id) => ({ kind: calls.remove, id })),
  ];
  for (const [index, step] of steps.entries()) {
    try {
      await step.kind.run(step.id);
    } catch (error) {
      throw partlyApplied(
        error,
        applied,
        steps.slice(index).map((s) => `${s.kind.call} (member ${s.id})`),
      );
    }
    applied.push(`${step.kind.call} (member ${step.id})`);
  }
}

/** Runs a call made after `applied` calls of the same request; a failure names them (as changeMembers does). */
export async function followUp<T>(
  applied: readonly string[],
  call: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw partlyApplied(error, applied, [call]);
  }
}

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

/**
 * The error of a request whose calls stopped part-way: 503 (retry: the calls converge) when the app was
 * unavailable, else 502; both name what was applied and what was not. With nothing applied, the call's own error.
 */
function partlyApplied(error: unknown, applied: readonly string[], pending: readonly string[]): unknown {
  if (applied.length === 0 || !(error instanceof ScimError)) return error;
  const reason = `${pending[0] ?? 'a call'} failed with ${error.status}; applied, in order: ${applied.join(', ')}; not applied: ${pending.join(', ')}`;
  return error instanceof AppUnavailableError
    ? new AppUnavailableError(reason, error.retryAfter ?? DEFAULT_RETRY_AFTER, { cause: error })
    : new AppRefusedError(reason, 'the change is partly applied: read the resource and send it again', {
        cause: error,
      });
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

/** A resource without its absent values: undefined and null fields, empty objects and lists of nothing are left out. */
export function compact<T extends object>(value: T): WithoutNull<T> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const kept = Array.isArray(item)
      ? item
          .map((e: unknown) => (typeof e === 'object' && e !== null ? compact(e) : e))
          .filter((e: unknown) => !isEmpty(e))
      : typeof item === 'object' && item !== null
        ? compact(item)
        : item;
    if (!isEmpty(kept)) out[key] = kept;
  }
  return out as WithoutNull<T>;
}

function isEmpty(value: unknown): boolean {
  // An app's null is SCIM's absent value.
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    // An email with only its type says nothing: the value is what matters.
    return keys.length === 0 || keys.every((k) => k === 'type' || k === 'primary');
  }
  return false;
}
