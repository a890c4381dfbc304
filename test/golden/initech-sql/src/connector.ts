// The initech-sql connector: the ScimService the SCIM server calls. Yours to edit: regenerating keeps the bodies you wrote.
import {
  type ListQuery,
  type ListResult,
  type PatchOperation,
  type RequestContext,
  type ScimService,
} from 'scim-connector-sdk';
import type { ConnectorConfig } from './generated/config.js';
import type { ConnectorGroup, ConnectorUser } from './generated/schemas.js';
import { openStore, type ConnectorStore } from './generated/database.js';

/**
 * Provisions Okta users and groups into the Initech intranet's database
 *
 * One method per operation connector.yaml needs, each tagged `@generated operation=<name>`: regenerating
 * adds the methods a changed spec needs and refreshes the bodies you have not edited.
 */
export class Connector implements ScimService {
  constructor(private readonly store: ConnectorStore) {}

  /** Opens the database config.app.databaseUrl names (empty: an embedded PGlite database made from the DDL). */
  static async create(config: ConnectorConfig): Promise<Connector> {
    return new Connector(await openStore(config));
  }

  /**
   * Creates a user in the app.
   * @generated operation=createUser
   */
  async createUser(user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    return this.store.createUser(user, ctx);
  }

  /**
   * Replaces a user: profile changes, a new password, deactivation (active false) and reactivation.
   * @generated operation=updateUser
   */
  async updateUser(id: string, user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    return this.store.updateUser(id, user, ctx);
  }

  /**
   * Reads one user.
   * @generated operation=getUser
   */
  async getUser(id: string, ctx: RequestContext): Promise<ConnectorUser | undefined> {
    return this.store.getUser(id, ctx);
  }

  /**
   * Lists users: the existence check before a push, and imports.
   * @generated operation=getUsers
   */
  async getUsers(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorUser>> {
    return this.store.getUsers(query, ctx);
  }

  /**
   * Deletes a user (Entra ID and other clients; Okta deactivates instead).
   * @generated operation=deleteUser
   */
  async deleteUser(id: string, ctx: RequestContext): Promise<void> {
    return this.store.deleteUser(id, ctx);
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
    return this.store.patchUser(id, operations, ctx);
  }

  /**
   * Creates a group (group push).
   * @generated operation=createGroup
   */
  async createGroup(group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    return this.store.createGroup(group, ctx);
  }

  /**
   * Replaces a group: a new name or a new member list.
   * @generated operation=updateGroup
   */
  async updateGroup(id: string, group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    return this.store.updateGroup(id, group, ctx);
  }

  /**
   * Reads one group.
   * @generated operation=getGroup
   */
  async getGroup(id: string, ctx: RequestContext): Promise<ConnectorGroup | undefined> {
    return this.store.getGroup(id, ctx);
  }

  /**
   * Lists groups: imports and the existence check before a group push.
   * @generated operation=getGroups
   */
  async getGroups(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorGroup>> {
    return this.store.getGroups(query, ctx);
  }

  /**
   * Deletes a group.
   * @generated operation=deleteGroup
   */
  async deleteGroup(id: string, ctx: RequestContext): Promise<void> {
    return this.store.deleteGroup(id, ctx);
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
    return this.store.patchGroup(id, operations, ctx);
  }
}
