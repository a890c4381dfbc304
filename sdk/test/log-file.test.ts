// The batched log file: lines held until a batch is long enough or a moment has passed, a full disk survived.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogFile } from '../src/http/log-file.js';

describe('LogFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scim-log-file-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('holds lines until the batch is long enough, then writes them in order', async () => {
    const path = join(dir, 'nested', 'server.log');
    const file = new LogFile(path, { minLength: 30, flushMs: 60_000 });
    assert.ok(existsSync(path), 'opened (and its folder made) at once');
    file.write('{"n":1}\n');
    file.write('{"n":2}\n');
    assert.equal(await readFile(path, 'utf8'), '', 'under the batch length: nothing written yet');
    file.write('{"n":3,"text":"é, more than one byte"}\n');
    assert.equal(await readFile(path, 'utf8'), '{"n":1}\n{"n":2}\n{"n":3,"text":"é, more than one byte"}\n');
  });

  it('makes a deferred line when it writes the batch, in its place among the others', async () => {
    const path = join(dir, 'server.log');
    const file = new LogFile(path, { minLength: 4096, flushMs: 60_000 });
    const made: number[] = [];
    const deferred = (n: number) => ({
      text: () => {
        made.push(n);
        return `{"deferred":${n}}\n`;
      },
    });
    file.write('{"n":1}\n');
    file.writeLater(deferred(2));
    file.write('{"n":3}\n');
    file.writeLater(deferred(4));
    assert.deepEqual(made, [], 'not made while the batch is held');
    file.flushSync();
    assert.deepEqual(made, [2, 4]);
    assert.equal(await readFile(path, 'utf8'), '{"n":1}\n{"deferred":2}\n{"n":3}\n{"deferred":4}\n');
    file.flushSync();
    assert.deepEqual(made, [2, 4], 'each made once');
  });

  it('counts deferred lines towards the batch', async () => {
    const path = join(dir, 'server.log');
    const file = new LogFile(path, { minLength: 1000, flushMs: 60_000 });
    for (let n = 0; n < 8; n++) file.writeLater({ text: () => `${n}\n` });
    assert.notEqual(await readFile(path, 'utf8'), '', 'eight request lines fill a batch of 1,000 characters');
  });

  it('writes a short batch within its flush interval', async () => {
    const path = join(dir, 'server.log');
    new LogFile(path, { minLength: 4096, flushMs: 20 }).write('{"short":true}\n');
    let text = '';
    for (let tries = 0; tries < 100 && text === ''; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      text = await readFile(path, 'utf8');
    }
    assert.equal(text, '{"short":true}\n');
  });

  it('appends to a file that already holds lines', async () => {
    const path = join(dir, 'server.log');
    const first = new LogFile(path, { minLength: 1, flushMs: 60_000 });
    first.write('a\n');
    new LogFile(path, { minLength: 1, flushMs: 60_000 }).write('b\n');
    assert.equal(await readFile(path, 'utf8'), 'a\nb\n');
  });

  it('throws at once for a path it cannot open', async () => {
    const plainFile = join(dir, 'a-file');
    await writeFile(plainFile, '');
    assert.throws(
      () => new LogFile(join(plainFile, 'server.log'), { minLength: 1, flushMs: 60_000 }),
      (error: NodeJS.ErrnoException) => ['ENOTDIR', 'EEXIST'].includes(error.code ?? ''),
    );
  });

  it('survives a device that refuses every write, and says so once', function () {
    if (!existsSync('/dev/full')) this.skip(); // Linux's always-full device; other systems have none.
    const said: string[] = [];
    const file = new LogFile('/dev/full', {
      minLength: 1,
      flushMs: 60_000,
      report: (message) => said.push(message),
    });
    assert.equal(file.write('{"lost":1}\n'), true);
    assert.equal(file.write('{"lost":2}\n'), true);
    assert.equal(said.length, 1, said.join(''));
    assert.match(said[0] ?? '', /cannot write the log file \/dev\/full \(ENOSPC\)/);
  });
});
