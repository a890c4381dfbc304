// The users half of the LDAP service: entries of the user object classes under the user search base.
import type { Change, Client, Entry } from 'ldapts';
import type { CompareFilter } from '../protocol/filter/ast.js';
import { URN, type ScimUser } from '../protocol/resource.js';
import { NotFoundError } from '../service/errors.js';
import type { ListQuery, ListResult } from '../service/scim-service.js';
import { replaceChange } from './change-list.js';
import { childDn, isUnder, parentDn } from './dn.js';
import { EntryMapper } from './entry-mapper.js';
import { first, values } from './entry-values.js';
import { escapeFilterValue } from './escape-filter-value.js';
import { toLdapFilter } from './ldap-filter.js';
import type { LdapUserOptions } from './ldap-options.js';
import type { LdapSession } from './ldap-session.js';
import { assertRdnFree, objectClassFilter } from './rdn-free.js';
import { fromGeneralizedTime, toGeneralizedTime } from './ldap-time.js';
import { setPassword } from './password-modify.js';

/** ppolicy's "locked until an administrator unlocks" value (RFC draft-behera-ldap-password-policy). */
const LOCKED = '000001010000Z';
const LOCK_ATTRIBUTE = 'pwdAccountLockedTime';

export class LdapUsers {
  readonly mapper: EntryMapper;
  readonly #attributes: string[];

  constructor(
    readonly session: LdapSession,
    readonly options: LdapUserOptions,
  ) {
    this.mapper = new EntryMapper(options.attributes);
    const deactivation = options.deactivation;
    const extra =
      deactivation?.kind === 'attribute'
        ? [deactivation.attribute]
        : deactivation?.kind === 'ppolicy'
          ? [LOCK_ATTRIBUTE]
          : [];
    this.#attributes = this.mapper.searchAttributes(options, extra);
  }

  get objectClassFilter(): string {
    return objectClassFilter(this.options);
  }

  entry(client: Client, id: string): Promise<Entry | undefined> {
    return this.session.byId(client, this.options, id, this.#attributes);
  }

  async entryOrThrow(client: Client, id: string): Promise<Entry> {
    const found = await this.entry(client, id);
    if (found === undefined) throw new NotFoundError('User', id);
    return found;
  }

  toResource(entry: Entry): ScimUser {
    const id = first(entry, this.options.id) ?? '';
    const user: ScimUser = {
      schemas: [URN.user, ...this.mapper.extensionUrns],
      id,
      userName: first(entry, this.options.rdn) ?? '',
    };
    this.mapper.fromLdap(entry, user);
    if (this.options.deactivation !== undefined) user.active = this.isActive(entry);
    const created = fromGeneralizedTime(first(entry, 'createTimestamp') ?? '');
    const lastModified = fromGeneralizedTime(first(entry, 'modifyTimestamp') ?? '');
    user.meta = {
      resourceType: 'User',
      ...(created === undefined ? {} : { created }),
      ...(lastModified === undefined ? {} : { lastModified }),
    };
    return user;
  }

  private isActive(entry: Entry): boolean {
    const deactivation = this.options.deactivation;
    switch (deactivation?.kind) {
      case 'attribute':
        return first(entry, deactivation.attribute)?.toLowerCase() !== deactivation.inactive.toLowerCase();
      case 'move':
        return !isUnder(entry.dn, deactivation.dn);
      case 'ppolicy':
        return first(entry, LOCK_ATTRIBUTE) === undefined;
      case undefined:
        return true;
    }
  }

  /** `active eq true|false`, `id`, `meta.lastModified` and `userName`, which are not plain mappings. */
  private compareHook = (filter: CompareFilter): string | undefined => {
    const name =
      `${filter.path.name}${filter.path.subAttr === undefined ? '' : `.${filter.path.subAttr}`}`.toLowerCase();
    if (
      name === 'active' &&
      typeof filter.value === 'boolean' &&
      (filter.op === 'eq' || filter.op === 'ne')
    ) {
      const active = filter.value === (filter.op === 'eq');
      const deactivation = this.options.deactivation;
      let inactive: string;
      switch (deactivation?.kind) {
        case 'attribute':
          inactive = `(${deactivation.attribute}=${escapeFilterValue(deactivation.inactive)})`;
          break;
        case 'move':
          inactive = `(entryDN:dnSubtreeMatch:=${escapeFilterValue(deactivation.dn)})`;
          break;
        case 'ppolicy':
          inactive = `(${LOCK_ATTRIBUTE}=*)`;
          break;
        case undefined:
          return active ? '(objectClass=*)' : '(!(objectClass=*))';
      }
      return active ? `(!${inactive})` : inactive;
    }
    if (name === 'meta.lastmodified' && typeof filter.value === 'string') {
      const time = toGeneralizedTime(filter.value);
      if (time !== undefined)
        return toLdapFilter({ ...filter, value: time }, { attributeFor: () => 'modifyTimestamp' });
    }
    return undefined;
  };

  attributeFor = (path: { uri?: string; name: string; subAttr?: string }): string | undefined => {
    const name = path.name.toLowerCase();
    if (path.subAttr === undefined && (path.uri === undefined || path.uri === URN.user)) {
      if (name === 'id') return this.options.id;
      if (name === 'username') return this.options.rdn;
    }
    return this.mapper.attributeFor(path);
  };

  async list(query: ListQuery): Promise<ListResult<ScimUser>> {
    const condition =
      query.filter === undefined
        ? ''
        : toLdapFilter(query.filter, { attributeFor: this.attributeFor, hook: this.compareHook });
    const filter = `(&${this.objectClassFilter}${condition})`;
    const { entries, total } = await this.session.page(this.options, filter, this.#attributes, query);
    return { resources: entries.map((entry) => this.toResource(entry)), totalResults: total };
  }

  async get(id: string): Promise<ScimUser | undefined> {
    const entry = await this.session.with((client) => this.entry(client, id));
    return entry === undefined ? undefined : this.toResource(entry);
  }

  async create(user: ScimUser): Promise<ScimUser> {
    const userName = user.userName ?? '';
    return this.session.with(async (client) => {
      await assertRdnFree(client, this.options, 'userName', userName);
      const deactivation = this.options.deactivation;
      const inactive = user.active === false;
      const parent = inactive && deactivation?.kind === 'move' ? deactivation.dn : this.options.base;
      const dn = childDn(this.options.rdn, userName, parent);
      const attributes: Record<string, string[]> = { objectClass: this.options.objectClasses };
      for (const [type, values] of this.mapper.toLdap(user)) attributes[type] = values;
      attributes[this.options.rdn] = [userName];
      if (deactivation?.kind === 'attribute') {
        attributes[deactivation.attribute] = [inactive ? deactivation.inactive : deactivation.active];
      }
      await client.add(dn, attributes);
      // Password first: ppolicy clears a lock when the password changes.
      if (this.options.passwords && typeof user['password'] === 'string')
        await setPassword(client, dn, user['password']);
      if (inactive && deactivation?.kind === 'ppolicy') await client.modify(dn, this.lockChange(true));
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes: this.#attributes });
      const created = searchEntries[0];
      if (created === undefined) throw new NotFoundError('User', userName);
      return this.toResource(created);
    });
  }

  private lockChange(locked: boolean): Change[] {
    return replaceChange(LOCK_ATTRIBUTE, locked ? [] : [LOCKED], locked ? [LOCKED] : []);
  }

  async update(id: string, user: ScimUser): Promise<ScimUser> {
    await this.session.with(async (client) => {
      const entry = await this.entryOrThrow(client, id);
      const wanted = this.mapper.toLdap(user);
      const changes: Change[] = [];
      for (const type of this.mapper.writtenAttributes) {
        if (type.toLowerCase() === this.options.rdn.toLowerCase()) continue;
        changes.push(...replaceChange(type, values(entry, type), wanted.get(type) ?? []));
      }
      const deactivation = this.options.deactivation;
      const wasActive = this.isActive(entry);
      const active = user.active ?? wasActive;
      if (deactivation?.kind === 'attribute') {
        const value = active ? deactivation.active : deactivation.inactive;
        changes.push(
          ...replaceChange(deactivation.attribute, values(entry, deactivation.attribute), [value]),
        );
      }
      if (deactivation?.kind === 'ppolicy' && active !== wasActive) changes.push(...this.lockChange(!active));
      let dn = entry.dn;
      // Password first: ppolicy clears a lock when the password changes.
      if (this.options.passwords && typeof user['password'] === 'string')
        await setPassword(client, dn, user['password']);
      if (changes.length > 0) await client.modify(dn, changes);
      const userName = user.userName ?? first(entry, this.options.rdn) ?? '';
      const moveTo =
        deactivation?.kind === 'move' && active !== wasActive
          ? active
            ? this.options.base
            : deactivation.dn
          : parentDn(dn);
      if (userName !== first(entry, this.options.rdn) || moveTo !== parentDn(dn)) {
        if (userName.toLowerCase() !== first(entry, this.options.rdn)?.toLowerCase())
          await assertRdnFree(client, this.options, 'userName', userName, id);
        const target = childDn(this.options.rdn, userName, moveTo);
        await client.modifyDN(dn, target);
        dn = target;
      }
    });
    const updated = await this.get(id);
    if (updated === undefined) throw new NotFoundError('User', id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    await this.session.with(async (client) => {
      const entry = await this.entryOrThrow(client, id);
      await client.del(entry.dn);
    });
  }
}
