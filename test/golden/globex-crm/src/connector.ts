// The globex-crm connector: the ScimService the SCIM server calls. Yours to edit: regenerating keeps the bodies you wrote.
import {
  type ListQuery,
  type ListResult,
  NotImplementedError,
  type RequestContext,
  type ScimService,
} from 'scim-connector-sdk';
import type { ConnectorConfig } from './generated/config.js';
import type { ConnectorGroup, ConnectorUser } from './generated/schemas.js';

/**
 * Provisions users and their group memberships into Globex CRM over OAuth2
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
   * Lists groups: imports and the existence check before a group push.
   * @generated operation=getGroups
   */
  async getGroups(_query: ListQuery, _ctx: RequestContext): Promise<ListResult<ConnectorGroup>> {
    // The identity provider sends GET /Groups, page by page (startIndex, count), or with filter=displayName eq "…".
    // Return one page and the number of all matches (applyListQuery filters, sorts and pages an array in memory).
    throw new NotImplementedError('getGroups');
  }
}
