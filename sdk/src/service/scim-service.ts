// The ScimService contract: what a connector implements. Every method is optional; a missing one answers 501.
import type { Filter, AttrPath } from '../protocol/filter/ast.js';
import type { ScimGroup, ScimUser } from '../protocol/resource.js';
import type { Dialect } from '../protocol/dialect.js';
import type { PatchOperation } from '../protocol/patch/operation.js';

export type { PatchOperation };

/** The parsed query of a list request (GET /Users, GET /Groups, POST /.search). */
export interface ListQuery {
  /** The parsed filter, in canonical (SCIM 2.0) paths; absent when the client sent none. */
  filter?: Filter;
  /** 1-based index of the first result (RFC 7644 §3.4.2.4); always ≥ 1. */
  startIndex: number;
  /**
   * Most results wanted, ≥ 0. The server always sets it, to at most its maxResults; absent only in
   * a query a caller builds itself, where it means no limit.
   */
  count?: number;
  sortBy?: AttrPath;
  sortOrder: 'ascending' | 'descending';
  /** Attributes the client asked for (`attributes`), if any; projection is done by the server. */
  attributes?: string[];
  excludedAttributes?: string[];
}

/** One page of results and the true number of matches. */
export interface ListResult<T> {
  resources: T[];
  totalResults: number;
}

/** What a service method learns about the request that called it. */
export interface RequestContext {
  /** The request id, as logged; quote it in your own logs. */
  requestId: string;
  /** The dialect the client speaks; the resource given and returned is always SCIM 2.0. */
  dialect: Dialect;
  /**
   * The request's `If-Match` header on a write, when it has one. The server has checked it against
   * the version it read; a backend with optimistic updates checks it again in the write itself, so
   * a change that slipped in between still answers 412.
   */
  ifMatch?: string;
  /**
   * True when the server only reads what the method returns and drops it once answered (a GET, a
   * list, a search): the method may then hand out objects it keeps, as a cache or an in-memory store
   * does, instead of copies. Absent or false, the caller may change what it gets.
   */
  readOnly?: boolean;
}

/**
 * A connector's service. Resources are canonical SCIM 2.0 objects. "Not found" is either a thrown
 * `NotFoundError` or, for the get methods, `undefined`. `User` and `Group` are the connector's own
 * resource types (see ScimUserWith); the server validates input against its schemas before a method
 * sees it, so the method may rely on them.
 */
export interface ScimService<User extends ScimUser = ScimUser, Group extends ScimGroup = ScimGroup> {
  createUser?(user: User, ctx: RequestContext): Promise<User>;
  /** Replaces the whole user (Okta always sends the whole user, never a delta). */
  updateUser?(id: string, user: User, ctx: RequestContext): Promise<User>;
  getUser?(id: string, ctx: RequestContext): Promise<User | undefined>;
  getUsers?(query: ListQuery, ctx: RequestContext): Promise<ListResult<User>>;
  /** Not in Okta's contract (Okta deactivates); Entra ID and others send DELETE. */
  deleteUser?(id: string, ctx: RequestContext): Promise<void>;
  /**
   * Optional: without it the server reads, applies the operations and calls updateUser. Answering
   * undefined sends 204 No Content instead of the patched user; when the request names
   * `attributes` or `excludedAttributes`, the server then reads the user back and answers 200.
   */
  patchUser?(id: string, operations: PatchOperation[], ctx: RequestContext): Promise<User | undefined>;
  createGroup?(group: Group, ctx: RequestContext): Promise<Group>;
  updateGroup?(id: string, group: Group, ctx: RequestContext): Promise<Group>;
  getGroup?(id: string, ctx: RequestContext): Promise<Group | undefined>;
  getGroups?(query: ListQuery, ctx: RequestContext): Promise<ListResult<Group>>;
  deleteGroup?(id: string, ctx: RequestContext): Promise<void>;
  /**
   * Like patchUser: without it the server reads, applies and calls updateGroup. The memory and file
   * stores implement it and answer undefined (204), so a membership change costs what it carries.
   */
  patchGroup?(id: string, operations: PatchOperation[], ctx: RequestContext): Promise<Group | undefined>;
}

/** The names of the service's methods. */
export type ServiceMethod = keyof ScimService;

export const SERVICE_METHODS: readonly ServiceMethod[] = [
  'createUser',
  'updateUser',
  'getUser',
  'getUsers',
  'deleteUser',
  'patchUser',
  'createGroup',
  'updateGroup',
  'getGroup',
  'getGroups',
  'deleteGroup',
  'patchGroup',
];
