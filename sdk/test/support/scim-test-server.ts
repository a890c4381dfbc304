// Builds SCIM servers over a MemoryStore for the HTTP tests, and sends requests to them with inject.
import type { LightMyRequestResponse } from 'fastify';
import { createScimServer, type ScimServer } from '../../src/http/create-scim-server.js';
import type { ScimServerOptions } from '../../src/http/server-options.js';
import { CAPABILITIES } from '../../src/service/capabilities.js';
import { MemoryStore } from '../../src/stores/memory-store.js';

export const TOKEN = 'test-token-5f2c9a1e-0b7d-4e5a-9c3f-2d8e6a1b4c70';
export const BASIC_USER = { username: 'okta', password: 'b4sic-s3cret' };
export const BASE = '/scim/v2';
export const SCIM_JSON = 'application/scim+json';

/** A server with every capability over a fresh MemoryStore, bearer auth, no log. */
export async function testServer(
  overrides: Partial<ScimServerOptions> = {},
): Promise<{ server: ScimServer; store: MemoryStore }> {
  const store = new MemoryStore();
  const server = await createScimServer({
    service: store,
    capabilities: [...CAPABILITIES],
    auth: { bearerTokens: [TOKEN], basic: [BASIC_USER] },
    logger: false,
    ...overrides,
  });
  return { server, store };
}

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Default: the bearer token; `null` sends no Authorization header. */
  authorization?: string | null;
  contentType?: string;
}

/** Sends one request (a path not under /scim/, /healthz or /files/ is taken as relative to the 2.0 base); an object body is sent as JSON text with `application/scim+json`. */
export async function send(
  server: ScimServer,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== null) headers['authorization'] = options.authorization ?? `Bearer ${TOKEN}`;
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? SCIM_JSON;
  }
  return server.app.inject({
    method: method as 'GET',
    url: /^\/(scim\/|healthz|files\/)/.test(path) ? path : `${BASE}${path}`,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** A minimal valid user. */
export function user(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    name: { givenName: 'Test', familyName: userName },
    emails: [{ value: `${userName}@example.com`, type: 'work', primary: true }],
    active: true,
    ...extra,
  };
}

export function group(
  displayName: string,
  members: { value: string; display?: string }[] = [],
): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName, members };
}
