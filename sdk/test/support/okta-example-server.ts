// A SCIM server over a MemoryStore seeded with the original Okta example data (users 101, 102; groups 1001, 1002), both dialects.
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { createScimServer, type ScimServer } from '../../src/http/create-scim-server.js';
import type { ScimServerOptions } from '../../src/http/server-options.js';
import { createAliasTable } from '../../src/protocol/alias-table.js';
import type { ScimGroup, ScimUser } from '../../src/protocol/resource.js';
import { createSchemaRegistry } from '../../src/protocol/resource-schema.js';
import type { SchemaDefinition } from '../../src/protocol/schema-types.js';
import { attribute } from '../../src/protocol/schemas/attribute.js';
import { CAPABILITIES } from '../../src/service/capabilities.js';
import { MemoryStore } from '../../src/stores/memory-store.js';
import { send, TOKEN, type SendOptions } from './scim-test-server.js';

export { TOKEN };

export const V1 = '/scim/v1';
export const V2 = '/scim/v2';

/** Okta's sample app and custom user schema, as in `urn:okta:onprem_app:1.0:user:custom`. */
export const OKTA = { appName: 'onprem_app', userSchemaName: 'custom' } as const;
export const OKTA_USER_URN = 'urn:okta:onprem_app:1.0:user:custom';
export const OKTA_GROUP_URN = 'urn:okta:custom:group:1.0';
export const CORE_11 = 'urn:scim:schemas:core:1.0';
export const LIST_11 = 'urn:scim:schemas:core:1.0:ListResponse';

export const aliases = createAliasTable({
  oktaAppName: OKTA.appName,
  oktaUserSchemaName: OKTA.userSchemaName,
});

/** The connector's extension for Okta's custom user attributes, under the 2.0 URN the alias table maps to. */
export const USER_EXTENSION: SchemaDefinition = {
  id: aliases.userExtensionUrn,
  name: 'OnpremAppUser',
  description: 'Okta sample app custom user attributes',
  attributes: [
    attribute('isAdmin', 'boolean'),
    attribute('isOkta', 'boolean'),
    attribute('departmentName', 'string'),
  ],
};

export const GROUP_EXTENSION: SchemaDefinition = {
  id: aliases.groupExtensionUrn,
  name: 'OnpremAppGroup',
  description: 'Okta custom group attributes',
  attributes: [attribute('description', 'string')],
};

const FIXTURES = new URL('../fixtures/okta-opp-scim11/', import.meta.url);

/** One of the original tester's sample requests (or seed files), as sent: SCIM 1.1 JSON. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Record<string, unknown>;
}

/** The example server's seed, translated from its 1.1 form to canonical; users' `groups` is derived by the store. */
export function exampleSeed(): { users: ScimUser[]; groups: ScimGroup[] } {
  const resources = (name: string) => (fixture(name) as { Resources: Record<string, unknown>[] }).Resources;
  const users = resources('example-users').map((user) => {
    const canonical: ScimUser = aliases.resourceTo20(user, 'User');
    delete canonical['groups'];
    return canonical;
  });
  const groups = resources('example-groups').map((group) => aliases.resourceTo20(group, 'Group'));
  return { users, groups };
}

/** Both dialects over a seeded MemoryStore with every capability and bearer auth; `now` drives meta timestamps. */
export async function exampleServer(
  options: { now?: () => Date; server?: Partial<ScimServerOptions> } = {},
): Promise<{ server: ScimServer; store: MemoryStore }> {
  const schemaOptions = { userExtensions: [USER_EXTENSION], groupExtensions: [GROUP_EXTENSION] };
  const store = new MemoryStore({
    schemas: createSchemaRegistry(schemaOptions),
    seed: exampleSeed(),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const server = await createScimServer({
    service: store,
    capabilities: [...CAPABILITIES],
    schemas: schemaOptions,
    okta: OKTA,
    auth: { bearerTokens: [TOKEN] },
    logger: false,
    ...options.server,
  });
  return { server, store };
}

/** A request to the 1.1 endpoint as the agent sends it: a JSON body as `application/json`. */
export function send11(
  server: ScimServer,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<LightMyRequestResponse> {
  return send(server, method, `${V1}${path}`, { contentType: 'application/json', ...options });
}

export function send20(
  server: ScimServer,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<LightMyRequestResponse> {
  return send(server, method, `${V2}${path}`, options);
}

/** `filter=` with spaces as `+`, as the agent's Java client encodes queries. */
export function plusFilter(filter: string): string {
  return `filter=${encodeURIComponent(filter).replace(/%20/g, '+')}`;
}

/** The SCIM 1.1 error body (errorBody11). */
export interface ErrorBody11 {
  errors: { statusCode: number; internalCode: string; description: string; help_url: null }[];
  schemas: string[];
  status: string;
  scimType?: string;
  detail: string;
}

/** A 1.1 list response. */
export interface List11 {
  schemas: string[];
  totalResults: number;
  startIndex?: number;
  itemsPerPage?: number;
  Resources: Record<string, unknown>[];
}
