// The initech-ldap connector: the ScimService the SCIM server calls. Yours to edit: regenerating keeps the bodies you wrote.
import { type ListQuery, type ListResult, type RequestContext, type ScimService } from 'scim-connector-sdk';
import type { ConnectorConfig } from './generated/config.js';
import type { ConnectorGroup, ConnectorUser } from './generated/schemas.js';
import { createLdapService, type LdapService } from 'scim-connector-sdk/ldap';
import { ldapOptions } from './generated/directory.js';

/**
 * Provisions Okta users and groups into Initech's OpenLDAP directory
 *
 * One method per operation connector.yaml needs, each tagged `@generated operation=<name>`: regenerating
 * adds the methods a changed spec needs and refreshes the bodies you have not edited.
 */
export class Connector implements ScimService {
  /** The directory: users and groups as connector.yaml maps them (src/generated/directory.ts). */
  readonly directory: LdapService<ConnectorUser, ConnectorGroup>;

  constructor(readonly config: ConnectorConfig) {
    this.directory = createLdapService<ConnectorUser, ConnectorGroup>(ldapOptions(config));
  }

  /** Builds the connector; each directory operation opens and binds its own connection. */
  static async create(config: ConnectorConfig): Promise<Connector> {
    return new Connector(config);
  }

  /**
   * Creates a user in the app.
   * @generated operation=createUser
   */
  async createUser(user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    return this.directory.createUser(user, ctx);
  }

  /**
   * Replaces a user: profile changes, a new password, deactivation (active false) and reactivation.
   * @generated operation=updateUser
   */
  async updateUser(id: string, user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser> {
    return this.directory.updateUser(id, user, ctx);
  }

  /**
   * Reads one user.
   * @generated operation=getUser
   */
  async getUser(id: string, ctx: RequestContext): Promise<ConnectorUser | undefined> {
    return this.directory.getUser(id, ctx);
  }

  /**
   * Lists users: the existence check before a push, and imports.
   * @generated operation=getUsers
   */
  async getUsers(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorUser>> {
    return this.directory.getUsers(query, ctx);
  }

  /**
   * Deletes a user (Entra ID and other clients; Okta deactivates instead).
   * @generated operation=deleteUser
   */
  async deleteUser(id: string, ctx: RequestContext): Promise<void> {
    return this.directory.deleteUser(id, ctx);
  }

  /**
   * Creates a group (group push).
   * @generated operation=createGroup
   */
  async createGroup(group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    return this.directory.createGroup(group, ctx);
  }

  /**
   * Replaces a group: a new name or a new member list.
   * @generated operation=updateGroup
   */
  async updateGroup(id: string, group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup> {
    return this.directory.updateGroup(id, group, ctx);
  }

  /**
   * Reads one group.
   * @generated operation=getGroup
   */
  async getGroup(id: string, ctx: RequestContext): Promise<ConnectorGroup | undefined> {
    return this.directory.getGroup(id, ctx);
  }

  /**
   * Lists groups: imports and the existence check before a group push.
   * @generated operation=getGroups
   */
  async getGroups(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorGroup>> {
    return this.directory.getGroups(query, ctx);
  }

  /**
   * Deletes a group.
   * @generated operation=deleteGroup
   */
  async deleteGroup(id: string, ctx: RequestContext): Promise<void> {
    return this.directory.deleteGroup(id, ctx);
  }
}
