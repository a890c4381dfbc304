// outcomeText for a regeneration: the same report for a dry run and a real one, and what it says when.
import assert from 'node:assert/strict';
import type { RegenerationNotes } from '../../src/regenerate/reconcile.js';
import { outcomeText } from '../../src/shell/outcome-text.js';
import type { GenerateOutcome } from '../../src/shell/run-generate.js';
import type { PlannedFile } from '../../src/write/write-plan.js';

const unchanged: PlannedFile = {
  path: 'src/main.ts',
  zone: 'scaffolding',
  action: 'unchanged',
  contents: '',
};
const kept: PlannedFile = {
  path: 'src/server.ts',
  zone: 'scaffolding',
  action: 'keep',
  contents: '',
  reason: 'edited since the generator wrote it',
};
const rewritten: PlannedFile = { path: 'src/connector.ts', zone: 'merged', action: 'rewrite', contents: '' };
const quiet: RegenerationNotes = { methods: [], oldNames: [], dependenciesChanged: false };

const cases: [string, { files: PlannedFile[]; notes: RegenerationNotes; has: RegExp[]; hasNot: RegExp[] }][] =
  [
    [
      'nothing changed, an edited file kept',
      {
        files: [unchanged, kept],
        notes: { ...quiet, methods: [{ kind: 'kept', operation: 'createUser' }] },
        has: [/^nothing changed: /m, /^keep {6}src\/server\.ts \(edited since the generator wrote it\)$/m],
        hasNot: [/npm install/, /unchanged src\/main\.ts/],
      },
    ],
    [
      'a method deprecated, dependencies changed',
      {
        files: [rewritten],
        notes: {
          ...quiet,
          methods: [{ kind: 'deprecated', operation: 'deleteUser' }],
          dependenciesChanged: true,
        },
        has: [
          /^deprecated src\/connector\.ts deleteUser \(.*not served: answers 501\)$/m,
          /^dependencies changed in package\.json: run npm install$/m,
          /^ {2}npm install$/m,
        ],
        hasNot: [/nothing changed/],
      },
    ],
    [
      'an edited body using a renamed attribute',
      {
        files: [rewritten],
        notes: { ...quiet, oldNames: [{ operation: 'updateUser', names: ['costCenter'] }] },
        has: [/^old name {3}src\/connector\.ts updateUser still uses costCenter, /m],
        hasNot: [/npm install/],
      },
    ],
  ];

describe('outcomeText (regeneration)', () => {
  for (const [name, c] of cases) {
    it(name, () => {
      const outcome = (kind: 'planned' | 'written'): GenerateOutcome => ({
        kind,
        outDir: '/p',
        files: c.files,
        report: { methods: [], stubs: [] },
        notes: [],
        regeneration: c.notes,
      });
      const real = outcomeText(outcome('written'), '/').lines.join('\n');
      const dry = outcomeText(outcome('planned'), '/').lines.join('\n');
      for (const pattern of c.has) assert.match(real, pattern);
      for (const pattern of c.hasNot) assert.doesNotMatch(real, pattern);
      assert.equal(dry.replace('would write', 'wrote'), real);
    });
  }
});
