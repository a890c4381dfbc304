// Imports in progress: the Simple Paged Results search behind each, so the next SCIM page continues it.
import type { Client, Entry } from 'ldapts';

/** One paged search, paused between SCIM pages, on its own connection (paging state is per connection). */
export interface ImportCursor {
  client: Client;
  pages: AsyncGenerator<{ searchEntries: Entry[] }>;
  /** Entries read from the directory but not yet handed out. */
  buffer: Entry[];
  /** 1-based index of the next entry handed out. */
  next: number;
  done: boolean;
  /** Counted once, when the import started. */
  total: number;
  expires: number;
}

/**
 * Cursors keyed by query and position: a request for startIndex n of a query takes the cursor left
 * at n by the previous page. Bounded in number and age; an evicted cursor's connection is closed.
 */
export class ImportCursors {
  readonly #cursors = new Map<string, ImportCursor>();

  constructor(
    readonly limit = 16,
    readonly ttlMs = 120_000,
  ) {}

  static key(query: string, next: number): string {
    return `${next}\u0000${query}`;
  }

  /** Takes (removes) the cursor waiting at this position, if any and not expired. */
  take(key: string, now = Date.now()): ImportCursor | undefined {
    this.sweep(now);
    const cursor = this.#cursors.get(key);
    this.#cursors.delete(key);
    return cursor;
  }

  /** Parks a cursor for the next page; a finished one is closed instead. */
  park(key: string, cursor: ImportCursor, now = Date.now()): void {
    if (cursor.done && cursor.buffer.length === 0) {
      void close(cursor);
      return;
    }
    cursor.expires = now + this.ttlMs;
    this.#cursors.set(key, cursor);
    while (this.#cursors.size > this.limit) {
      const [oldest] = this.#cursors.keys();
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  /** Closes every cursor (service shutdown). */
  async closeAll(): Promise<void> {
    const all = [...this.#cursors.values()];
    this.#cursors.clear();
    await Promise.all(all.map(close));
  }

  private sweep(now: number): void {
    for (const [key, cursor] of this.#cursors) if (cursor.expires <= now) this.drop(key);
  }

  private drop(key: string): void {
    const cursor = this.#cursors.get(key);
    this.#cursors.delete(key);
    if (cursor !== undefined) void close(cursor);
  }
}

/** Closes a cursor's connection; the paused search ends with it. */
export async function close(cursor: ImportCursor): Promise<void> {
  await cursor.pages.return(undefined).catch(() => undefined);
  await cursor.client.unbind().catch(() => undefined);
}

/** Hands out the next `count` entries, reading further pages as needed. */
export async function read(cursor: ImportCursor, count: number): Promise<Entry[]> {
  while (cursor.buffer.length < count && !cursor.done) {
    const page = await cursor.pages.next();
    if (page.done === true) cursor.done = true;
    else cursor.buffer.push(...page.value.searchEntries);
  }
  const out = cursor.buffer.splice(0, count);
  cursor.next += out.length;
  return out;
}
