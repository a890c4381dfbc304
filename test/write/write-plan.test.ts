// planWrites: which files a generation creates, rewrites, leaves alone or is blocked by.
import assert from 'node:assert/strict';
import type { FileZone, GeneratedFile } from '../../src/generate/generate-contract.js';
import { contentHash } from '../../src/write/content-hash.js';
import { planWrites, type TargetState, type WriteAction } from '../../src/write/write-plan.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

interface Case {
  zone: FileZone;
  /** On disk now: its text, `'directory'` for a folder, or nothing. */
  disk?: string;
  /** What the previous manifest says the generator wrote there. */
  wrote?: string;
  manifest: boolean;
  force?: boolean;
  bail?: boolean;
  want: WriteAction;
}

const cases: [string, Case][] = [
  ['absent file in a generated project', { zone: 'merged', manifest: true, want: 'create' }],
  ['identical bytes', { zone: 'scaffolding', disk: 'new', wrote: 'old', manifest: true, want: 'unchanged' }],
  [
    'generated zone, edited',
    { zone: 'generated', disk: 'edited', wrote: 'old', manifest: true, want: 'rewrite' },
  ],
  [
    'scaffolding unedited since last time',
    { zone: 'scaffolding', disk: 'old', wrote: 'old', manifest: true, want: 'rewrite' },
  ],
  [
    'merged unedited since last time',
    { zone: 'merged', disk: 'old', wrote: 'old', manifest: true, want: 'rewrite' },
  ],
  [
    'scaffolding edited: kept',
    { zone: 'scaffolding', disk: 'edited', wrote: 'old', manifest: true, want: 'keep' },
  ],
  [
    'scaffolding edited, with bail',
    { zone: 'scaffolding', disk: 'edited', wrote: 'old', manifest: true, bail: true, want: 'blocked' },
  ],
  [
    'merged edited (the file arrives merged with the edits)',
    { zone: 'merged', disk: 'edited', wrote: 'old', manifest: true, want: 'rewrite' },
  ],
  [
    'scaffolding the generator never wrote',
    { zone: 'scaffolding', disk: 'mine', manifest: true, want: 'keep' },
  ],
  [
    'edited scaffolding, forced',
    { zone: 'scaffolding', disk: 'edited', wrote: 'old', manifest: true, force: true, want: 'rewrite' },
  ],
  [
    'folder in place of a file, forced',
    { zone: 'generated', disk: 'directory', manifest: true, force: true, want: 'blocked' },
  ],
  [
    'no project, forced: replaced',
    { zone: 'merged', disk: 'other', manifest: false, force: true, want: 'rewrite' },
  ],
];

function stateOf(c: Case): TargetState {
  const current = new Map<string, Uint8Array | 'directory'>();
  if (c.disk !== undefined) current.set('f', c.disk === 'directory' ? 'directory' : bytes(c.disk));
  const previous = c.manifest
    ? new Map(c.wrote === undefined ? [] : [['f', contentHash(c.wrote)]])
    : undefined;
  return { nonEmpty: c.disk !== undefined || c.manifest, previous, current };
}

describe('planWrites', () => {
  for (const [name, c] of cases) {
    it(`${name} → ${c.want}`, () => {
      const file: GeneratedFile = { path: 'f', contents: 'new', zone: c.zone };
      const plan = planWrites([file], stateOf(c), { force: c.force ?? false, bail: c.bail ?? false });
      const planned = plan.ok ? plan.files : plan.refusal === 'blocked' ? plan.files : [];
      assert.equal(planned[0]?.action, c.want);
      assert.equal(plan.ok, c.want !== 'blocked');
    });
  }

  const stale: [string, { disk: string; wrote: string; want: WriteAction }][] = [
    ['unedited', { disk: 'old', wrote: 'old', want: 'delete' }],
    ['edited', { disk: 'edited', wrote: 'old', want: 'keep' }],
  ];
  for (const [name, c] of stale) {
    it(`a file written last time and no longer produced, ${name} → ${c.want}`, () => {
      const state: TargetState = {
        nonEmpty: true,
        previous: new Map([['gone.ts', contentHash(c.wrote)]]),
        current: new Map([['gone.ts', bytes(c.disk)]]),
      };
      const plan = planWrites([], state, { force: false });
      assert.ok(plan.ok);
      assert.deepEqual(
        plan.files.map((f) => [f.path, f.action, f.stale]),
        [['gone.ts', c.want, true]],
      );
    });
  }

  it('refuses a non-empty folder that holds no generated project, unless forced', () => {
    const state: TargetState = { nonEmpty: true, previous: undefined, current: new Map() };
    const file: GeneratedFile = { path: 'a.ts', contents: 'x', zone: 'generated' };
    assert.deepEqual(planWrites([file], state, { force: false }), { ok: false, refusal: 'not-empty' });
    assert.equal(planWrites([file], state, { force: true }).ok, true);
  });

  it('creates everything in an empty folder', () => {
    const state: TargetState = { nonEmpty: false, previous: undefined, current: new Map() };
    const files: GeneratedFile[] = [
      { path: 'a.ts', contents: 'x', zone: 'generated' },
      { path: 'vendor/p.tgz', contents: new Uint8Array([1, 2]), zone: 'generated' },
    ];
    const plan = planWrites(files, state, { force: false });
    assert.deepEqual(plan.ok && plan.files.map((f) => f.action), ['create', 'create']);
  });

  it('compares binary contents byte for byte', () => {
    const state: TargetState = {
      nonEmpty: true,
      previous: new Map(),
      current: new Map([['p.tgz', new Uint8Array([1, 2])]]),
    };
    const same = planWrites([{ path: 'p.tgz', contents: new Uint8Array([1, 2]), zone: 'generated' }], state, {
      force: false,
    });
    const other = planWrites(
      [{ path: 'p.tgz', contents: new Uint8Array([1, 3]), zone: 'generated' }],
      state,
      { force: false },
    );
    assert.equal(same.ok && same.files[0]?.action, 'unchanged');
    assert.equal(other.ok && other.files[0]?.action, 'rewrite');
  });
});
