// The globex-crm connector: the ScimService the SCIM server calls. Yours to edit: regenerating keeps the bodies you wrote.
import {
  createSchemaRegistry,
  type ListQuery,
  type ListResult,
  type RequestContext,
  type ScimService,
} from 'scim-connector-sdk';
import type { ConnectorConfig } from './generated/config.js';
import { SCHEMA_OPTIONS, type ConnectorGroup, type ConnectorUser } from './generated/schemas.js';
import {
  appSettings,
  createAppClient,
  fetchGroupMembers,
  fetchGroupPage,
  fetchUserPage,
  groupMembership,
  type AppClient,
} from './generated/app-client.js';
import {
  asString,
  changeMembers,
  context,
  expectOk,
  found,
  idFromLocation,
  listResources,
  memberIds,
  type AppSettings,
} from 'scim-connector-sdk/app';
import {
  groupFromApp,
  groupToCreate,
  groupToUpdate,
  userFromApp,
  userToCreate,
  userToPassword,
  userToUpdate,
} from './generated/mappers.js';

/**
 * Provisions users and their group memberships into Globex CRM over OAuth2
 *
 * One method per operation connector.yaml needs, each tagged `@generated operation=<name>`: regenerating
 * adds the methods a changed spec needs and refreshes the bodies you have not edited.
 */
export class Connector implements ScimService {
  readonly app: AppClient;
  readonly settings: AppSettings;
  private readonly schemas = createSchemaRegistry(SCHEMA_OPTIONS);

  constructor(readonly config: ConnectorConfig) {
    this.settings = appSettings(config);
    this.app = createAppClient(config, this.settings);
  }

  /** Builds the connector and its client of the app. */
  static async create(config: ConnectorConfig): Promise<Connector> {
    return new Connector(config);
  }

  /**
   * Creates a user in the app.
   * @generated operation=createUser
   */
  async createUser(user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    const result = await this.app.POST('/orgs/{orgId}/contacts', {
      params: { path: { orgId: this.config.app.orgId } },
      body: userToCreate(user),
    });
    expectOk(result, context(this.settings, 'User', 'POST /orgs/{orgId}/contacts'));
    const id = idFromLocation(result.response, context(this.settings, 'User', 'POST /orgs/{orgId}/contacts'));
    if (asString(user['password']) !== undefined) {
      expectOk(
        await this.app.PUT('/orgs/{orgId}/contacts/{contactId}/credentials', {
          params: { path: { orgId: this.config.app.orgId, contactId: id } },
          body: userToPassword(user),
        }),
        context(this.settings, 'User', 'PUT /orgs/{orgId}/contacts/{contactId}/credentials', id),
      );
    }
    return found(await this.getUser(id, ctx), 'User', id);
  }

  /**
   * Replaces a user: profile changes, a new password, deactivation (active false) and reactivation.
   * @generated operation=updateUser
   */
  async updateUser(id: string, user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    // The calls, in order: PATCH /orgs/{orgId}/contacts/{contactId}, then PUT /orgs/{orgId}/contacts/{contactId}/credentials when a password is sent.
    expectOk(
      await this.app.PATCH('/orgs/{orgId}/contacts/{contactId}', {
        params: { path: { orgId: this.config.app.orgId, contactId: id } },
        body: userToUpdate(user),
        headers: { 'content-type': 'application/merge-patch+json' },
      }),
      context(this.settings, 'User', 'PATCH /orgs/{orgId}/contacts/{contactId}', id),
    );
    if (asString(user['password']) !== undefined) {
      expectOk(
        await this.app.PUT('/orgs/{orgId}/contacts/{contactId}/credentials', {
          params: { path: { orgId: this.config.app.orgId, contactId: id } },
          body: userToPassword(user),
        }),
        context(this.settings, 'User', 'PUT /orgs/{orgId}/contacts/{contactId}/credentials', id),
      );
    }
    // The app answers without the whole user: read it back.
    return found(await this.getUser(id, ctx), 'User', id);
  }

  /**
   * Reads one user.
   * @generated operation=getUser
   */
  async getUser(id: string, _ctx: RequestContext): Promise<ConnectorUser | undefined> {
    const result = await this.app.GET('/orgs/{orgId}/contacts/{contactId}', {
      params: { path: { orgId: this.config.app.orgId, contactId: id } },
    });
    if (result.response.status === 404) return undefined;
    return userFromApp(
      expectOk(result, context(this.settings, 'User', 'GET /orgs/{orgId}/contacts/{contactId}', id)),
    );
  }

  /**
   * Lists users: the existence check before a push, and imports.
   * @generated operation=getUsers
   */
  async getUsers(query: ListQuery, _ctx: RequestContext): Promise<ListResult<ConnectorUser>> {
    return listResources(query, this.schemas.user, {
      fetchPage: (start, size, cursor, filters) => fetchUserPage(this, start, size, cursor, filters),
      fromApp: userFromApp,
      pushDown: [['userName', 'login']],
      pageSize: 100,
      pagesDirectly: false,
      maxInMemory: 10000,
    });
  }

  /**
   * Creates a group (group push).
   * @generated operation=createGroup
   */
  async createGroup(group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    const id = String(
      expectOk(
        await this.app.POST('/orgs/{orgId}/groups', {
          params: { path: { orgId: this.config.app.orgId } },
          body: groupToCreate(group),
        }),
        context(this.settings, 'Group', 'POST /orgs/{orgId}/groups'),
      ).id,
    );
    // The calls, in order: POST /orgs/{orgId}/groups, then PUT /orgs/{orgId}/contacts/{contactId}/groups/{groupId} for each member.
    await changeMembers(groupMembership(this, id), [], memberIds(group.members), [
      `POST /orgs/{orgId}/groups (group ${id})`,
    ]);
    return found(await this.getGroup(id, ctx), 'Group', id);
  }

  /**
   * Replaces a group: a new name or a new member list.
   * @generated operation=updateGroup
   */
  async updateGroup(id: string, group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    expectOk(
      await this.app.PUT('/orgs/{orgId}/groups/{groupId}', {
        params: { path: { orgId: this.config.app.orgId, groupId: id } },
        body: groupToUpdate(group),
      }),
      context(this.settings, 'Group', 'PUT /orgs/{orgId}/groups/{groupId}', id),
    );
    // The calls, in order: PUT /orgs/{orgId}/groups/{groupId}, GET /orgs/{orgId}/groups/{groupId}/members (the current members), PUT /orgs/{orgId}/contacts/{contactId}/groups/{groupId} for each member added, then DELETE /orgs/{orgId}/contacts/{contactId}/groups/{groupId} for each member removed.
    await changeMembers(
      groupMembership(this, id),
      memberIds(await fetchGroupMembers(this, id)),
      memberIds(group.members),
      [`PUT /orgs/{orgId}/groups/{groupId} (group ${id})`],
    );
    // The app answers without the whole group: read it back.
    return found(await this.getGroup(id, ctx), 'Group', id);
  }

  /**
   * Reads one group.
   * @generated operation=getGroup
   */
  async getGroup(id: string, _ctx: RequestContext): Promise<ConnectorGroup | undefined> {
    const result = await this.app.GET('/orgs/{orgId}/groups/{groupId}', {
      params: { path: { orgId: this.config.app.orgId, groupId: id } },
    });
    if (result.response.status === 404) return undefined;
    return {
      ...groupFromApp(
        expectOk(result, context(this.settings, 'Group', 'GET /orgs/{orgId}/groups/{groupId}', id)),
      ),
      members: await fetchGroupMembers(this, id),
    };
  }

  /**
   * Lists groups: imports and the existence check before a group push.
   * @generated operation=getGroups
   */
  async getGroups(query: ListQuery, _ctx: RequestContext): Promise<ListResult<ConnectorGroup>> {
    return listResources(query, this.schemas.group, {
      fetchPage: (start, size, cursor, filters) => fetchGroupPage(this, start, size, cursor, filters),
      fromApp: groupFromApp,
      pushDown: [],
      pageSize: 100,
      pagesDirectly: false,
      maxInMemory: 10000,
    });
  }

  /**
   * Deletes a group.
   * @generated operation=deleteGroup
   */
  async deleteGroup(id: string, _ctx: RequestContext): Promise<void> {
    expectOk(
      await this.app.DELETE('/orgs/{orgId}/groups/{groupId}', {
        params: { path: { orgId: this.config.app.orgId, groupId: id } },
      }),
      context(this.settings, 'Group', 'DELETE /orgs/{orgId}/groups/{groupId}', id),
    );
  }
}
