// applyPlan: staged writes moved into place, and everything undone when a step fails part-way.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { applyPlan, nodeWriterFs, type WriterFs } from '../../src/write/apply-plan.js';
import type { PlannedFile } from '../../src/write/write-plan.js';

/** Every file and folder under `dir`, with file contents: a snapshot to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    out[path] = entry.isDirectory() ? '<dir>' : await readFile(join(dir, path), 'utf8');
  }
  return out;
}

/** The real fs, failing the `n`th call of `op`. */
function failingOn(op: 'writeFile' | 'rename' | 'mkdir', n: number): WriterFs {
  let calls = 0;
  return {
    ...nodeWriterFs,
    [op]: (...args: [string, never]) => {
      calls += 1;
      if (calls === n) return Promise.reject(new Error(`injected ${op} failure`));
      return nodeWriterFs[op](...args);
    },
  };
}

const plan: PlannedFile[] = [
  { path: 'README.md', zone: 'scaffolding', action: 'rewrite', contents: 'new readme' },
  { path: 'keep.txt', zone: 'scaffolding', action: 'unchanged', contents: 'kept' },
  { path: 'src/generated/config.ts', zone: 'generated', action: 'create', contents: 'config' },
  { path: 'src/connector.ts', zone: 'merged', action: 'rewrite', contents: 'new connector' },
  { path: 'vendor/a.tgz', zone: 'generated', action: 'create', contents: new Uint8Array([0x1f, 0x8b]) },
  { path: 'src/old.ts', zone: 'scaffolding', action: 'delete', contents: '', stale: true },
  { path: 'mine.txt', zone: 'scaffolding', action: 'keep', contents: 'generated version' },
];

describe('applyPlan', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apply-plan-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'README.md'), 'old readme');
    await writeFile(join(dir, 'keep.txt'), 'kept');
    await writeFile(join(dir, 'src/connector.ts'), 'old connector');
    await writeFile(join(dir, 'src/old.ts'), 'no longer generated');
    await writeFile(join(dir, 'mine.txt'), 'edited');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes creates and rewrites, deletes, keeps, and leaves nothing staged behind', async () => {
    await applyPlan(dir, plan);
    assert.deepEqual(await snapshot(dir), {
      'README.md': 'new readme',
      'keep.txt': 'kept',
      'mine.txt': 'edited',
      src: '<dir>',
      'src/connector.ts': 'new connector',
      'src/generated': '<dir>',
      'src/generated/config.ts': 'config',
      vendor: '<dir>',
      'vendor/a.tgz': '\x1f\ufffd',
    });
  });

  it('creates the out folder and its missing parents', async () => {
    const out = join(dir, 'a/b/project');
    await applyPlan(out, [{ path: 'x.ts', zone: 'generated', action: 'create', contents: 'x' }]);
    assert.equal(await readFile(join(out, 'x.ts'), 'utf8'), 'x');
  });

  // Four staged writes, then renames: README aside + in, config in, connector aside + in, tgz in, old.ts aside.
  const failures: [string, WriterFs][] = [
    ['the first staged write', failingOn('writeFile', 1)],
    ['the last staged write', failingOn('writeFile', 4)],
    ['a folder creation', failingOn('mkdir', 2)],
    ['moving the first file into place', failingOn('rename', 2)],
    ['moving a previous file aside after two files are in place', failingOn('rename', 4)],
    ['moving the last file into place', failingOn('rename', 6)],
    ['moving a deleted file aside, after every write is in place', failingOn('rename', 7)],
  ];
  for (const [name, fs] of failures) {
    it(`leaves the folder as it was when ${name} fails`, async () => {
      const before = await snapshot(dir);
      await assert.rejects(applyPlan(dir, plan, fs), /injected/);
      assert.deepEqual(await snapshot(dir), before);
    });
  }

  it('refuses a path outside the project before writing anything', async () => {
    const before = await snapshot(dir);
    const bad: PlannedFile[] = [
      ...plan,
      { path: '../escape.txt', zone: 'generated', action: 'create', contents: 'x' },
    ];
    await assert.rejects(applyPlan(dir, bad), /outside the project/);
    assert.deepEqual(await snapshot(dir), before);
  });
});
