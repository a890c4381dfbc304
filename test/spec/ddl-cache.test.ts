// The DDL model cache: a model read once is kept on disk under a hash of the text, and answered from there.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ddlCacheKey, ddlModel, type DdlModel } from '../../src/spec/ddl-model.js';

describe('ddlModel on disk', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ddl-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the model it read under the hash of the text, and nothing else', async () => {
    const text = `create table cached_${process.pid} (id text primary key, user_name text not null unique);`;
    const model = await ddlModel(text, dir);
    assert.equal(model.ok, true);
    assert.deepEqual(await readdir(dir), [ddlCacheKey(text)]);
    assert.deepEqual(JSON.parse(await readFile(join(dir, ddlCacheKey(text)), 'utf8')), model);
  });

  it('answers from the file when there is one (PGlite is not asked)', async () => {
    const text = `create table planted_${process.pid} (id text primary key);`;
    // A model PGlite would never give for this text: it comes back only if the file answered.
    const planted: DdlModel = { ok: false, message: 'planted in the cache' };
    await writeFile(join(dir, ddlCacheKey(text)), JSON.stringify(planted));
    assert.deepEqual(await ddlModel(text, dir), planted);
  });

  it('keys by the text: another text, another file', () => {
    assert.notEqual(ddlCacheKey('create table a (id text);'), ddlCacheKey('create table b (id text);'));
    assert.match(ddlCacheKey('x'), /^[0-9a-f]{64}\.json$/);
  });
});
