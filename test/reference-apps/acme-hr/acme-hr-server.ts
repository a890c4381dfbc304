// A hand-written reference server of the Acme HR API, from spec/examples/acme-hr/openapi.yaml alone (not from any mapping).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Employee {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  employeeNumber?: string;
  costCenter?: string;
  startDate?: string;
  phone?: string;
  active: boolean;
  teamIds?: string[];
}

interface Team {
  id: string;
  name: string;
  code?: string;
}

type Json = Record<string, unknown>;

export interface AcmeHr {
  /** The API's base URL (the document's server path, /api/v1, on a loopback port). */
  url: string;
  token: string;
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

const str = (body: Json, key: string, required: boolean): string | undefined => {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `${key} must be a string`);
  return value;
};

/**
 * EmployeeInput: email, firstName and lastName required; the rest cleared when left out (or null).
 * active is not an input: kept from before, true for a new employee.
 */
function employeeInput(body: Json, id: string, active: boolean): Employee {
  const employee: Employee = {
    id,
    email: str(body, 'email', true)!,
    firstName: str(body, 'firstName', true)!,
    lastName: str(body, 'lastName', true)!,
    active,
  };
  for (const key of ['employeeNumber', 'costCenter', 'startDate', 'phone'] as const) {
    const value = body[key] === null ? undefined : str(body, key, false);
    if (value !== undefined) employee[key] = value;
  }
  return employee;
}

/** TeamInput: name required. */
function teamInput(body: Json, id: string): Team {
  const team: Team = { id, name: str(body, 'name', true)! };
  const code = str(body, 'code', false);
  if (code !== undefined) team.code = code;
  return team;
}

function page<T>(all: T[], url: URL): Json {
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (!Number.isInteger(offset) || offset < 0)
    throw new HttpError(400, 'offset must be a whole number, 0 or more');
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new HttpError(400, 'limit must be 1 to 200');
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
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

/** Starts the reference server on a free loopback port, with one bearer token. */
export async function startAcmeHr(): Promise<AcmeHr> {
  const token = randomUUID();
  const employees = new Map<string, Employee>();
  const teams = new Map<string, Team>();
  /** Team id → its members' employee ids, in the order they joined. */
  const members = new Map<string, string[]>();
  const withTeams = (e: Employee): Employee => ({
    ...e,
    teamIds: [...members.entries()].filter(([, ids]) => ids.includes(e.id)).map(([teamId]) => teamId),
  });
  const team = (id: string): string[] => {
    const ids = members.get(id);
    if (ids === undefined) throw new HttpError(404, `no team ${id}`);
    return ids;
  };

  async function route(request: IncomingMessage, url: URL): Promise<{ status: number; body?: unknown }> {
    if (request.headers.authorization !== `Bearer ${token}`)
      throw new HttpError(401, 'a valid bearer token is needed');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = request.method ?? 'GET';
    let match: RegExpExecArray | null;
    if (path === '/employees' && method === 'GET') {
      const email = url.searchParams.get('email')?.toLowerCase();
      const all = [...employees.values()].filter(
        (e) => email === undefined || e.email.toLowerCase() === email,
      );
      return { status: 200, body: page(all.map(withTeams), url) };
    }
    if (path === '/employees' && method === 'POST') {
      const employee = employeeInput(await readJson(request), randomUUID(), true);
      const taken = [...employees.values()].some(
        (e) => e.email.toLowerCase() === employee.email.toLowerCase(),
      );
      if (taken) throw new HttpError(409, `an employee with email ${employee.email} exists`);
      employees.set(employee.id, employee);
      return { status: 201, body: withTeams(employee) };
    }
    if ((match = /^\/employees\/([^/]+)$/.exec(path)) !== null) {
      const id = decodeURIComponent(match[1]!);
      if (!employees.has(id)) throw new HttpError(404, `no employee ${id}`);
      if (method === 'GET') return { status: 200, body: withTeams(employees.get(id)!) };
      if (method === 'PUT') {
        const employee = employeeInput(await readJson(request), id, employees.get(id)!.active);
        employees.set(id, employee);
        return { status: 200, body: withTeams(employee) };
      }
      if (method === 'DELETE') {
        employees.delete(id);
        for (const [teamId, ids] of members)
          members.set(
            teamId,
            ids.filter((m) => m !== id),
          );
        return { status: 204 };
      }
    }
    if ((match = /^\/employees\/([^/]+)\/(activate|deactivate)$/.exec(path)) !== null && method === 'POST') {
      const employee = employees.get(decodeURIComponent(match[1]!));
      if (employee === undefined) throw new HttpError(404, `no employee ${match[1]}`);
      employee.active = match[2] === 'activate';
      return { status: 204 };
    }
    if (path === '/teams' && method === 'GET') return { status: 200, body: page([...teams.values()], url) };
    if (path === '/teams' && method === 'POST') {
      const team = teamInput(await readJson(request), randomUUID());
      if ([...teams.values()].some((t) => t.name === team.name))
        throw new HttpError(409, `a team named ${team.name} exists`);
      teams.set(team.id, team);
      members.set(team.id, []);
      return { status: 201, body: team };
    }
    if ((match = /^\/teams\/([^/]+)$/.exec(path)) !== null) {
      const id = decodeURIComponent(match[1]!);
      if (!teams.has(id)) throw new HttpError(404, `no team ${id}`);
      if (method === 'GET') return { status: 200, body: teams.get(id) };
      if (method === 'PUT') {
        const team = teamInput(await readJson(request), id);
        teams.set(id, team);
        return { status: 200, body: team };
      }
      if (method === 'DELETE') {
        teams.delete(id);
        members.delete(id);
        return { status: 204 };
      }
    }
    if ((match = /^\/teams\/([^/]+)\/members$/.exec(path)) !== null) {
      const id = decodeURIComponent(match[1]!);
      const ids = team(id);
      if (method === 'GET') {
        const listed = ids.map((employeeId) => {
          const e = employees.get(employeeId)!;
          return { employeeId, displayName: `${e.firstName} ${e.lastName}` };
        });
        return { status: 200, body: page(listed, url) };
      }
      if (method === 'POST') {
        const employeeId = str(await readJson(request), 'employeeId', true)!;
        if (!employees.has(employeeId)) throw new HttpError(404, `no employee ${employeeId}`);
        if (!ids.includes(employeeId)) ids.push(employeeId);
        return { status: 204 };
      }
    }
    if ((match = /^\/teams\/([^/]+)\/members\/([^/]+)$/.exec(path)) !== null && method === 'DELETE') {
      const id = decodeURIComponent(match[1]!);
      const employeeId = decodeURIComponent(match[2]!);
      members.set(
        id,
        team(id).filter((m) => m !== employeeId),
      );
      return { status: 204 };
    }
    throw new HttpError(404, `no route ${method} ${url.pathname}`);
  }

  function answer(response: ServerResponse, status: number, body?: unknown): void {
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://acme');
    route(request, url).then(
      (result) => answer(response, result.status, result.body),
      (error: unknown) =>
        error instanceof HttpError
          ? answer(response, error.status, { code: String(error.status), message: error.message })
          : answer(response, 500, { message: 'internal error' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    token,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
