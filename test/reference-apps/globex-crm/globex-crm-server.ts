// A hand-written reference server of the Globex CRM API, from spec/examples/globex-crm/openapi.json alone (not from any mapping).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;
type Status = 'INVITED' | 'ACTIVE' | 'SUSPENDED';

interface Contact extends Json {
  id: string;
  login: string;
  name: { first: string; middle?: string | null; last: string };
  email: string;
  status: Status;
  createdAt: number;
  updatedAt: number;
}

export interface GlobexCrm {
  /** The API's base URL (no org: every path starts with /orgs/{orgId}). */
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  orgId: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUSES: readonly Status[] = ['INVITED', 'ACTIVE', 'SUSPENDED'];

function personName(value: unknown): Contact['name'] {
  const name = value as Json | undefined;
  if (
    typeof name !== 'object' ||
    name === null ||
    typeof name['first'] !== 'string' ||
    typeof name['last'] !== 'string'
  ) {
    throw new HttpError(400, 'name needs first and last');
  }
  return {
    first: name['first'],
    last: name['last'],
    ...(name['middle'] === undefined ? {} : { middle: name['middle'] as string | null }),
  };
}

/** The optional fields NewContact and ContactChanges share, checked. */
function optionalFields(body: Json, into: Json): void {
  if (body['status'] !== undefined) {
    if (!STATUSES.includes(body['status'] as Status))
      throw new HttpError(400, `status must be one of ${STATUSES.join(', ')}`);
    into['status'] = body['status'];
  }
  if (body['phone'] !== undefined) into['phone'] = body['phone'];
  if (body['region'] !== undefined) {
    if (typeof body['region'] !== 'string' || !['emea', 'amer', 'apac'].includes(body['region']))
      throw new HttpError(400, 'region must be emea, amer or apac');
    into['region'] = body['region'];
  }
  if (body['salesQuota'] !== undefined) {
    if (typeof body['salesQuota'] !== 'number') throw new HttpError(400, 'salesQuota must be a number');
    into['salesQuota'] = body['salesQuota'];
  }
  if (body['territories'] !== undefined) {
    const territories = body['territories'];
    if (!Array.isArray(territories) || territories.some((t) => typeof t !== 'string')) {
      throw new HttpError(400, 'territories must be a list of strings');
    }
    into['territories'] = territories;
  }
  if (body['email'] !== undefined) {
    if (typeof body['email'] !== 'string' || !body['email'].includes('@'))
      throw new HttpError(400, 'email must be an address');
    into['email'] = body['email'];
  }
  if (body['name'] !== undefined) into['name'] = personName(body['name']);
}

async function readJson(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Json;
  } catch {
    throw new HttpError(400, 'the body must be a JSON object');
  }
}

function paged<T>(all: T[], url: URL): T[] {
  const page = Number(url.searchParams.get('page') ?? 1);
  const size = Number(url.searchParams.get('size') ?? 25);
  if (!Number.isInteger(page) || page < 1) throw new HttpError(400, 'page starts at 1');
  if (!Number.isInteger(size) || size < 1 || size > 100) throw new HttpError(400, 'size must be 1 to 100');
  return all.slice((page - 1) * size, page * size);
}

/** Starts the reference server on a free loopback port, with one client and one organisation. */
export async function startGlobexCrm(): Promise<GlobexCrm> {
  const clientId = `client-${randomUUID()}`;
  const clientSecret = randomUUID();
  const orgId = `org-${randomUUID().slice(0, 8)}`;
  const tokens = new Set<string>();
  const contacts = new Map<string, Contact>();
  const groups = new Map([['g-sales', { id: 'g-sales', name: 'Sales' }]]);
  /** Group id → its contacts' ids, in the order they joined. */
  const members = new Map<string, string[]>([['g-sales', []]]);
  const pageOf = <T>(all: T[], url: URL): Json => {
    const content = paged(all, url);
    return {
      content,
      page: Number(url.searchParams.get('page') ?? 1),
      size: content.length,
      totalElements: all.length,
    };
  };
  const groupName = async (request: IncomingMessage): Promise<string> => {
    const name = (await readJson(request))['name'];
    if (typeof name !== 'string' || name === '') throw new HttpError(400, 'name is required');
    return name;
  };

  function issueToken(request: IncomingMessage, form: URLSearchParams): Json {
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
      'base64',
    );
    if (form.get('grant_type') !== 'client_credentials') throw new HttpError(400, 'unsupported_grant_type');
    if (request.headers.authorization !== `Basic ${basic}`) throw new HttpError(401, 'invalid_client');
    const token = randomUUID();
    tokens.add(token);
    return { access_token: token, token_type: 'Bearer', expires_in: 3600 };
  }

  const byLogin = (url: URL): Contact[] => {
    const login = url.searchParams.get('login')?.toLowerCase();
    return [...contacts.values()].filter((c) => login === undefined || c.login.toLowerCase() === login);
  };

  async function route(
    request: IncomingMessage,
    url: URL,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const method = request.method ?? 'GET';
    if (url.pathname === '/oauth2/token' && method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return {
        status: 200,
        body: issueToken(request, new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      };
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !tokens.has(bearer))
      throw new HttpError(401, 'a valid access token is needed');
    const match = /^\/crm\/orgs\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (match === null || match[1] !== orgId) throw new HttpError(404, `no organisation at ${url.pathname}`);
    const path = match[2]!;
    if (path === '/contacts' && method === 'GET') return { status: 200, body: paged(byLogin(url), url) };
    if (path === '/contacts/count' && method === 'GET')
      return { status: 200, body: { count: byLogin(url).length } };
    if (path === '/contacts' && method === 'POST') {
      const body = await readJson(request);
      if (typeof body['login'] !== 'string' || typeof body['email'] !== 'string')
        throw new HttpError(400, 'login and email are required');
      const login = body['login'];
      if ([...contacts.values()].some((c) => c.login.toLowerCase() === login.toLowerCase()))
        throw new HttpError(409, 'login taken');
      const now = Date.now();
      const contact: Contact = {
        id: randomUUID(),
        login,
        name: personName(body['name']),
        email: '',
        status: 'INVITED',
        createdAt: now,
        updatedAt: now,
      };
      optionalFields(body, contact);
      contacts.set(contact.id, contact);
      return { status: 201, headers: { location: `/crm/orgs/${orgId}/contacts/${contact.id}` } };
    }
    const joined = /^\/contacts\/([^/]+)\/groups\/([^/]+)$/.exec(path);
    if (joined !== null && (method === 'PUT' || method === 'DELETE')) {
      const contactId = decodeURIComponent(joined[1]!);
      const ids = members.get(decodeURIComponent(joined[2]!));
      if (!contacts.has(contactId) || ids === undefined) throw new HttpError(404, 'no such contact or group');
      const others = ids.filter((id) => id !== contactId);
      ids.splice(0, ids.length, ...others, ...(method === 'PUT' ? [contactId] : []));
      return { status: 204 };
    }
    const one = /^\/contacts\/([^/]+)(\/credentials|\/groups)?$/.exec(path);
    if (one !== null) {
      const contact = contacts.get(decodeURIComponent(one[1]!));
      if (contact === undefined) throw new HttpError(404, 'no such contact');
      if (one[2] === undefined && method === 'GET') return { status: 200, body: contact };
      if (one[2] === undefined && method === 'PATCH') {
        optionalFields(await readJson(request), contact);
        contact.updatedAt = Math.max(Date.now(), contact.updatedAt + 1);
        return { status: 204 };
      }
      if (one[2] === undefined && method === 'DELETE') {
        contacts.delete(contact.id);
        for (const [groupId, ids] of members)
          members.set(
            groupId,
            ids.filter((id) => id !== contact.id),
          );
        return { status: 204 };
      }
      if (one[2] === '/credentials' && method === 'PUT') {
        const body = await readJson(request);
        if (body['type'] !== 'password' || typeof body['value'] !== 'string')
          throw new HttpError(400, 'a password credential needs a value');
        return { status: 204 };
      }
      if (one[2] === '/groups' && method === 'GET') {
        const mine = [...members].filter(([, ids]) => ids.includes(contact.id)).map(([id]) => groups.get(id));
        return { status: 200, body: paged(mine, url) };
      }
    }
    if (path === '/groups' && method === 'GET')
      return { status: 200, body: pageOf([...groups.values()], url) };
    if (path === '/groups' && method === 'POST') {
      const name = await groupName(request);
      if ([...groups.values()].some((g) => g.name === name)) throw new HttpError(409, 'group name taken');
      const group = { id: randomUUID(), name };
      groups.set(group.id, group);
      members.set(group.id, []);
      return { status: 201, body: group };
    }
    const group = /^\/groups\/([^/]+)(\/members)?$/.exec(path);
    if (group !== null) {
      const id = decodeURIComponent(group[1]!);
      const found = groups.get(id);
      if (found === undefined) throw new HttpError(404, 'no such group');
      if (group[2] === '/members' && method === 'GET') {
        const ids = members.get(id) ?? [];
        return {
          status: 200,
          body: pageOf(
            ids.map((contactId) => ({ contactId, login: contacts.get(contactId)?.login })),
            url,
          ),
        };
      }
      if (group[2] === undefined && method === 'GET') return { status: 200, body: found };
      if (group[2] === undefined && method === 'PUT') {
        found.name = await groupName(request);
        return { status: 204 };
      }
      if (group[2] === undefined && method === 'DELETE') {
        groups.delete(id);
        members.delete(id);
        return { status: 204 };
      }
    }
    throw new HttpError(404, `no route ${method} ${url.pathname}`);
  }

  function answer(
    response: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': type }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://globex');
    route(request, url).then(
      (result) => answer(response, result.status, result.body, result.headers),
      (error: unknown) =>
        error instanceof HttpError
          ? answer(response, error.status, { title: error.message, status: error.status })
          : answer(response, 500, { title: 'internal error', status: 500 }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/crm`,
    tokenUrl: `${origin}/oauth2/token`,
    clientId,
    clientSecret,
    orgId,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
