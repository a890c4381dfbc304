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
    auth: { type: 'bearer', token: config.app.token },
    timeoutMs: 10000,
    credentials: 'ACME_API_TOKEN',
  };
}

/** A client of the app at config.app.baseUrl: every call authenticated and timed out. */
export function createAppClient(config: ConnectorConfig, settings: AppSettings): AppClient {
  return createClient<paths>({ baseUrl: config.app.baseUrl, fetch: appFetch(settings) });
}

/** One page of users from GET /employees. */
export async function fetchUserPage(
  connection: AppConnection,
  start: number,
  size: number,
  _cursor: string | undefined,
  filters: Record<string, string>,
): Promise<AppPage<AppUser>> {
  const result = await connection.app.GET('/employees', {
    params: { query: { offset: start, limit: size, email: filters['email'] } },
  });
  const data = expectOk(result, context(connection.settings, 'User', 'GET /employees'));
  return { items: data.items ?? [], total: data.total };
}

/** One page of groups from GET /teams. */
export async function fetchGroupPage(
  connection: AppConnection,
  start: number,
  size: number,
  _cursor: string | undefined,
  _filters: Record<string, string>,
): Promise<AppPage<AppGroup>> {
  const result = await connection.app.GET('/teams', { params: { query: { offset: start, limit: size } } });
  const data = expectOk(result, context(connection.settings, 'Group', 'GET /teams'));
  return { items: data.items ?? [], total: data.total };
}
