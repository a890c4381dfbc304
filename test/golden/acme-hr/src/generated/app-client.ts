// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The app's typed client (openapi-fetch over the OpenAPI document's types), its settings, and one page fetcher per mapped list.
import createClient, { type Client } from 'openapi-fetch';
import type { ScimMultiValue } from 'scim-connector-sdk';
import type { paths } from './app-api.js';
import type { ConnectorConfig } from './config.js';
import {
  appFetch,
  type AppPage,
  context,
  expectOk,
  fetchAll,
  member,
  type MembershipCall,
  type AppSettings,
} from 'scim-connector-sdk/app';
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

/** A group's members, page after page from GET /teams/{teamId}/members. */
export async function fetchGroupMembers(connection: AppConnection, id: string): Promise<ScimMultiValue[]> {
  return fetchAll(
    async (start, size) => {
      const result = await connection.app.GET('/teams/{teamId}/members', {
        params: { path: { teamId: id }, query: { offset: start, limit: size } },
      });
      const data = expectOk(result, context(connection.settings, 'Group', 'GET /teams/{teamId}/members', id));
      return {
        items: (data.items ?? []).map((item) => member(item.employeeId, item.displayName)),
        total: data.total,
      };
    },
    200,
    10000,
    {},
  );
}

/** The calls that add a member to group `id` and remove one from it. */
export function groupMembership(
  connection: AppConnection,
  id: string,
): { add: MembershipCall; remove: MembershipCall } {
  return {
    add: {
      call: 'POST /teams/{teamId}/members',
      run: async (memberId) => {
        expectOk(
          await connection.app.POST('/teams/{teamId}/members', {
            params: { path: { teamId: id } },
            body: { employeeId: memberId },
          }),
          context(connection.settings, 'Group', 'POST /teams/{teamId}/members', id),
        );
      },
    },
    remove: {
      call: 'DELETE /teams/{teamId}/members/{employeeId}',
      run: async (memberId) => {
        expectOk(
          await connection.app.DELETE('/teams/{teamId}/members/{employeeId}', {
            params: { path: { teamId: id, employeeId: memberId } },
          }),
          context(connection.settings, 'Group', 'DELETE /teams/{teamId}/members/{employeeId}', id),
        );
      },
    },
  };
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
