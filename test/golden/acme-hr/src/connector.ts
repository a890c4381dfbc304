// The acme-hr connector: the ScimService the SCIM server calls. Yours to edit: regenerating keeps the bodies you wrote.
import {
  createSchemaRegistry,
  type ListQuery,
  type ListResult,
  type PatchOperation,
  type RequestContext,
  type ScimService,
} from 'scim-connector-sdk';
import type { ConnectorConfig } from './generated/config.js';
import { SCHEMA_OPTIONS, type ConnectorGroup, type ConnectorUser } from './generated/schemas.js';
import { applyPatch } from 'scim-connector-sdk/protocol';
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
  asBoolean,
  changeMembers,
  context,
  expectOk,
  followUp,
  found,
  listResources,
  memberIds,
  mergeRecord,
  type AppSettings,
} from 'scim-connector-sdk/app';
import {
  groupFromApp,
  groupToCreate,
  groupToUpdate,
  userFromApp,
  userToCreate,
  userToUpdate,
} from './generated/mappers.js';

/**
 * Provisions Okta users and groups into Acme HR employees and teams
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
    const created = expectOk(
      await this.app.POST('/employees', { body: userToCreate(user) }),
      context(this.settings, 'User', 'POST /employees'),
    );
    if (asBoolean(user.active) === false) {
      await followUp(['POST /employees'], 'POST /employees/{employeeId}/deactivate', async () =>
        expectOk(
          await this.app.POST('/employees/{employeeId}/deactivate', {
            params: { path: { employeeId: String(created.id) } },
          }),
          context(this.settings, 'User', 'POST /employees/{employeeId}/deactivate', String(created.id)),
        ),
      );
    }
    return found(await this.getUser(String(created.id), ctx), 'User', String(created.id));
  }

  /**
   * Replaces a user: profile changes, a new password, deactivation (active false) and reactivation.
   * @generated operation=updateUser
   */
  async updateUser(id: string, user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    // The calls, in order: GET /employees/{employeeId} (the record to merge into), then PUT /employees/{employeeId}, then POST /employees/{employeeId}/activate or POST /employees/{employeeId}/deactivate when active changes.
    const current = expectOk(
      await this.app.GET('/employees/{employeeId}', { params: { path: { employeeId: id } } }),
      context(this.settings, 'User', 'GET /employees/{employeeId}', id),
    );
    expectOk(
      await this.app.PUT('/employees/{employeeId}', {
        params: { path: { employeeId: id } },
        body: mergeRecord(current, userToUpdate(user)),
      }),
      context(this.settings, 'User', 'PUT /employees/{employeeId}', id),
    );
    if (asBoolean(user.active) === true && userFromApp(current).active !== true) {
      await followUp(['PUT /employees/{employeeId}'], 'POST /employees/{employeeId}/activate', async () =>
        expectOk(
          await this.app.POST('/employees/{employeeId}/activate', { params: { path: { employeeId: id } } }),
          context(this.settings, 'User', 'POST /employees/{employeeId}/activate', id),
        ),
      );
    }
    if (asBoolean(user.active) === false && userFromApp(current).active !== false) {
      await followUp(['PUT /employees/{employeeId}'], 'POST /employees/{employeeId}/deactivate', async () =>
        expectOk(
          await this.app.POST('/employees/{employeeId}/deactivate', { params: { path: { employeeId: id } } }),
          context(this.settings, 'User', 'POST /employees/{employeeId}/deactivate', id),
        ),
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
    const result = await this.app.GET('/employees/{employeeId}', { params: { path: { employeeId: id } } });
    if (result.response.status === 404) return undefined;
    return userFromApp(expectOk(result, context(this.settings, 'User', 'GET /employees/{employeeId}', id)));
  }

  /**
   * Lists users: the existence check before a push, and imports.
   * @generated operation=getUsers
   */
  async getUsers(query: ListQuery, _ctx: RequestContext): Promise<ListResult<ConnectorUser>> {
    return listResources(query, this.schemas.user, {
      fetchPage: (start, size, cursor, filters) => fetchUserPage(this, start, size, cursor, filters),
      fromApp: userFromApp,
      pushDown: [['userName', 'email']],
      pageSize: 200,
      pagesDirectly: true,
      maxInMemory: 10000,
    });
  }

  /**
   * Deletes a user (Entra ID and other clients; Okta deactivates instead).
   * @generated operation=deleteUser
   */
  async deleteUser(id: string, _ctx: RequestContext): Promise<void> {
    expectOk(
      await this.app.DELETE('/employees/{employeeId}', { params: { path: { employeeId: id } } }),
      context(this.settings, 'User', 'DELETE /employees/{employeeId}', id),
    );
  }

  /**
   * Applies PATCH operations to a user (Entra ID sends these for every change).
   * @generated operation=patchUser
   */
  async patchUser(
    id: string,
    operations: PatchOperation[],
    ctx: RequestContext,
  ): Promise<ConnectorUser | undefined> {
    const current = await this.getUser(id, ctx);
    if (current === undefined) return undefined;
    const patched = applyPatch(current, operations, this.schemas.user);
    return this.updateUser(id, patched.resource, ctx);
  }

  /**
   * Creates a group (group push).
   * @generated operation=createGroup
   */
  async createGroup(group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    const id = String(
      expectOk(
        await this.app.POST('/teams', { body: groupToCreate(group) }),
        context(this.settings, 'Group', 'POST /teams'),
      ).id,
    );
    // The calls, in order: POST /teams, then POST /teams/{teamId}/members for each member.
    await changeMembers(groupMembership(this, id), [], memberIds(group.members), [
      `POST /teams (group ${id})`,
    ]);
    return found(await this.getGroup(id, ctx), 'Group', id);
  }

  /**
   * Replaces a group: a new name or a new member list.
   * @generated operation=updateGroup
   */
  async updateGroup(id: string, group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    expectOk(
      await this.app.PUT('/teams/{teamId}', { params: { path: { teamId: id } }, body: groupToUpdate(group) }),
      context(this.settings, 'Group', 'PUT /teams/{teamId}', id),
    );
    // The calls, in order: PUT /teams/{teamId}, GET /teams/{teamId}/members (the current members), POST /teams/{teamId}/members for each member added, then DELETE /teams/{teamId}/members/{employeeId} for each member removed.
    await changeMembers(
      groupMembership(this, id),
      memberIds(await fetchGroupMembers(this, id)),
      memberIds(group.members),
      [`PUT /teams/{teamId} (group ${id})`],
    );
    // The app answers without the whole group: read it back.
    return found(await this.getGroup(id, ctx), 'Group', id);
  }

  /**
   * Reads one group.
   * @generated operation=getGroup
   */
  async getGroup(id: string, _ctx: RequestContext): Promise<ConnectorGroup | undefined> {
    const result = await this.app.GET('/teams/{teamId}', { params: { path: { teamId: id } } });
    if (result.response.status === 404) return undefined;
    return {
      ...groupFromApp(expectOk(result, context(this.settings, 'Group', 'GET /teams/{teamId}', id))),
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
      pageSize: 200,
      pagesDirectly: true,
      maxInMemory: 10000,
    });
  }

  /**
   * Deletes a group.
   * @generated operation=deleteGroup
   */
  async deleteGroup(id: string, _ctx: RequestContext): Promise<void> {
    expectOk(
      await this.app.DELETE('/teams/{teamId}', { params: { path: { teamId: id } } }),
      context(this.settings, 'Group', 'DELETE /teams/{teamId}', id),
    );
  }

  /**
   * Applies PATCH operations to a group: renames and member changes without sending every member.
   * @generated operation=patchGroup
   */
  async patchGroup(
    id: string,
    operations: PatchOperation[],
    ctx: RequestContext,
  ): Promise<ConnectorGroup | undefined> {
    const current = await this.getGroup(id, ctx);
    if (current === undefined) return undefined;
    const patched = applyPatch(current, operations, this.schemas.group);
    return this.updateGroup(id, patched.resource, ctx);
  }
}
