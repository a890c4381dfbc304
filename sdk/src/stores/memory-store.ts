// An in-memory ScimService: users and groups in insertion order, unique userName and displayName, derived `groups`.
import { randomUUID } from 'node:crypto';
import type { ScimGroup, ScimResource, ScimUser, ResourceTypeName } from '../protocol/resource.js';
import { URN } from '../protocol/resource.js';
import type { Filter } from '../protocol/filter/ast.js';
import { findKey } from '../protocol/attribute-access.js';
import { cloneJson } from '../protocol/json-value.js';
import { userNameKey } from '../protocol/name-key.js';
import { createSchemaRegistry, type SchemaRegistry } from '../protocol/resource-schema.js';
import { applyListQuery } from '../service/apply-list-query.js';
import type { ListQuery, ListResult, RequestContext, ScimService } from '../service/scim-service.js';
import { ConflictError, InvalidValueError, NotFoundError } from '../service/errors.js';
import { ScimError } from '../protocol/errors.js';
import { applyPatch } from '../protocol/patch/apply.js';
import type { PatchOperation } from '../protocol/patch/operation.js';
import { RESOURCE_LIMITS, validateResource } from '../protocol/validate-resource.js';
import { runStepsWithPauses } from '../protocol/steps.js';
import { slicer } from '../http/next-turn.js';
import { groupPatchPlanSteps } from './group-patch-plan.js';
import { MemberDraft } from './member-draft.js';
import { MemberList, memberKey, memberValue, type Member } from './member-list.js';
import { UserSlot } from './user-slot.js';

/** Which collections a write changed; a persistence hook rewrites only those. */
export interface StoreChange {
  users: boolean;
  groups: boolean;
}

/** Options absent or undefined take their defaults. */
export interface MemoryStoreOptions {
  /** The schemas filters and sorting resolve against; the standard User and Group schemas by default. */
  schemas?: SchemaRegistry | undefined;
  /** Resources to start with; their ids and meta are kept (ids and meta are assigned where absent). */
  seed?: { users?: ScimUser[]; groups?: ScimGroup[] };
  now?: (() => Date) | undefined;
  newId?: (() => string) | undefined;
  /**
   * Called after every write, before the service method resolves: a write is acknowledged only once this
   * settles, and its rejection rejects the method. The store's state already holds the change; a
   * hook that rejects undoes it with a checkpoint taken before.
   */
  onChange?: (change: StoreChange) => Promise<void> | void;
}

/**
 * The member list behind each stored group whose `members` is read from one (see withMemberList).
 * Keyed by the group object, so a checkpoint that keeps an older object keeps its own list.
 */
const MEMBER_LISTS = new WeakMap<ScimGroup, MemberList>();

/**
 * The `members` of a group stored with a member list. One getter for every group, not a closure
 * each: groups built alike then share V8's hidden class, and code reading them stays fast.
 */
const MEMBERS_PROPERTY: PropertyDescriptor = Object.freeze({
  get(this: ScimGroup): Member[] | undefined {
    return MEMBER_LISTS.get(this)?.toArray();
  },
  enumerable: true,
  configurable: true,
});

/** Attributes the server owns: whatever the client sends for them is dropped. */
const SERVER_OWNED = new Set(['id', 'meta']);

/**
 * A complete ScimService kept in memory, for the example server, tests and demos. Returned resources are
 * copies, except to a caller that only reads (RequestContext.readOnly, as the server's GETs, lists
 * and searches are): it gets the stored objects, which the store replaces rather than changes. `userName` is unique under userNameKey (case and Unicode normalisation ignored), and so is a group's `displayName` (Okta's contract
 * answers a duplicate group with 409). A user's `groups` is read-only and derived from group `members`.
 * A member's `display` is filled from the user's displayName (else userName) or the group's displayName
 * when the group is written, and follows renames; deleting a user or group takes it out of every group.
 * A user's PATCH is left to the server, which reads, applies and calls updateUser; a group's PATCH is
 * patchGroup, whose cost follows the member operations it carries, not the group's size.
 */
export class MemoryStore implements ScimService {
  /** The schemas the store checks against: give them to the server too (`schemas: store.schemas`). */
  readonly schemas: SchemaRegistry;
  private readonly users = new Map<string, UserSlot>();
  /** Users in insertion order, so that a page is read by position, not by walking every user before it. */
  private userOrder: UserSlot[] = [];
  private readonly groups = new VersionedMap<string, ScimGroup>();
  private readonly userByName = new Map<string, UserSlot>();
  private readonly groupIdByName = new Map<string, string>();
  /** Member value (a user or group id) → ids of the groups listing it. */
  private readonly groupIdsByMember = new Map<string, Set<string>>();
  /** Counts checkpoints: a member list of an older generation may be held by one and is copied before a change. */
  private generation = 0;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly onChange: ((change: StoreChange) => Promise<void> | void) | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    this.schemas = options.schemas ?? createSchemaRegistry();
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.onChange = options.onChange;
    for (const user of options.seed?.users ?? []) this.insertUser(this.seedResource(user, 'User'));
    for (const group of options.seed?.groups ?? []) this.insertGroup(this.seedResource(group, 'Group'));
    // A seeded group may list a group seeded after it: its display is known only now. Every member
    // naming a resource then has a display, which patchGroup relies on (it completes only what it writes).
    for (const group of this.groups.values()) this.completeMembers(group);
  }

  /** The number of users and groups held. */
  get size(): { users: number; groups: number } {
    return { users: this.users.size, groups: this.groups.size };
  }

  /**
   * A function that puts the store back as it is now, for a persistence layer that must undo the
   * writes it failed to persist. Cheap: stored resources are never changed in place, so the maps
   * are copied, not the resources (a member list is copied by the next patchGroup of its group), and
   * each slot's user is noted, not copied.
   */
  checkpoint(): () => void {
    this.generation++;
    const users = new Map(this.users);
    const userOrder = [...this.userOrder];
    const stored = userOrder.map((slot) => slot.user);
    const groups = new Map(this.groups);
    const userByName = new Map(this.userByName);
    const groupIdByName = new Map(this.groupIdByName);
    const groupIdsByMember = new Map([...this.groupIdsByMember].map(([id, ids]) => [id, new Set(ids)]));
    const put = <K, V>(target: Map<K, V>, source: Map<K, V>) => {
      target.clear();
      for (const [key, value] of source) target.set(key, value);
    };
    return () => {
      put(this.users, users);
      userOrder.forEach((slot, at) => slot.replace(stored[at] as ScimUser));
      this.userOrder = [...userOrder];
      put(this.groups, groups);
      put(this.userByName, userByName);
      put(this.groupIdByName, groupIdByName);
      put(this.groupIdsByMember, new Map([...groupIdsByMember].map(([id, ids]) => [id, new Set(ids)])));
    };
  }

  /** One collection as stored (users without the derived `groups`), as indented JSON text. */
  serialize(collection: 'users' | 'groups'): string {
    const resources =
      collection === 'users' ? [...this.users.values()].map((slot) => slot.user) : [...this.groups.values()];
    return `${JSON.stringify(resources, null, 2)}\n`;
  }

  async createUser(user: ScimUser, _ctx?: RequestContext): Promise<ScimUser> {
    const userName = requiredString(user, 'userName');
    this.assertUserNameFree(userName, undefined);
    const id = this.uniqueId(this.users);
    const slot = this.insertUser(this.stamp(stripUserInput(user), 'User', id, undefined));
    // Groups may already list the new id (a member added before it existed): they get its display.
    const groups = this.refreshDisplays(id, undefined);
    await this.changed({ users: true, groups });
    return this.viewUser(slot, true);
  }

  async updateUser(id: string, user: ScimUser, _ctx?: RequestContext): Promise<ScimUser> {
    const slot = this.users.get(id);
    if (slot === undefined) throw new NotFoundError('User', id);
    const previous = slot.user;
    const userName = requiredString(user, 'userName');
    this.assertUserNameFree(userName, id);
    const next = stripUserInput(user);
    // The client never reads a password back, so a whole-user PUT without one keeps the current one.
    const passwordKey = findKey(previous, 'password');
    if (passwordKey !== undefined && findKey(next, 'password') === undefined)
      next[passwordKey] = previous[passwordKey];
    this.userByName.delete(userNameKey(requiredString(previous, 'userName')));
    const displayBefore = this.displayOf(id);
    slot.replace(this.stamp(next, 'User', id, previous));
    this.userByName.set(userNameKey(userName), slot);
    const groups = this.refreshDisplays(id, displayBefore);
    await this.changed({ users: true, groups });
    return this.viewUser(slot, true);
  }

  async getUser(id: string, ctx?: RequestContext): Promise<ScimUser> {
    const slot = this.users.get(id);
    if (slot === undefined) throw new NotFoundError('User', id);
    return this.viewUser(slot, copies(ctx));
  }

  async getUsers(query: ListQuery, ctx?: RequestContext): Promise<ListResult<ScimUser>> {
    const copy = copies(ctx);
    const lookup = uniqueLookup(query.filter, 'userName', URN.user);
    if (lookup !== undefined) {
      // By name straight to the user: at a million users each hashed lookup is a few cache misses.
      const slot =
        lookup.attribute === 'id'
          ? this.users.get(lookup.value)
          : this.userByName.get(userNameKey(lookup.value));
      return page(slot === undefined ? [] : [this.viewUser(slot, copy)], query);
    }
    if (query.filter === undefined && query.sortBy === undefined) {
      return {
        resources: pageOf(this.userOrder, query, (slot) => this.viewUser(slot, copy)),
        totalResults: this.users.size,
      };
    }
    const views = [...this.users.values()].map((slot) => this.viewUser(slot, false));
    const result = applyListQuery(views, query, this.schemas.user);
    return {
      resources: copy ? result.resources.map((user) => copyStored(user)) : result.resources,
      totalResults: result.totalResults,
    };
  }

  async deleteUser(id: string, _ctx?: RequestContext): Promise<void> {
    const slot = this.users.get(id);
    if (slot === undefined) throw new NotFoundError('User', id);
    this.users.delete(id);
    // A delete moves the users after it (a native memmove), so that reads stay positional.
    this.userOrder.splice(this.userOrder.indexOf(slot), 1);
    this.userByName.delete(userNameKey(requiredString(slot.user, 'userName')));
    const groupIds = [...(this.groupIdsByMember.get(id) ?? [])];
    for (const groupId of groupIds) this.removeMember(groupId, id);
    await this.changed({ users: true, groups: groupIds.length > 0 });
  }

  async createGroup(group: ScimGroup, _ctx?: RequestContext): Promise<ScimGroup> {
    const displayName = requiredString(group, 'displayName');
    this.assertDisplayNameFree(displayName, undefined);
    const id = this.uniqueId(this.groups);
    const stored = this.insertGroup(
      this.stamp(this.completeMembers(stripServerOwned(group)), 'Group', id, undefined),
    );
    this.refreshDisplays(id, undefined);
    await this.changed({ users: false, groups: true });
    return copyStored(stored);
  }

  async updateGroup(id: string, group: ScimGroup, _ctx?: RequestContext): Promise<ScimGroup> {
    const previous = this.groups.get(id);
    if (previous === undefined) throw new NotFoundError('Group', id);
    const displayName = requiredString(group, 'displayName');
    this.assertDisplayNameFree(displayName, id);
    const displayBefore = this.displayOf(id);
    const stored = this.stamp(this.completeMembers(stripServerOwned(group)), 'Group', id, previous);
    this.groups.set(id, stored);
    this.reindexGroup(id, previous, stored);
    this.refreshDisplays(id, displayBefore);
    await this.changed({ users: false, groups: true });
    return copyStored(stored);
  }

  async getGroup(id: string, ctx?: RequestContext): Promise<ScimGroup> {
    const stored = this.groups.get(id);
    if (stored === undefined) throw new NotFoundError('Group', id);
    return copies(ctx) ? copyStored(stored) : snapshot(stored);
  }

  async getGroups(query: ListQuery, ctx?: RequestContext): Promise<ListResult<ScimGroup>> {
    const hand = copies(ctx) ? copyStored<ScimGroup> : snapshot;
    const lookup = uniqueLookup(query.filter, 'displayName', URN.group);
    if (lookup !== undefined) {
      const id = lookup.attribute === 'id' ? lookup.value : this.groupIdByName.get(userNameKey(lookup.value));
      const stored = id === undefined ? undefined : this.groups.get(id);
      return page(stored === undefined ? [] : [hand(stored)], query);
    }
    const result = applyListQuery(this.groups.values(), query, this.schemas.group);
    return {
      resources: result.resources.map(hand),
      totalResults: result.totalResults,
    };
  }

  async deleteGroup(id: string, _ctx?: RequestContext): Promise<void> {
    const stored = this.groups.get(id);
    if (stored === undefined) throw new NotFoundError('Group', id);
    this.reindexGroup(id, stored, undefined);
    this.groups.delete(id);
    // A group may itself be a member of other groups.
    const parents = [...(this.groupIdsByMember.get(id) ?? [])];
    for (const parentId of parents) this.removeMember(parentId, id);
    await this.changed({ users: false, groups: true });
  }

  /**
   * Applies a PATCH to a group as the server's read-apply-update would (applyPatch, validateResource,
   * updateGroup), with the same result, errors and version, and resolves to undefined (the server
   * answers 204). Member operations the plan recognises (add, remove by value list or by
   * `value eq "…"`) go through the group's member list and cost what they carry; the other
   * operations go through applyPatch on the group without its members. Anything else (replace of
   * the members, another filter, a request that does not read) takes applyPatch on the whole group.
   */
  async patchGroup(id: string, operations: PatchOperation[], _ctx?: RequestContext): Promise<undefined> {
    const schema = this.schemas.group;
    // Planned before the group is read: the plan reads no state, so it may let the event loop turn.
    const plan = await runStepsWithPauses(groupPatchPlanSteps(operations, schema), slicer().pause);
    const previous = this.groups.get(id);
    if (previous === undefined) throw new NotFoundError('Group', id);
    if (plan === undefined) {
      const patched = applyPatch(previous, operations, schema);
      if (patched.changed.length > 0) await this.updateGroup(id, validateResource(patched.resource, schema));
      return undefined;
    }
    const membersKey = findKey(previous, 'members') ?? 'members';
    // Not a spread of `previous`: that would read its members.
    const rest = {} as ScimGroup;
    for (const key of Object.keys(previous)) if (key !== membersKey) rest[key] = previous[key];
    const others = applyPatch(rest, plan.otherOperations, schema);
    const list = this.memberListOf(previous);
    const draft = new MemberDraft(list, plan.membersAttribute);
    for (const step of plan.memberSteps) draft.apply(step);
    // applyPatch writes no `members` for an empty list: a group stored with an empty one changes.
    const emptied =
      plan.memberSteps.length > 0 && list.size === 0 && findKey(previous, 'members') !== undefined;
    if (others.changed.length === 0 && !draft.changed && !emptied) {
      // Keeps the list just built, so that the next PATCH of the group need not build it again.
      if (list.size > 0 && MEMBER_LISTS.get(previous) !== list)
        this.groups.set(id, this.withMemberList(previous, membersKey, list));
      return undefined;
    }
    const body = stripServerOwned(validateResource(others.resource, schema));
    if (draft.size > RESOURCE_LIMITS.maxMembers)
      throw new ScimError('SCIM_ERR_TOO_MANY_VALUES', {
        attribute: 'members',
        limit: String(RESOURCE_LIMITS.maxMembers),
      });
    this.assertDisplayNameFree(requiredString(body, 'displayName'), id);
    const displayBefore = this.displayOf(id);
    const values = draft.commit((member) => this.completeMember(member));
    const stored = this.withMemberList(this.stamp(body, 'Group', id, previous), membersKey, list, previous);
    this.groups.set(id, stored);
    this.reindexName(id, previous, stored);
    for (const value of values) this.reindexMember(id, value, list);
    this.refreshDisplays(id, displayBefore);
    await this.changed({ users: false, groups: true });
    return undefined;
  }

  /**
   * The members of a stored group as a list patchGroup may change: its own list when it has one of
   * this generation, else a new one (copied from its list or its members: O(members), once).
   */
  private memberListOf(group: ScimGroup): MemberList {
    const list = MEMBER_LISTS.get(group);
    if (list?.generation === this.generation) return list;
    if (list !== undefined) return list.copy(this.generation);
    const key = findKey(group, 'members');
    const members = key === undefined ? undefined : group[key];
    return new MemberList(this.generation, Array.isArray(members) ? (members as Member[]) : []);
  }

  /**
   * `group` (without members) with `members` read from `list`, placed where `previous` had them
   * (else before meta); without members when the list is empty. The members array is built by the
   * list when read, so storing a changed group copies none of its members.
   */
  private withMemberList(
    group: ScimGroup,
    membersKey: string,
    list: MemberList,
    previous = group,
  ): ScimGroup {
    const keys = Object.keys(previous);
    const before = keys[keys.indexOf(membersKey) - 1];
    const result = {} as ScimGroup;
    const attach = () => Object.defineProperty(result, membersKey, MEMBERS_PROPERTY);
    let attached = list.size === 0;
    for (const key of Object.keys(group)) {
      if (key === membersKey) continue;
      if (key === 'meta' && !attached) attached = attach() !== undefined;
      result[key] = group[key];
      if (key === before && !attached) attached = attach() !== undefined;
    }
    if (!attached) attach();
    MEMBER_LISTS.set(result, list);
    return result;
  }

  /** After a member with `value` was added or removed: the group is listed under it while it holds one. */
  private reindexMember(groupId: string, value: string, list: MemberList): void {
    const held = list.withKey(memberKey(value)).some((seq) => memberValue(list.get(seq)) === value);
    let ids = this.groupIdsByMember.get(value);
    if (held) {
      if (ids === undefined) this.groupIdsByMember.set(value, (ids = new Set()));
      ids.add(groupId);
    } else {
      ids?.delete(groupId);
      if (ids?.size === 0) this.groupIdsByMember.delete(value);
    }
  }

  private async changed(change: StoreChange): Promise<void> {
    if (this.onChange !== undefined) await this.onChange(change);
  }

  private uniqueId(taken: Map<string, unknown>): string {
    for (;;) {
      const id = this.newId();
      if (!taken.has(id)) return id;
    }
  }

  private assertUserNameFree(userName: string, ownId: string | undefined): void {
    const holder = this.userByName.get(userNameKey(userName))?.user.id;
    if (holder !== undefined && holder !== ownId)
      throw new ConflictError(`A user with userName "${userName}" already exists`);
  }

  private assertDisplayNameFree(displayName: string, ownId: string | undefined): void {
    const holder = this.groupIdByName.get(userNameKey(displayName));
    if (holder !== undefined && holder !== ownId) {
      throw new ConflictError(`A group with displayName "${displayName}" already exists`);
    }
  }

  /** Sets id and meta: `created` survives updates, `version` counts changes. */
  private stamp(
    resource: ScimResource,
    resourceType: ResourceTypeName,
    id: string,
    previous: ScimResource | undefined,
  ): ScimResource {
    const now = this.now().toISOString();
    const created = previous?.meta?.created ?? now;
    const version = previous === undefined ? 1 : versionNumber(previous.meta?.version) + 1;
    // schemas and id first: the order people expect when they read a resource. Not a literal with
    // keys before a spread: V8 builds that key by key, at twice the cost.
    const stamped: ScimResource = Object.assign({ schemas: resource.schemas, id }, resource);
    stamped.id = id;
    stamped.meta = { resourceType, created, lastModified: now, version: `W/"${version}"` };
    return stamped;
  }

  private seedResource(resource: ScimResource, resourceType: ResourceTypeName): ScimResource {
    const taken = resourceType === 'User' ? this.users : this.groups;
    const id = typeof resource.id === 'string' && resource.id !== '' ? resource.id : this.uniqueId(taken);
    if (taken.has(id)) throw new Error(`The seed holds two ${resourceType.toLowerCase()}s with id "${id}"`);
    const body =
      resourceType === 'User' ? stripUserInput(resource) : this.completeMembers(stripServerOwned(resource));
    const now = this.now().toISOString();
    const meta = resource.meta ?? {};
    const { schemas, ...rest } = body;
    return {
      schemas,
      id,
      ...rest,
      meta: {
        resourceType,
        created: meta.created ?? now,
        lastModified: meta.lastModified ?? meta.created ?? now,
        version: meta.version ?? 'W/"1"',
      },
    };
  }

  private insertUser(user: ScimUser): UserSlot {
    const userName = requiredString(user, 'userName');
    this.assertUserNameFree(userName, undefined);
    const slot = new UserSlot(user);
    this.users.set(user.id as string, slot);
    this.userOrder.push(slot);
    this.userByName.set(userNameKey(userName), slot);
    // Built now, while the user is in the cache: a store loaded with many users then serves its
    // first reads of them without a lookup by id each (kept until the groups change).
    this.viewUser(slot, false);
    return slot;
  }

  private insertGroup(group: ScimGroup): ScimGroup {
    const displayName = requiredString(group, 'displayName');
    this.assertDisplayNameFree(displayName, undefined);
    this.groups.set(group.id as string, group);
    this.reindexGroup(group.id as string, undefined, group);
    return group;
  }

  /**
   * Moves a group's index entries from `before` to `after`, touching only what changed, so a user's
   * `groups` keeps its order when a group it stays in is updated.
   */
  private reindexGroup(id: string, before: ScimGroup | undefined, after: ScimGroup | undefined): void {
    this.reindexName(id, before, after);
    const kept = new Set(after === undefined ? [] : memberValues(after));
    for (const value of before === undefined ? [] : memberValues(before)) {
      if (kept.has(value)) continue;
      const ids = this.groupIdsByMember.get(value);
      ids?.delete(id);
      if (ids?.size === 0) this.groupIdsByMember.delete(value);
    }
    for (const value of kept) {
      let ids = this.groupIdsByMember.get(value);
      if (ids === undefined) this.groupIdsByMember.set(value, (ids = new Set()));
      ids.add(id);
    }
  }

  private reindexName(id: string, before: ScimGroup | undefined, after: ScimGroup | undefined): void {
    if (before !== undefined) this.groupIdByName.delete(userNameKey(requiredString(before, 'displayName')));
    if (after !== undefined) this.groupIdByName.set(userNameKey(requiredString(after, 'displayName')), id);
  }

  /** Takes a member out of a group, as a change of the group (new version). */
  private removeMember(groupId: string, memberId: string): void {
    const group = this.groups.get(groupId);
    if (group === undefined) return;
    const membersKey = findKey(group, 'members');
    const body = { ...group };
    if (membersKey !== undefined && Array.isArray(group[membersKey])) {
      body[membersKey] = (group[membersKey] as unknown[]).filter(
        (member) => memberValue(member) !== memberId,
      );
    }
    const stored = this.stamp(body, 'Group', groupId, group);
    this.groups.set(groupId, stored);
    this.reindexGroup(groupId, group, stored);
  }

  /**
   * Checks every member has a value and fills `display` from the user (or group) it names, in place:
   * `group` is the store's own copy of what it was given (see stripServerOwned).
   */
  private completeMembers(group: ScimGroup): ScimGroup {
    const membersKey = findKey(group, 'members');
    if (membersKey === undefined || group[membersKey] === null) return group;
    const members = group[membersKey];
    if (!Array.isArray(members))
      throw new InvalidValueError('members', 'must be an array of {"value": "<id>"} objects');
    for (const member of members as unknown[]) this.completeMember(member);
    return group;
  }

  /** Checks a member has a value and fills its `display`, in place (see completeMembers). */
  private completeMember(member: unknown): void {
    const value = memberValue(member);
    if (value === undefined)
      throw new InvalidValueError('members', 'every member needs a string "value" (the member\'s id)');
    const record = member as Record<string, unknown>;
    if (findKey(record, 'display') === undefined) {
      const display = this.displayOf(value);
      if (display !== undefined) record.display = display;
    }
  }

  /**
   * After a user or group was renamed: its `display` in the groups listing it follows the new name
   * where it was the old one (filled by completeMembers, or given equal to it) or absent; a display
   * the client chose otherwise is kept. Each group changed is a new version. Whether any changed.
   */
  private refreshDisplays(memberId: string, before: string | undefined): boolean {
    const after = this.displayOf(memberId);
    if (after === before) return false;
    const groupIds = [...(this.groupIdsByMember.get(memberId) ?? [])];
    for (const groupId of groupIds) {
      const group = this.groups.get(groupId) as ScimGroup;
      const membersKey = findKey(group, 'members') as string;
      const members = (group[membersKey] as Record<string, unknown>[]).map((member) => {
        if (memberValue(member) !== memberId) return member;
        const key = findKey(member, 'display');
        if (key !== undefined && member[key] !== before) return member;
        const updated = { ...member };
        if (key !== undefined) delete updated[key];
        return after === undefined ? updated : { ...updated, display: after };
      });
      this.groups.set(groupId, this.stamp({ ...group, [membersKey]: members }, 'Group', groupId, group));
    }
    return groupIds.length > 0;
  }

  private displayOf(id: string): string | undefined {
    const user = this.users.get(id)?.user;
    if (user !== undefined) return optionalString(user, 'displayName') ?? optionalString(user, 'userName');
    const group = this.groups.get(id);
    return group === undefined ? undefined : optionalString(group, 'displayName');
  }

  /**
   * The user as served: the stored object plus the derived `groups`; deep-copied when `copy`. A
   * read-only view is kept in the slot until the groups change (any write to a group changes
   * `groups.version`, and a write to the user replaces it in its slot): an import reads each user
   * once per page it is on, and building its view was most of the store's share of a page.
   */
  private viewUser(slot: UserSlot, copy: boolean): ScimUser {
    const known = copy ? undefined : slot.viewAt(this.groups.version);
    if (known !== undefined) return known;
    const user = slot.user;
    const groupIds = this.groupIdsByMember.get(user.id as string);
    let view: ScimUser;
    if (groupIds === undefined) view = copy ? copyStored(user) : user;
    else {
      // A new key set on a copy rather than `{ ...user, groups }`: adding a key to a spread object takes
      // V8's slow path (about a microsecond a user). A stored user has no `groups` (stripUserInput).
      view = copy ? copyStored(user) : Object.assign({}, user);
      view.groups = [...groupIds].map((id) => this.groupReference(id));
    }
    if (!copy) slot.keepView(view, this.groups.version);
    return view;
  }

  /** One element of a user's `groups` (RFC 7643 §4.1.2); `$ref` is the server's to add. */
  private groupReference(groupId: string): Record<string, string> {
    const group = this.groups.get(groupId);
    const display = group === undefined ? undefined : optionalString(group, 'displayName');
    // Keys added in turn, not spread from a conditional object: a key after a spread takes V8's slow path.
    const reference: Record<string, string> = { value: groupId };
    if (display !== undefined) reference['display'] = display;
    reference['type'] = 'direct';
    return reference;
  }
}

/** A Map that counts its changes: a view derived from it is current while the count is the same. */
class VersionedMap<K, V> extends Map<K, V> {
  version = 0;

  override set(key: K, value: V): this {
    this.version++;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.version++;
    return super.delete(key);
  }

  override clear(): void {
    this.version++;
    super.clear();
  }
}

/**
 * A filter `<attribute> eq "<text>"` on the resource's unique attribute or on `id` (names in any case,
 * with or without the core schema URN): answered from an index instead of a scan.
 */
function uniqueLookup(
  filter: Filter | undefined,
  uniqueAttribute: string,
  coreUrn: string,
): { attribute: 'id' | 'unique'; value: string } | undefined {
  if (filter?.kind !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
  const { path } = filter;
  if (path.subAttr !== undefined || (path.uri !== undefined && lower(path.uri) !== lower(coreUrn)))
    return undefined;
  const name = lower(path.name);
  if (name === 'id') return { attribute: 'id', value: filter.value };
  if (name === lower(uniqueAttribute)) return { attribute: 'unique', value: filter.value };
  return undefined;
}

function page<T>(matches: T[], query: ListQuery): ListResult<T> {
  return { resources: pageOf(matches, query, (match) => match), totalResults: matches.length };
}

/**
 * The page `startIndex`/`count` of a list, by position, each item as `view` gives it. One array,
 * not a slice and then a map of it: half the garbage, and at a million users each young-generation
 * collection costs some 20 times what it costs at a thousand, so a page's garbage is most of what
 * makes its last page dearer there.
 */
function pageOf<T, U>(items: readonly T[], query: ListQuery, view: (item: T) => U): U[] {
  const start = Math.max(1, query.startIndex) - 1;
  const from = sliceBound(start, items.length);
  const to = sliceBound(
    query.count === undefined ? items.length : start + Math.max(0, query.count),
    items.length,
  );
  const out = new Array<U>(Math.max(0, to - from));
  for (let at = from; at < to; at++) out[at - from] = view(items[at] as T);
  return out;
}

/** A non-negative bound as `slice` reads it: a whole number (NaN as 0) no greater than the length. */
function sliceBound(bound: number, length: number): number {
  return Math.min(length, Math.trunc(bound) || 0);
}

/** Whether a read hands out copies: unless the caller only reads what it gets (RequestContext.readOnly). */
function copies(ctx: RequestContext | undefined): boolean {
  return ctx?.readOnly !== true;
}

/**
 * A stored group as a read-only caller gets it: its own object, with the members the group holds
 * now. A stored group reads its members from a list a later PATCH changes in place; the array a
 * read took is never changed, so the caller's group stays as it was read.
 */
function snapshot(group: ScimGroup): ScimGroup {
  return { ...group };
}

/**
 * A deep copy of a stored resource, for handing out. Everything stored was first copied by cloneJson
 * (stripServerOwned), which leaves out the keys that could reach a prototype, so this copy need not
 * look for them again, which makes the hot paths (a read, a group of thousands of members) cheaper.
 */
function copyStored<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyStored(value[i]);
    return copy as T;
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in record) if (Object.hasOwn(record, key)) copy[key] = copyStored(record[key]);
  return copy as T;
}

/** The store's own deep copy of a resource it was given, without the server-owned attributes. */
function stripServerOwned(resource: ScimResource): ScimResource {
  const copy: Record<string, unknown> = cloneJson(resource);
  for (const key of Object.keys(copy)) {
    if (SERVER_OWNED.has(key.toLowerCase())) delete copy[key];
  }
  return copy as ScimResource;
}

/** A user as given, without the server-owned attributes and the read-only `groups`. */
function stripUserInput(user: ScimUser): ScimUser {
  const copy = stripServerOwned(user);
  for (const key of Object.keys(copy)) {
    if (key.toLowerCase() === 'groups') delete copy[key];
  }
  return copy;
}

function memberValues(group: ScimGroup): string[] {
  const membersKey = findKey(group, 'members');
  const members = membersKey === undefined ? undefined : group[membersKey];
  if (!Array.isArray(members)) return [];
  return members.map(memberValue).filter((value): value is string => value !== undefined);
}

function requiredString(resource: ScimResource, name: string): string {
  const value = optionalString(resource, name);
  if (value === undefined) throw new InvalidValueError(name, 'is required and must be a non-empty string');
  return value;
}

function optionalString(resource: Record<string, unknown>, name: string): string | undefined {
  const key = findKey(resource, name);
  const value = key === undefined ? undefined : resource[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function versionNumber(version: string | undefined): number {
  const match = /^W\/"(\d+)"$/.exec(version ?? '');
  return match === null ? 0 : Number(match[1]);
}

function lower(text: string): string {
  return text.toLowerCase();
}
