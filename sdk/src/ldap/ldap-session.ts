// What the users and groups halves of the LDAP service share: connections, import cursors, lookups and paging.
import type { Client, Entry } from 'ldapts';
import type { ListQuery } from '../service/scim-service.js';
import { escapeFilterValue } from './escape-filter-value.js';
import { ImportCursors, read, type ImportCursor } from './import-cursors.js';
import type { LdapConnect } from './ldap-connection.js';
import type { LdapEntryOptions } from './ldap-options.js';

export class LdapSession {
  readonly cursors = new ImportCursors();

  constructor(
    readonly connect: LdapConnect,
    readonly maxPageSize: number,
  ) {}

  /** Runs `work` on a fresh bound connection and closes it. */
  async with<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /** Every entry under `where` matching the filter (paged, so server size limits do not cut it short). */
  async searchAll(
    client: Client,
    where: LdapEntryOptions,
    filter: string,
    attributes: string[],
  ): Promise<Entry[]> {
    const out: Entry[] = [];
    const pages = client.searchPaginated(where.base, {
      scope: where.scope,
      filter,
      attributes,
      paged: { pageSize: this.maxPageSize },
    });
    for await (const page of pages) out.push(...page.searchEntries);
    return out;
  }

  /** The one entry of this type with this id, or undefined. */
  async byId(
    client: Client,
    where: LdapEntryOptions,
    id: string,
    attributes: string[],
  ): Promise<Entry | undefined> {
    const filter = `(&(objectClass=${where.objectClasses[0] ?? 'top'})(${where.id}=${escapeFilterValue(id)}))`;
    const { searchEntries } = await client.search(where.base, {
      scope: where.scope,
      filter,
      attributes,
      sizeLimit: 2,
    });
    return searchEntries[0];
  }

  /** The entries with these ids (searched 100 at a time); ids with no entry are missing from the map. */
  async byIds(
    client: Client,
    where: LdapEntryOptions,
    ids: string[],
    attributes: string[],
  ): Promise<Map<string, Entry>> {
    const found = new Map<string, Entry>();
    for (let start = 0; start < ids.length; start += 100) {
      const terms = ids.slice(start, start + 100).map((id) => `(${where.id}=${escapeFilterValue(id)})`);
      const filter = `(&(objectClass=${where.objectClasses[0] ?? 'top'})(|${terms.join('')}))`;
      for (const entry of await this.searchAll(client, where, filter, [where.id, ...attributes])) {
        const id = entry[where.id];
        if (typeof id === 'string') found.set(id, entry);
      }
    }
    return found;
  }

  /**
   * One SCIM page of a list. The paged search of an import in progress continues where the previous
   * page stopped (its cursor waits under the query and the next startIndex), so an import of n
   * entries reads each entry once. totalResults is counted once per import, when it starts, by a
   * search returning no attributes (`1.1`), and carried with the cursor: entries added during the
   * import do not change it.
   */
  async page(
    where: LdapEntryOptions,
    filter: string,
    attributes: string[],
    query: ListQuery,
  ): Promise<{ entries: Entry[]; total: number }> {
    const identity = `${where.base}\u0000${where.scope}\u0000${filter}\u0000${attributes.join(',')}`;
    const count = query.count ?? Number.MAX_SAFE_INTEGER;
    const cursor =
      this.cursors.take(ImportCursors.key(identity, query.startIndex)) ??
      (await this.open(where, filter, attributes, count));
    try {
      if (cursor.next < query.startIndex) await read(cursor, query.startIndex - cursor.next);
      const entries = await read(cursor, count);
      this.cursors.park(ImportCursors.key(identity, cursor.next), cursor);
      return { entries, total: cursor.total };
    } catch (error) {
      await cursor.client.unbind().catch(() => undefined);
      throw error;
    }
  }

  private async open(
    where: LdapEntryOptions,
    filter: string,
    attributes: string[],
    count: number,
  ): Promise<ImportCursor> {
    const client = await this.connect();
    try {
      let total = 0;
      const counting = client.searchPaginated(where.base, {
        scope: where.scope,
        filter,
        attributes: ['1.1'],
        paged: { pageSize: this.maxPageSize },
      });
      for await (const page of counting) total += page.searchEntries.length;
      const pageSize = Math.max(1, Math.min(count, this.maxPageSize));
      const pages = client.searchPaginated(where.base, {
        scope: where.scope,
        filter,
        attributes,
        paged: { pageSize },
      });
      return { client, pages, buffer: [], next: 1, done: false, total, expires: 0 };
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
  }
}
