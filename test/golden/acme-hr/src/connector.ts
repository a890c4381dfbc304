// The acme-hr connector: the ScimService the SCIM server calls. Yours to edit: regenerating keeps the bodies you wrote.
import {
  type ListQuery,
  type ListResult,
  NotImplementedError,
  type PatchOperation,
  type RequestContext,
  type ScimService,
} from 'scim-connector-sdk';
import type { ConnectorConfig } from './generated/config.js';
import type { ConnectorGroup, ConnectorUser } from './generated/schemas.js';

/**
 * Provisions Okta users and groups into Acme HR employees and teams
 *
 * One method per operation connector.yaml needs, each tagged `@generated operation=<name>`: regenerating
 * adds the methods a changed spec needs and refreshes the bodies you have not edited.
 */
export class Connector implements ScimService {
  constructor(readonly config: ConnectorConfig) {}

  /** Builds the connector; open connections to the app here. */
  static async create(config: ConnectorConfig): Promise<Connector> {
    return new Connector(config);
  }

  /**
   * Creates a user in the app.
   * @generated operation=createUser
   */
  async createUser(_user: ConnectorUser, _ctx: RequestContext): Promise<ConnectorUser> {
    // The identity provider sends POST /Users with the new user: userName, name, emails, active, password and the custom attributes.
    // Return the user as stored, with the id the app gave it. Throw ConflictError when the userName is taken.
    throw new NotImplementedError('createUser');
  }

  /**
   * Replaces a user: profile changes, a new password, deactivation (active false) and reactivation.
   * @generated operation=updateUser
   */
  async updateUser(_id: string, _user: ConnectorUser, _ctx: RequestContext): Promise<ConnectorUser> {
    // The identity provider sends PUT /Users/{id} with the whole user (Okta never sends a delta; a password only when it changes).
    // Return the user as stored. Throw NotFoundError when there is no such user.
    throw new NotImplementedError('updateUser');
  }

  /**
   * Reads one user.
   * @generated operation=getUser
   */
  async getUser(_id: string, _ctx: RequestContext): Promise<ConnectorUser | undefined> {
    // The identity provider sends GET /Users/{id}, to import profile updates and to read a user before changing it.
    // Return the user, or undefined when there is none (the server answers 404).
    throw new NotImplementedError('getUser');
  }

  /**
   * Lists users: the existence check before a push, and imports.
   * @generated operation=getUsers
   */
  async getUsers(_query: ListQuery, _ctx: RequestContext): Promise<ListResult<ConnectorUser>> {
    // The identity provider sends GET /Users?filter=userName eq "…" to check whether a user exists, or without a filter, page by page (startIndex, count), to import.
    // Return one page and the number of all matches (applyListQuery filters, sorts and pages an array in memory).
    throw new NotImplementedError('getUsers');
  }

  /**
   * Deletes a user (Entra ID and other clients; Okta deactivates instead).
   * @generated operation=deleteUser
   */
  async deleteUser(_id: string, _ctx: RequestContext): Promise<void> {
    // The identity provider sends DELETE /Users/{id}.
    // Return nothing. Throw NotFoundError when there is no such user.
    throw new NotImplementedError('deleteUser');
  }

  /**
   * Applies PATCH operations to a user (Entra ID sends these for every change).
   * @generated operation=patchUser
   */
  async patchUser(
    _id: string,
    _operations: PatchOperation[],
    _ctx: RequestContext,
  ): Promise<ConnectorUser | undefined> {
    // The identity provider sends PATCH /Users/{id} with operations such as replace active, or replace name.familyName.
    // Return the patched user, or undefined for 204 No Content. Throw NotFoundError when there is no such user.
    throw new NotImplementedError('patchUser');
  }

  /**
   * Creates a group (group push).
   * @generated operation=createGroup
   */
  async createGroup(_group: ConnectorGroup, _ctx: RequestContext): Promise<ConnectorGroup> {
    // The identity provider sends POST /Groups with displayName and members (user ids).
    // Return the group as stored, with its id. Throw ConflictError when the displayName is taken.
    throw new NotImplementedError('createGroup');
  }

  /**
   * Replaces a group: a new name or a new member list.
   * @generated operation=updateGroup
   */
  async updateGroup(_id: string, _group: ConnectorGroup, _ctx: RequestContext): Promise<ConnectorGroup> {
    // The identity provider sends PUT /Groups/{id} with the whole group, members included.
    // Return the group as stored. Throw NotFoundError when there is no such group.
    throw new NotImplementedError('updateGroup');
  }

  /**
   * Reads one group.
   * @generated operation=getGroup
   */
  async getGroup(_id: string, _ctx: RequestContext): Promise<ConnectorGroup | undefined> {
    // The identity provider sends GET /Groups/{id}.
    // Return the group, or undefined when there is none (the server answers 404).
    throw new NotImplementedError('getGroup');
  }

  /**
   * Lists groups: imports and the existence check before a group push.
   * @generated operation=getGroups
   */
  async getGroups(_query: ListQuery, _ctx: RequestContext): Promise<ListResult<ConnectorGroup>> {
    // The identity provider sends GET /Groups, page by page (startIndex, count), or with filter=displayName eq "…".
    // Return one page and the number of all matches (applyListQuery filters, sorts and pages an array in memory).
    throw new NotImplementedError('getGroups');
  }

  /**
   * Deletes a group.
   * @generated operation=deleteGroup
   */
  async deleteGroup(_id: string, _ctx: RequestContext): Promise<void> {
    // The identity provider sends DELETE /Groups/{id}.
    // Return nothing. Throw NotFoundError when there is no such group.
    throw new NotImplementedError('deleteGroup');
  }
}
