// A small SCIM server (2.0 at /scim/v2, 1.1 at /scim/v1) that is correct by default and can be told to break one rule.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAPABILITIES } from 'scim-connector-sdk';

export const FAULTS = [
  'create-200',
  'missing-id',
  'duplicate-accepted',
  'total-results-string',
  'unstable-order',
  'page-gap',
  'count-ignored',
  'deactivate-ignored',
  'bad-filter-500',
  'no-401',
  'error-without-schema',
  'password-echoed',
] as const;

export type Fault = (typeof FAULTS)[number];

export const GOOD_TOKEN = 'faulty-server-token';

type Json = Record<string, unknown>;
type Dialect = '2.0' | '1.1';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: string,
  ) {
    super(message);
  }
}

interface Stored {
  resource: Json;
  password?: string;
  lastModified: string;
}

export interface FaultyServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(dialect: Dialect): string;
  close(): Promise<void>;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `a eq "x" or b eq "y"`, `meta.lastModified gt "t"`: enough for the tester's filters; anything else is invalid. */
function parseFilter(filter: string): { attr: string; op: 'eq' | 'gt'; value: string }[] {
  return filter.split(/\s+or\s+/i).map((clause) => {
    const match = /^\s*([\w.:-]+)\s+(eq|gt)\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(clause);
    if (!match) throw new HttpError(400, `Invalid filter: ${filter}`, 'invalidFilter');
    return {
      attr: match[1] as string,
      op: (match[2] as string).toLowerCase() as 'eq' | 'gt',
      value: (match[3] as string).replace(/\\(.)/g, '$1'),
    };
  });
}

function values(resource: Json, attr: string, lastModified: string): string[] {
  const lower = attr.toLowerCase();
  if (lower === 'email' || lower === 'emails.value') {
    return (Array.isArray(resource['emails']) ? resource['emails'] : [])
      .filter(isObject)
      .map((e) => String(e['value']));
  }
  if (lower === 'meta.lastmodified') return [lastModified];
  const value = Object.entries(resource).find(([key]) => key.toLowerCase() === lower)?.[1];
  if (value === undefined) return [];
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

function toBoolean(value: unknown): unknown {
  if (value === 'True' || value === 'true') return true;
  if (value === 'False' || value === 'false') return false;
  return value;
}

export interface FaultyServerOptions {
  fault?: Fault;
  token?: string;
  /** Resource types whose routes answer 501, as a connector without those service methods does. */
  notImplemented?: ('Users' | 'Groups')[];
}

export async function startFaultyServer(options: FaultyServerOptions = {}): Promise<FaultyServer> {
  const fault = options.fault;
  const token = options.token ?? GOOD_TOKEN;
  const store = { Users: new Map<string, Stored>(), Groups: new Map<string, Stored>() };
  let nextId = 1;

  const has = (f: Fault): boolean => fault === f;

  function errorBody(err: HttpError, dialect: Dialect): Json {
    if (has('error-without-schema')) return { message: err.message };
    if (dialect === '1.1') {
      return {
        errors: [
          { statusCode: err.status, internalCode: 'E0000001', description: err.message, help_url: null },
        ],
      };
    }
    return {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: String(err.status),
      detail: err.message,
      ...(err.scimType ? { scimType: err.scimType } : {}),
    };
  }

  function present(type: 'Users' | 'Groups', stored: Stored, dialect: Dialect): Json {
    const schemas =
      dialect === '1.1'
        ? ['urn:scim:schemas:core:1.0']
        : [
            type === 'Users'
              ? 'urn:ietf:params:scim:schemas:core:2.0:User'
              : 'urn:ietf:params:scim:schemas:core:2.0:Group',
          ];
    const out: Json = {
      ...stored.resource,
      schemas,
      meta: { resourceType: type.slice(0, -1), lastModified: stored.lastModified },
    };
    if (has('password-echoed') && stored.password !== undefined) out['password'] = stored.password;
    if (has('missing-id')) delete out['id'];
    return out;
  }

  function conflict(type: 'Users' | 'Groups', body: Json, exceptId?: string): void {
    if (has('duplicate-accepted')) return;
    const key = type === 'Users' ? 'userName' : 'displayName';
    const wanted = String(body[key]).toLowerCase();
    for (const [id, stored] of store[type]) {
      if (id !== exceptId && String(stored.resource[key]).toLowerCase() === wanted)
        throw new HttpError(409, `${key} ${String(body[key])} exists`, 'uniqueness');
    }
  }

  function accept(type: 'Users' | 'Groups', id: string, body: Json, previous?: Stored): Stored {
    const resource: Json = { ...body };
    const password = resource['password'];
    for (const owned of ['schemas', 'meta', 'password']) delete resource[owned];
    resource['id'] = id;
    if (type === 'Users') {
      resource['active'] = toBoolean(resource['active'] ?? true);
      if (has('deactivate-ignored') && previous && resource['active'] === false)
        resource['active'] = previous.resource['active'];
    }
    const stored: Stored = { resource, lastModified: new Date().toISOString() };
    const kept = typeof password === 'string' ? password : previous?.password;
    if (kept !== undefined) stored.password = kept;
    return stored;
  }

  function setPath(target: Json, key: string, value: unknown): void {
    const ext = /^(urn:.+):([^:]+)$/.exec(key);
    if (ext) {
      const holder = isObject(target[ext[1] as string]) ? (target[ext[1] as string] as Json) : {};
      holder[ext[2] as string] = value;
      target[ext[1] as string] = holder;
      return;
    }
    const [head, ...rest] = key.split('.');
    if (rest.length === 0) target[head as string] = key === 'active' ? toBoolean(value) : value;
    else {
      const holder = isObject(target[head as string]) ? (target[head as string] as Json) : {};
      setPath(holder, rest.join('.'), value);
      target[head as string] = holder;
    }
  }

  function patch(type: 'Users' | 'Groups', stored: Stored, body: Json): Json {
    const next: Json = structuredClone(stored.resource);
    if (stored.password !== undefined) next['password'] = stored.password;
    const operations = Array.isArray(body['Operations']) ? body['Operations'] : [];
    for (const operation of operations.filter(isObject)) {
      const op = String(operation['op']).toLowerCase();
      const path = typeof operation['path'] === 'string' ? operation['path'] : undefined;
      const value = operation['value'];
      const emailPath = path ? /^emails\[type eq "(\w+)"\]\.value$/.exec(path) : null;
      const memberPath = path ? /^members\[value eq "(.+)"\]$/.exec(path) : null;
      const members = (Array.isArray(next['members']) ? next['members'] : []).filter(isObject);
      if (op === 'replace' && path === undefined && isObject(value)) {
        for (const [key, member] of Object.entries(value)) if (key !== 'id') setPath(next, key, member);
      } else if (op === 'replace' && emailPath) {
        const email = (Array.isArray(next['emails']) ? next['emails'] : [])
          .filter(isObject)
          .find((e) => e['type'] === emailPath[1]);
        if (!email) throw new HttpError(400, `no ${emailPath[1]} email`, 'noTarget');
        email['value'] = value;
      } else if (op === 'replace' && path !== undefined) {
        setPath(next, path, value);
      } else if (op === 'add' && path === 'members' && Array.isArray(value)) {
        next['members'] = [
          ...members,
          ...value.filter(isObject).filter((m) => !members.some((x) => x['value'] === m['value'])),
        ];
      } else if (op === 'remove' && memberPath) {
        next['members'] = members.filter((m) => m['value'] !== memberPath[1]);
      } else if (op === 'remove' && path === 'members' && Array.isArray(value)) {
        const gone = value.filter(isObject).map((m) => m['value']);
        next['members'] = members.filter((m) => !gone.includes(m['value']));
      } else throw new HttpError(400, `unsupported operation ${op} ${path ?? ''}`, 'invalidPath');
    }
    return next;
  }

  function list(type: 'Users' | 'Groups', query: URLSearchParams, dialect: Dialect): Json {
    let matches = [...store[type].values()];
    const filter = query.get('filter');
    if (filter !== null) {
      let clauses;
      try {
        clauses = parseFilter(filter);
      } catch (err) {
        if (has('bad-filter-500')) throw new HttpError(500, 'Internal error');
        throw err;
      }
      matches = matches.filter((s) =>
        clauses.some(({ attr, op, value }) =>
          values(s.resource, attr, s.lastModified).some((v) =>
            op === 'eq' ? v.toLowerCase() === value.toLowerCase() : v > value,
          ),
        ),
      );
    }
    const startIndex = Math.max(1, Number(query.get('startIndex') ?? 1));
    const asked = query.has('count') ? Math.max(0, Number(query.get('count'))) : 100;
    const count = has('count-ignored') ? matches.length : asked;
    matches.sort((a, b) => Number(a.resource['id']) - Number(b.resource['id']));
    // A server whose order depends on the page size: a different order for small pages.
    if (has('unstable-order') && count < matches.length) matches.reverse();
    let page = matches.slice(startIndex - 1, startIndex - 1 + count);
    if (has('page-gap') && page.length > 1) page = page.filter((_, index) => index !== 1);
    const total = has('total-results-string') ? String(matches.length) : matches.length;
    return {
      schemas:
        dialect === '1.1'
          ? ['urn:scim:schemas:core:1.0', 'urn:scim:schemas:core:1.0:ListResponse']
          : ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: total,
      startIndex,
      itemsPerPage: page.length,
      Resources: page.map((s) => present(type, s, dialect)),
    };
  }

  async function handle(
    req: http.IncomingMessage,
    dialect: Dialect,
    path: string,
    query: URLSearchParams,
  ): Promise<{ status: number; body?: Json }> {
    if (!has('no-401') && req.headers.authorization !== `Bearer ${token}`)
      throw new HttpError(401, 'Unauthorized');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Json = {};
    if (chunks.length > 0) {
      try {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        if (!isObject(parsed)) throw new Error('not an object');
        body = parsed;
      } catch {
        throw new HttpError(400, 'Bad JSON', 'invalidSyntax');
      }
    }
    if (path === '/ServiceProviderConfig' || path === '/ServiceProviderConfigs') {
      return {
        status: 200,
        body: {
          schemas:
            dialect === '1.1'
              ? ['urn:scim:schemas:core:1.0', 'urn:okta:schemas:scim:providerconfig:1.0']
              : ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
          'urn:okta:schemas:scim:providerconfig:1.0': { userManagementCapabilities: CAPABILITIES },
        },
      };
    }
    const route = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(path);
    if (!route) throw new HttpError(404, `No route ${path}`);
    const type = route[1] as 'Users' | 'Groups';
    if (options.notImplemented?.includes(type)) throw new HttpError(501, `${type} are not implemented`);
    const id = route[2] === undefined ? undefined : decodeURIComponent(route[2]);
    if (id === undefined) {
      if (method === 'GET') return { status: 200, body: list(type, query, dialect) };
      if (method !== 'POST') throw new HttpError(405, 'Method not allowed');
      conflict(type, body);
      const created = accept(type, String(nextId++), body);
      store[type].set(created.resource['id'] as string, created);
      return {
        status: has('create-200') ? 200 : 201,
        body: present(type, created, dialect),
      };
    }
    const stored = store[type].get(id);
    if (!stored) throw new HttpError(404, `${type.slice(0, -1)} ${id} not found`);
    if (method === 'GET') return { status: 200, body: present(type, stored, dialect) };
    if (method === 'DELETE') {
      store[type].delete(id);
      return { status: 204 };
    }
    const next = method === 'PUT' ? body : method === 'PATCH' ? patch(type, stored, body) : undefined;
    if (!next) throw new HttpError(405, 'Method not allowed');
    conflict(type, { ...stored.resource, ...next }, id);
    const updated = accept(type, id, next, stored);
    store[type].set(id, updated);
    return { status: 200, body: present(type, updated, dialect) };
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = /^\/scim\/(v2|v1)(\/.*)$/.exec(url.pathname);
    const dialect: Dialect = prefix?.[1] === 'v1' ? '1.1' : '2.0';
    const respond = (status: number, body?: Json): void => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(
        status,
        body === undefined
          ? {}
          : { 'Content-Type': dialect === '1.1' ? 'application/json' : 'application/scim+json' },
      );
      res.end(text);
    };
    const work = prefix
      ? handle(req, dialect, prefix[2] as string, url.searchParams)
      : Promise.reject(new HttpError(404, 'Not found'));
    work.then(
      ({ status, body }) => respond(status, body),
      (err: unknown) => {
        const error = err instanceof HttpError ? err : new HttpError(500, 'Internal error');
        respond(error.status, errorBody(error, dialect));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (dialect) => `${origin}/scim/${dialect === '1.1' ? 'v1' : 'v2'}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
