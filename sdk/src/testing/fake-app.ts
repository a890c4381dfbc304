// The engine of a generated project's fake app: an in-memory HTTP server that answers as the mapped app would.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type AppRecord = Record<string, unknown>;

/** One mapped resource of the app, as the document and the mapping describe it. */
export interface FakeResource {
  /** Path templates of the collection (create, list) and of one record (get, update, delete; null: none). */
  collection: string;
  item: string | null;
  /** Fields the app stamps with the time of creation and of the last change, and their unit in ms. */
  stamps: { created?: { field: string; unit: number }; modified?: { field: string; unit: number } };
  create?: { method: string; status: number; answer: 'record' | 'location' };
  get?: { method: string };
  update?: { method: string; status: number; answer: 'record' | 'none'; merge: boolean };
  delete?: { method: string; status: number };
  list?: {
    method: string;
    items: string;
    total: { kind: 'field'; field: string } | { kind: 'header'; header: string } | { kind: 'none' };
    paging: {
      style: string;
      start?: string;
      size?: string;
      firstPage: number;
      max: number;
      cursor?: string;
      next?: string;
    };
    /** Query parameter → the record field it matches, exactly or without regard to case. */
    filters: Record<string, { field: string; caseExact: boolean }>;
  };
  /** A separate count operation: answers `{ [field]: n }` (or n itself) for the list's filters. */
  count?: {
    path: string;
    field: string | null;
    filters: Record<string, { field: string; caseExact: boolean }>;
  };
  /** A password operation on one record: accepted, not stored. */
  password?: { path: string; method: string; status: number };
  /** A record field the app keeps unique, answering 409 to a duplicate. */
  unique?: string;
  /** Dedicated activate and deactivate calls: they set `field` to `on` or `off` (new records start `on`). */
  status?: {
    field: string;
    on: unknown;
    off: unknown;
    activate?: { path: string; method: string; status: number };
    deactivate?: { path: string; method: string; status: number };
  };
  /** Groups: their members, listed, added and removed through calls of their own. */
  members?: FakeMembers;
}

/** Type of a list answer: where items, total and next token go, and how it pages. */
type FakeList = NonNullable<FakeResource['list']>;

/** A membership call: its path, how many of its last path parameters are ids (own first), and where a missing id is in the body. */
interface FakeMembershipCall {
  path: string;
  method: string;
  status: number;
  /** Whose operation it is: the group's (`/groups/{id}/members`) or the user's (`/users/{id}/groups/{groupId}`). */
  own: 'group' | 'user';
  ids: number;
  /** The body field holding the other resource's id, when the path holds only the own one. */
  bodyField?: string;
}

interface FakeMembers {
  list: { path: string; items: string; total: FakeList['total']; paging: FakeList['paging'] };
  /** The listed item's fields: the member's id, and its display name taken from the user record's `displayFrom`. */
  value: string;
  display?: { field: string; from: string };
  add: FakeMembershipCall;
  remove: FakeMembershipCall;
}

/** Sets the creation and change stamps of a written record (keeping the creation time of an update). */
function stamp(record: AppRecord, resource: FakeResource, previous: AppRecord | undefined): void {
  const { created, modified } = resource.stamps;
  if (created !== undefined) {
    record[created.field] = previous?.[created.field] ?? Math.floor(Date.now() / created.unit);
  }
  if (modified !== undefined) record[modified.field] = Math.floor(Date.now() / modified.unit);
}

/** The records whose fields match the filters in the query. */
function filtered(
  records: AppRecord[],
  filters: Record<string, { field: string; caseExact: boolean }>,
  query: URLSearchParams,
): AppRecord[] {
  let matched = records;
  for (const [parameter, filter] of Object.entries(filters)) {
    const wanted = query.get(parameter);
    const fold = (value: unknown): unknown =>
      typeof value === 'string' && !filter.caseExact ? value.toLowerCase() : value;
    if (wanted !== null) matched = matched.filter((r) => fold(field(r, filter.field)) === fold(wanted));
  }
  return matched;
}

/** One page of `matched` as a list call with this paging asks for it: the body and its headers. */
function pageAnswer(
  matched: AppRecord[],
  list: Pick<FakeList, 'items' | 'total' | 'paging'>,
  query: URLSearchParams,
): { body: unknown; headers: Record<string, string> } {
  const { paging } = list;
  const size = paging.size === undefined ? matched.length : Number(query.get(paging.size) ?? 50);
  const startValue = paging.start === undefined ? undefined : Number(query.get(paging.start) ?? 0);
  const start =
    paging.style === 'page'
      ? ((startValue ?? paging.firstPage) - paging.firstPage) * size
      : paging.style === 'cursor'
        ? Number(query.get(paging.cursor ?? 'cursor') ?? 0)
        : (startValue ?? 0);
  const items = paging.style === 'none' ? matched : matched.slice(start, start + size);
  const next = start + items.length < matched.length ? String(start + items.length) : undefined;
  const headers: Record<string, string> =
    list.total.kind === 'header' ? { [list.total.header]: String(matched.length) } : {};
  if (list.items === '.') return { body: items, headers };
  const body: AppRecord = { [list.items]: items };
  if (list.total.kind === 'field') body[list.total.field] = matched.length;
  if (paging.next !== undefined && paging.next !== 'link' && next !== undefined) body[paging.next] = next;
  return { body, headers };
}

/** What the fake expects from the connector, and the environment that points the connector at it. */
export interface FakeAppCredentials {
  header: string;
  prefix: string;
  value: string;
  /** OAuth 2.0: where the fake hands out tokens. */
  tokenPath?: string;
  basePath: string;
  env: Record<string, string>;
}

/** A running fake: its URL and the environment that points the connector at it. */
export interface FakeApp {
  url: string;
  env: Record<string, string>;
  /** The records it holds, by resource. */
  records: Record<string, Map<string, AppRecord>>;
  close(): Promise<void>;
}

/** `/teams/{teamId}` as a pattern; the last parameter is the record's id. */
function pattern(template: string): RegExp {
  return new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
}

function field(record: unknown, path: string): unknown {
  let value = record;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as AppRecord)[part] : undefined;
  }
  return value;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function send(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { ...(text === '' ? {} : { 'content-type': 'application/json' }), ...headers });
  response.end(text);
}

function authorized(
  request: IncomingMessage,
  token: string | undefined,
  credentials: FakeAppCredentials,
): boolean {
  if (credentials.header === '') return true;
  const header = credentials.header.toLowerCase();
  const sent = request.headers[header];
  return sent === `${credentials.prefix}${token ?? credentials.value}`;
}

/** Starts a fake of these resources, expecting these credentials, on a free loopback port. */
export async function startFakeApp(
  resources: Record<string, FakeResource>,
  credentials: FakeAppCredentials,
): Promise<FakeApp> {
  const records: Record<string, Map<string, AppRecord>> = {};
  for (const name of Object.keys(resources)) records[name] = new Map();
  const tokens = new Set<string>();
  /** Group id → its members' user ids, in the order they were added. */
  const members = new Map<string, string[]>();

  /** Answers a membership call (and says so), or leaves the request to the other routes. */
  async function membership(
    spec: FakeMembers,
    path: string,
    method: string,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    const users = records['users'] ?? new Map<string, AppRecord>();
    const groups = records['groups'] ?? new Map<string, AppRecord>();
    const listed = method === 'GET' ? pattern(spec.list.path).exec(path) : null;
    if (listed !== null) {
      const group = decodeURIComponent(listed[listed.length - 1]!);
      if (!groups.has(group)) {
        send(response, 404, { message: `no group ${group}` });
        return true;
      }
      const { display } = spec;
      const items = (members.get(group) ?? []).map((user) => ({
        [spec.value]: user,
        ...(display === undefined ? {} : { [display.field]: field(users.get(user), display.from) }),
      }));
      const { body, headers } = pageAnswer(items, spec.list, url.searchParams);
      send(response, 200, body, headers);
      return true;
    }
    for (const call of [spec.add, spec.remove]) {
      const matched = method === call.method ? pattern(call.path).exec(path) : null;
      if (matched === null) continue;
      const ids = matched.slice(-call.ids).map((id) => decodeURIComponent(id));
      if (call.bodyField !== undefined) ids.push(String(field(await readBody(request), call.bodyField)));
      const [group, user] = call.own === 'group' ? ids : [ids[1], ids[0]];
      if (group === undefined || user === undefined || !groups.has(group) || !users.has(user)) {
        send(response, 404, { message: `no group ${group} or user ${user}` });
        return true;
      }
      const current = (members.get(group) ?? []).filter((id) => id !== user);
      members.set(group, call === spec.add ? [...current, user] : current);
      send(response, call.status);
      return true;
    }
    return false;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (
      credentials.tokenPath !== undefined &&
      url.pathname === credentials.tokenPath &&
      request.method === 'POST'
    ) {
      const issued = randomUUID();
      tokens.add(issued);
      send(response, 200, { access_token: issued, token_type: 'Bearer', expires_in: 3600 });
      return;
    }
    const token =
      credentials.tokenPath === undefined ? undefined : (request.headers.authorization ?? '').slice(7);
    if (!authorized(request, token, credentials) || (token !== undefined && !tokens.has(token))) {
      send(response, 401, { message: 'unauthorized' });
      return;
    }
    const path = url.pathname.replace(new RegExp(`^${credentials.basePath}`), '');
    for (const [name, resource] of Object.entries(resources)) {
      const store = records[name]!;
      const method = request.method ?? 'GET';
      if (resource.count !== undefined && pattern(resource.count.path).test(path) && method === 'GET') {
        const count = filtered([...store.values()], resource.count.filters, url.searchParams).length;
        return send(response, 200, resource.count.field === null ? count : { [resource.count.field]: count });
      }
      if (
        resource.members !== undefined &&
        (await membership(resource.members, path, method, url, request, response))
      )
        return;
      const { status } = resource;
      for (const change of ['activate', 'deactivate'] as const) {
        const call = status?.[change];
        const matched = call !== undefined && method === call.method ? pattern(call.path).exec(path) : null;
        if (status === undefined || call === undefined || matched === null) continue;
        const record = store.get(decodeURIComponent(matched[matched.length - 1]!));
        if (record === undefined) return send(response, 404, { message: `no ${name}` });
        record[status.field] = change === 'activate' ? status.on : status.off;
        return send(response, call.status);
      }
      const credential = resource.password === undefined ? null : pattern(resource.password.path).exec(path);
      if (credential !== null && resource.password !== undefined && method === resource.password.method) {
        const id = decodeURIComponent(credential[credential.length - 1]!);
        await readBody(request);
        return store.has(id)
          ? send(response, resource.password.status)
          : send(response, 404, { message: `no ${name} ${id}` });
      }
      const one = resource.item === null ? null : pattern(resource.item).exec(path);
      if (one !== null) {
        const id = decodeURIComponent(one[one.length - 1]!);
        const record = store.get(id);
        if (
          method === resource.get?.method ||
          method === resource.update?.method ||
          method === resource.delete?.method
        ) {
          if (record === undefined) return send(response, 404, { message: `no ${name} ${id}` });
        }
        if (method === resource.get?.method) return send(response, 200, record);
        if (method === resource.update?.method && resource.update !== undefined) {
          const body = (await readBody(request)) as AppRecord;
          const next = { ...(resource.update.merge ? record : {}), ...body, id };
          stamp(next, resource, record);
          store.set(id, next);
          return resource.update.answer === 'record'
            ? send(response, resource.update.status, next)
            : send(response, resource.update.status);
        }
        if (method === resource.delete?.method && resource.delete !== undefined) {
          store.delete(id);
          members.delete(id);
          for (const [group, ids] of members)
            members.set(
              group,
              ids.filter((m) => m !== id),
            );
          return send(response, resource.delete.status);
        }
      }
      if (!pattern(resource.collection).test(path)) continue;
      if (method === resource.create?.method && resource.create !== undefined) {
        const body = (await readBody(request)) as AppRecord;
        const unique = resource.unique;
        if (
          unique !== undefined &&
          [...store.values()].some((r) => field(r, unique) === field(body, unique))
        ) {
          return send(response, 409, { message: `a ${name} with this ${unique} exists` });
        }
        const id = randomUUID();
        const record: AppRecord = { ...body, id };
        if (resource.status !== undefined) record[resource.status.field] ??= resource.status.on;
        stamp(record, resource, undefined);
        store.set(id, record);
        const location = `${url.origin}${url.pathname}/${id}`;
        return resource.create.answer === 'record'
          ? send(response, resource.create.status, record, { location })
          : send(response, resource.create.status, undefined, { location });
      }
      if (method === resource.list?.method && resource.list !== undefined) {
        const matched = filtered([...store.values()], resource.list.filters, url.searchParams);
        const { body, headers } = pageAnswer(matched, resource.list, url.searchParams);
        return send(response, 200, body, headers);
      }
    }
    send(response, 404, { message: `no route ${request.method} ${url.pathname}` });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    env: Object.fromEntries(
      Object.entries(credentials.env).map(([name, value]) => [name, value.replace('{url}', url)]),
    ),
    records,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
