// The cache of imports in progress: taken once, bounded in number and age, connections closed when dropped.
import { strict as assert } from 'node:assert';
import type { Client } from 'ldapts';
import { ImportCursors, type ImportCursor } from '../../src/ldap/import-cursors.js';

function cursor(closed: string[], name: string, done = false): ImportCursor {
  const client = { unbind: () => (closed.push(name), Promise.resolve()) } as unknown as Client;
  async function* pages(): AsyncGenerator<{ searchEntries: [] }> {
    yield { searchEntries: [] };
  }
  return { client, pages: pages(), buffer: [], next: 11, done, total: 20, expires: 0 };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ImportCursors', () => {
  it('hands a parked cursor to the next page once', () => {
    const cursors = new ImportCursors();
    const parked = cursor([], 'a');
    cursors.park(ImportCursors.key('q', 11), parked, 0);
    assert.equal(cursors.take(ImportCursors.key('q', 11), 1), parked);
    assert.equal(cursors.take(ImportCursors.key('q', 11), 1), undefined);
  });

  it('a different query or position does not take it', () => {
    const cursors = new ImportCursors();
    cursors.park(ImportCursors.key('q', 11), cursor([], 'a'), 0);
    assert.equal(cursors.take(ImportCursors.key('q', 21), 1), undefined);
    assert.equal(cursors.take(ImportCursors.key('other', 11), 1), undefined);
  });

  it('closes a cursor older than its time to live', async () => {
    const closed: string[] = [];
    const cursors = new ImportCursors(16, 1000);
    cursors.park(ImportCursors.key('q', 11), cursor(closed, 'old'), 0);
    assert.equal(cursors.take(ImportCursors.key('q', 11), 1001), undefined);
    await flush();
    assert.deepEqual(closed, ['old']);
  });

  it('closes the oldest beyond its limit, and a finished cursor at once', async () => {
    const closed: string[] = [];
    const cursors = new ImportCursors(2);
    for (const name of ['a', 'b', 'c']) cursors.park(ImportCursors.key(name, 11), cursor(closed, name), 0);
    cursors.park(ImportCursors.key('d', 11), cursor(closed, 'done', true), 0);
    await flush();
    assert.deepEqual(closed.sort(), ['a', 'done']);
    await cursors.closeAll();
    assert.deepEqual(closed.sort(), ['a', 'b', 'c', 'done']);
  });
});
