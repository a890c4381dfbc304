// The groups half of the LDAP service: groupOfNames / groupOfUniqueNames entries whose members are user DNs.
import { ObjectClassViolationError, type Change, type Client, type Entry } from 'ldapts';
import type { CompareFilter, Filter } from '../protocol/filter/ast.js';
import { parsePatchPath } from '../protocol/filter/parser.js';
import type { PatchOperation } from '../protocol/patch/operation.js';
import { URN, type ScimGroup, type ScimMultiValue } from '../protocol/resource.js';
import { InvalidValueError, NotFoundError } from '../service/errors.js';
import type { ListQuery, ListResult } from '../service/scim-service.js';
import { replaceChange, valuesChange } from './change-list.js';
import { childDn, dnKey, parentDn } from './dn.js';
import { EntryMapper } from './entry-mapper.js';
import { first, values } from './entry-values.js';
import { escapeFilterValue } from './escape-filter-value.js';
import { toLdapFilter } from './ldap-filter.js';
import type { LdapGroupOptions } from './ldap-options.js';
import type { LdapSession } from './ldap-session.js';
import { assertRdnFree, objectClassFilter } from './rdn-free.js';
import type { LdapUsers } from './ldap-users.js';
import { fromGeneralizedTime } from './ldap-time.js';
import { parseValuePath, writeValue } from './scim-path-value.js';

/** What one PATCH of a group changes in the directory. */
interface GroupEdit {
  add: string[];
  remove: string[];
  /** Replace the whole membership with these DNs (a `replace` of `members`). */
  replace?: string[];
  displayName?: string;
  attributes: ScimGroup;
  cleared: string[];
}

export class LdapGroups {
  readonly mapper: EntryMapper;
  readonly #attributes: string[];

  constructor(
    readonly session: LdapSession,
    readonly options: LdapGroupOptions,
    readonly users: LdapUsers,
  ) {
    this.mapper = new EntryMapper(options.attributes);
    this.#attributes = this.mapper.searchAttributes(options);
  }

  get objectClassFilter(): string {
    return objectClassFilter(this.options);
  }

  private async entryOrThrow(client: Client, id: string, withMembers: boolean): Promise<Entry> {
    const attributes = withMembers ? [...this.#attributes, this.options.memberAttribute] : this.#attributes;
    const found = await this.session.byId(client, this.options, id, attributes);
    if (found === undefined) throw new NotFoundError('Group', id);
    return found;
  }

  /** The SCIM members of a group: its member DNs that are users under the user base, placeholder hidden. */
  private async members(client: Client, entry: Entry): Promise<ScimMultiValue[]> {
    const users = this.users.options;
    let found: Entry[];
    if (this.options.memberOf) {
      const filter = `(&${this.users.objectClassFilter}(memberOf=${escapeFilterValue(entry.dn)}))`;
      found = await this.session.searchAll(client, users, filter, [users.id, users.rdn]);
    } else {
      found = [];
      const placeholder = this.options.placeholder === undefined ? '' : dnKey(this.options.placeholder);
      for (const dn of values(entry, this.options.memberAttribute)) {
        if (dnKey(dn) === placeholder) continue;
        const { searchEntries } = await client
          .search(dn, {
            scope: 'base',
            filter: this.users.objectClassFilter,
            attributes: [users.id, users.rdn],
          })
          .catch(() => ({ searchEntries: [] }));
        found.push(...searchEntries);
      }
    }
    return found.map((user) => ({
      value: first(user, users.id) ?? '',
      display: first(user, users.rdn) ?? '',
      type: 'User',
    }));
  }

  private async toResource(client: Client, entry: Entry, withMembers: boolean): Promise<ScimGroup> {
    const group: ScimGroup = {
      schemas: [URN.group, ...this.mapper.extensionUrns],
      id: first(entry, this.options.id) ?? '',
      displayName: first(entry, this.options.rdn) ?? '',
    };
    this.mapper.fromLdap(entry, group);
    if (withMembers) group.members = await this.members(client, entry);
    const created = fromGeneralizedTime(first(entry, 'createTimestamp') ?? '');
    const lastModified = fromGeneralizedTime(first(entry, 'modifyTimestamp') ?? '');
    group.meta = {
      resourceType: 'Group',
      ...(created === undefined ? {} : { created }),
      ...(lastModified === undefined ? {} : { lastModified }),
    };
    return group;
  }

  /** `members[value eq "<id>"]` and `members.value eq "<id>"`: the directory compares the user's DN. */
  private static memberId(filter: CompareFilter): string | undefined {
    const name = filter.path.name.toLowerCase();
    const sub = filter.path.subAttr?.toLowerCase();
    const isMember = name === 'members' && (sub === undefined || sub === 'value');
    return isMember && filter.op === 'eq' && typeof filter.value === 'string' ? filter.value : undefined;
  }

  /** The ids a filter compares members with, resolved to their users' DNs. */
  private async memberFilterDns(client: Client, filter: Filter): Promise<Map<string, string>> {
    const ids: string[] = [];
    const walk = (node: Filter): void => {
      if (node.kind === 'and' || node.kind === 'or') [node.left, node.right].forEach(walk);
      else if (node.kind === 'not') walk(node.filter);
      else if (node.kind === 'valuePath' && node.filter.kind === 'compare') {
        walk({ ...node.filter, path: { ...node.path, subAttr: node.filter.path.name } });
      } else if (node.kind === 'compare') {
        const id = LdapGroups.memberId(node);
        if (id !== undefined) ids.push(id);
      }
    };
    walk(filter);
    const found = await this.session.byIds(client, this.users.options, ids, []);
    return new Map([...found].map(([id, entry]) => [id, entry.dn]));
  }

  attributeFor = (path: { uri?: string; name: string; subAttr?: string }): string | undefined => {
    const name = path.name.toLowerCase();
    if (path.subAttr === undefined && (path.uri === undefined || path.uri === URN.group)) {
      if (name === 'id') return this.options.id;
      if (name === 'displayname') return this.options.rdn;
    }
    return this.mapper.attributeFor(path);
  };

  /** Members are read only when the client may see them (`excludedAttributes=members` is common in imports). */
  private static wantsMembers(query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>): boolean {
    const lower = (list: string[] | undefined): string[] => (list ?? []).map((a) => a.toLowerCase());
    if (lower(query.excludedAttributes).some((a) => a === 'members' || a.endsWith(':members'))) return false;
    if (query.attributes !== undefined)
      return lower(query.attributes).some((a) => a.startsWith('members') || a.includes(':members'));
    return true;
  }

  async list(query: ListQuery): Promise<ListResult<ScimGroup>> {
    return this.session.with(async (client) => {
      let condition = '';
      if (query.filter !== undefined) {
        const dns = await this.memberFilterDns(client, query.filter);
        const hook = (filter: CompareFilter): string | undefined => {
          const id = LdapGroups.memberId(filter);
          if (id === undefined) return undefined;
          const dn = dns.get(id);
          // No user has this id: a member comparison that matches nothing.
          return dn === undefined
            ? '(!(objectClass=*))'
            : `(${this.options.memberAttribute}=${escapeFilterValue(dn)})`;
        };
        condition = toLdapFilter(query.filter, { attributeFor: this.attributeFor, hook });
      }
      const filter = `(&${this.objectClassFilter}${condition})`;
      const withMembers = LdapGroups.wantsMembers(query);
      const attributes = this.#attributes;
      const { entries, total } = await this.session.page(this.options, filter, attributes, query);
      const resources: ScimGroup[] = [];
      for (const entry of entries) resources.push(await this.toResource(client, entry, withMembers));
      return { resources, totalResults: total };
    });
  }

  async get(
    id: string,
    query: Pick<ListQuery, 'attributes' | 'excludedAttributes'> = {},
  ): Promise<ScimGroup | undefined> {
    return this.session.with(async (client) => {
      const entry = await this.session.byId(client, this.options, id, this.#attributes);
      return entry === undefined ? undefined : this.toResource(client, entry, LdapGroups.wantsMembers(query));
    });
  }

  /** The DNs of these SCIM members; an id with no user is 400. */
  private async memberDns(client: Client, members: ScimMultiValue[] | undefined): Promise<string[]> {
    const ids = [...new Set((members ?? []).map((m) => String(m.value ?? '')))];
    const found = await this.session.byIds(client, this.users.options, ids, []);
    return ids.map((id) => {
      const user = found.get(id);
      if (user === undefined)
        throw new InvalidValueError('members', `no user has the id ${JSON.stringify(id)}`);
      return user.dn;
    });
  }

  async create(group: ScimGroup): Promise<ScimGroup> {
    const displayName = group.displayName ?? '';
    return this.session.with(async (client) => {
      await assertRdnFree(client, this.options, 'displayName', displayName);
      const dn = childDn(this.options.rdn, displayName, this.options.base);
      const attributes: Record<string, string[]> = { objectClass: this.options.objectClasses };
      for (const [type, list] of this.mapper.toLdap(group)) attributes[type] = list;
      attributes[this.options.rdn] = [displayName];
      const members = await this.memberDns(client, group.members);
      if (this.options.placeholder !== undefined) members.unshift(this.options.placeholder);
      if (members.length > 0) attributes[this.options.memberAttribute] = members;
      await client.add(dn, attributes);
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes: this.#attributes });
      const created = searchEntries[0];
      if (created === undefined) throw new NotFoundError('Group', displayName);
      return this.toResource(client, created, true);
    });
  }

  async update(id: string, group: ScimGroup): Promise<ScimGroup> {
    await this.session.with(async (client) => {
      const entry = await this.entryOrThrow(client, id, true);
      const wanted = this.mapper.toLdap(group);
      const changes: Change[] = [];
      for (const type of this.mapper.writtenAttributes) {
        if (type.toLowerCase() === this.options.rdn.toLowerCase()) continue;
        changes.push(...replaceChange(type, values(entry, type), wanted.get(type) ?? []));
      }
      if (group.members !== undefined)
        changes.push(...this.membershipDiff(entry, await this.memberDns(client, group.members)));
      await this.apply(client, entry.dn, changes);
      await this.rename(client, entry, id, group.displayName);
    });
    const updated = await this.get(id);
    if (updated === undefined) throw new NotFoundError('Group', id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    await this.session.with(async (client) => {
      const entry = await this.entryOrThrow(client, id, false);
      await client.del(entry.dn);
    });
  }

  /** add/delete of the difference between the current member DNs and the wanted ones, placeholder kept. */
  private membershipDiff(entry: Entry, wanted: string[]): Change[] {
    const type = this.options.memberAttribute;
    const current = values(entry, type);
    const keep = new Set(wanted.map(dnKey));
    if (this.options.placeholder !== undefined) keep.add(dnKey(this.options.placeholder));
    const have = new Set(current.map(dnKey));
    const add = wanted.filter((dn) => !have.has(dnKey(dn)));
    if (this.options.placeholder !== undefined && !have.has(dnKey(this.options.placeholder)))
      add.unshift(this.options.placeholder);
    return [
      ...valuesChange('add', type, add),
      ...valuesChange(
        'delete',
        type,
        current.filter((dn) => !keep.has(dnKey(dn))),
      ),
    ];
  }

  /**
   * Sends the changes as one modify. A group made before the placeholder was configured may lose its
   * last member here: the directory refuses, and the placeholder is added in the same modify.
   */
  private async apply(client: Client, dn: string, changes: Change[]): Promise<void> {
    if (changes.length === 0) return;
    try {
      await client.modify(dn, changes);
    } catch (error) {
      const placeholder = this.options.placeholder;
      if (!(error instanceof ObjectClassViolationError) || placeholder === undefined) throw error;
      await client.modify(dn, [
        ...valuesChange('add', this.options.memberAttribute, [placeholder]),
        ...changes,
      ]);
    }
  }

  private async rename(
    client: Client,
    entry: Entry,
    id: string,
    displayName: string | undefined,
  ): Promise<void> {
    const current = first(entry, this.options.rdn);
    if (displayName === undefined || displayName === current) return;
    if (displayName.toLowerCase() !== current?.toLowerCase())
      await assertRdnFree(client, this.options, 'displayName', displayName, id);
    await client.modifyDN(entry.dn, childDn(this.options.rdn, displayName, parentDn(entry.dn)));
  }

  /**
   * PATCH: member additions and removals become single-value `add`/`delete` modifications of the
   * member attribute (one modify for the whole request), never a rewrite of a large group's list.
   * Answers undefined (204): reading back a group of thousands of members is what PATCH avoids.
   */
  async patch(id: string, operations: PatchOperation[]): Promise<undefined> {
    await this.session.with(async (client) => {
      const edit: GroupEdit = { add: [], remove: [], attributes: { schemas: [] }, cleared: [] };
      for (const operation of operations) await this.readOperation(client, operation, edit);
      const replacing = edit.replace !== undefined;
      const entry = await this.entryOrThrow(client, id, replacing);
      const changes: Change[] = replacing ? this.membershipDiff(entry, edit.replace ?? []) : [];
      const type = this.options.memberAttribute;
      changes.push(...valuesChange('add', type, edit.add), ...valuesChange('delete', type, edit.remove));
      const wanted = this.mapper.toLdap(edit.attributes);
      for (const [attribute, list] of wanted)
        changes.push(...replaceChange(attribute, values(entry, attribute), list));
      for (const attribute of edit.cleared)
        changes.push(...replaceChange(attribute, values(entry, attribute), []));
      await this.apply(client, entry.dn, changes);
      await this.rename(client, entry, id, edit.displayName);
    });
    return undefined;
  }

  private async readOperation(client: Client, operation: PatchOperation, edit: GroupEdit): Promise<void> {
    if (operation.path === undefined) {
      if (typeof operation.value !== 'object' || operation.value === null || Array.isArray(operation.value)) {
        throw new InvalidValueError('value', 'a PATCH without a path needs an object value');
      }
      for (const [key, value] of Object.entries(operation.value)) {
        await this.readOperation(client, { op: operation.op, path: key, value }, edit);
      }
      return;
    }
    const path = parsePatchPath(operation.path);
    const name = path.path.name.toLowerCase();
    if (name === 'members') {
      if (operation.op === 'remove') {
        if (path.filter === undefined) edit.replace = [];
        else {
          const filter = path.filter;
          if (filter.kind !== 'compare' || filter.op !== 'eq' || filter.path.name.toLowerCase() !== 'value') {
            throw new InvalidValueError('members', 'members can be removed by [value eq "<id>"] only');
          }
          edit.remove.push(...(await this.memberDns(client, [{ value: String(filter.value) }])));
        }
        return;
      }
      const list = (Array.isArray(operation.value) ? operation.value : [operation.value]) as ScimMultiValue[];
      const dns = await this.memberDns(client, list);
      if (operation.op === 'replace') edit.replace = dns;
      else edit.add.push(...dns);
      return;
    }
    if (name === 'displayname' && path.path.subAttr === undefined) {
      if (operation.op === 'remove' || typeof operation.value !== 'string') {
        throw new InvalidValueError('displayName', 'a group keeps a displayName (its RDN)');
      }
      edit.displayName = operation.value;
      return;
    }
    if (name === 'id' || name === 'schemas' || name === 'meta') return;
    const target = parseValuePath(operation.path);
    const attribute = this.mapper.attributeFor({
      ...(target.uri === undefined ? {} : { uri: target.uri }),
      name: target.name,
      ...(target.sub === undefined ? {} : { subAttr: target.sub }),
    });
    if (attribute === undefined)
      throw new InvalidValueError(operation.path, 'the directory has no attribute mapped to this path');
    if (operation.op === 'remove') edit.cleared.push(attribute);
    else writeValue(edit.attributes, target, operation.value);
  }
}
