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

/** A group's members, page after page from GET /orgs/{orgId}/groups/{groupId}/members. */
export async function fetchGroupMembers(connection: AppConnection, id: string): Promise<ScimMultiValue[]> {
  return fetchAll(
    async (start, size) => {
      const result = await connection.app.GET('/orgs/{orgId}/groups/{groupId}/members', {
        params: {
          path: { orgId: connection.config.app.orgId, groupId: id },
          query: { page: 1 + Math.floor(start / size), size: size },
        },
      });
      const data = expectOk(
        result,
        context(connection.settings, 'Group', 'GET /orgs/{orgId}/groups/{groupId}/members', id),
      );
      return {
        items: (data.content ?? []).map((item) => member(item.contactId, item.login)),
        total: data.totalElements,
      };
    },
    100,
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
      call: 'PUT /orgs/{orgId}/contacts/{contactId}/groups/{groupId}',
      run: async (memberId) => {
        expectOk(
          await connection.app.PUT('/orgs/{orgId}/contacts/{contactId}/groups/{groupId}', {
            params: { path: { orgId: connection.config.app.orgId, contactId: memberId, groupId: id } },
          }),
          context(
            connection.settings,
            'Group',
            'PUT /orgs/{orgId}/contacts/{contactId}/groups/{groupId}',
            id,
          ),
        );
      },
    },
    remove: {
      call: 'DELETE /orgs/{orgId}/contacts/{contactId}/groups/{groupId}',
      run: async (memberId) => {
        expectOk(
          await connection.app.DELETE('/orgs/{orgId}/contacts/{contactId}/groups/{groupId}', {
            params: { path: { orgId: connection.config.app.orgId, contactId: memberId, groupId: id } },
          }),
          context(
            connection.settings,
            'Group',
            'DELETE /orgs/{orgId}/contacts/{contactId}/groups/{groupId}',
            id,
          ),
        );
      },
    },
  };
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
