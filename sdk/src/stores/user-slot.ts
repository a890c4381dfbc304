// One user's place in a MemoryStore: the stored user, and the read-only view last built of it.
import type { ScimUser } from '../protocol/resource.js';

/**
 * The store's indexes and its page order hold slots, not users, so a read reaches the user's view
 * through one object: an import page of users evicted from the CPU's caches by the last page's
 * response then misses the cache about once a user, where hashed lookups by id missed it several
 * times. A write replaces the user in its slot, which forgets the view.
 */
export class UserSlot {
  private stored: ScimUser;
  private view: ScimUser | undefined = undefined;
  /** The groups' version the view was built at; -1 when there is none. */
  private viewVersion = -1;

  constructor(user: ScimUser) {
    this.stored = user;
  }

  get user(): ScimUser {
    return this.stored;
  }

  replace(user: ScimUser): void {
    this.stored = user;
    this.view = undefined;
    this.viewVersion = -1;
  }

  /** The view built at `version` of the groups; undefined when the groups changed since, or none was built. */
  viewAt(version: number): ScimUser | undefined {
    return this.viewVersion === version ? this.view : undefined;
  }

  keepView(view: ScimUser, version: number): void {
    this.view = view;
    this.viewVersion = version;
  }
}
