// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The app's typed client (openapi-fetch over the OpenAPI document's types), its settings, and one page fetcher per mapped list.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './app-api.js';
import type { ConnectorConfig } from './config.js';
import { appFetch, type AppPage, context, expectOk, type AppSettings } from './app-runtime.js';
import type { AppGroup, AppUser } from './mappers.js';

export type AppClient = Client<paths>;

/** What a page fetcher calls the app with: the connector's client, settings and config. */
export interface AppConnection {
  readonly app: AppClient;
  readonly settings: AppSettings;
  readonly config: ConnectorConfig;
}

/** The app credentials and call timeout, from the config (secrets from the environment). */
export function appSettings(config: ConnectorConfig): AppSettings {
  return {
    auth: {
      type: 'oauth2',
      tokenUrl: config.app.tokenUrl,
      clientId: config.app.clientId,
      clientSecret: config.app.clientSecret,
      scope: 'contacts.read contacts.write',
    },
    timeoutMs: 10000,
    credentials: 'GLOBEX_CLIENT_ID and GLOBEX_CLIENT_SECRET',
  };
}

/** A client of the app at config.app.baseUrl: every call authenticated and timed out. */
export function createAppClient(config: ConnectorConfig, settings: AppSettings): AppClient {
  return createClient<paths>({ baseUrl: config.app.baseUrl, fetch: appFetch(settings) });
}

/** One page of users from GET /orgs/{orgId}/contacts. */
export async function fetchUserPage(
  connection: AppConnection,
  start: number,
  size: number,
  _cursor: string | undefined,
  filters: Record<string, string>,
): Promise<AppPage<AppUser>> {
  const result = await connection.app.GET('/orgs/{orgId}/contacts', {
    params: {
      path: { orgId: connection.config.app.orgId },
      query: { page: 1 + Math.floor(start / size), size: size, login: filters['login'] },
    },
  });
  const data = expectOk(result, context(connection.settings, 'User', 'GET /orgs/{orgId}/contacts'));
  const counted = expectOk(
    await connection.app.GET('/orgs/{orgId}/contacts/count', {
      params: { path: { orgId: connection.config.app.orgId }, query: { login: filters['login'] } },
    }),
    context(connection.settings, 'User', 'GET /orgs/{orgId}/contacts/count'),
  );
  return { items: data, total: counted.count };
}

/** One page of groups from GET /orgs/{orgId}/groups. */
export async function fetchGroupPage(
  connection: AppConnection,
  start: number,
  size: number,
  _cursor: string | undefined,
  _filters: Record<string, string>,
): Promise<AppPage<AppGroup>> {
  const result = await connection.app.GET('/orgs/{orgId}/groups', {
    params: {
      path: { orgId: connection.config.app.orgId },
      query: { page: 1 + Math.floor(start / size), size: size },
    },
  });
  const data = expectOk(result, context(connection.settings, 'Group', 'GET /orgs/{orgId}/groups'));
  return { items: data.content ?? [], total: data.totalElements };
}
