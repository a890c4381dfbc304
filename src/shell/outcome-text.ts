// What both shells print after a generation: the problems, the refusal, the plan, or the summary.
import { isAbsolute, relative } from 'node:path';
import { formatProblem } from '../spec/spec-problem.js';
import { CONNECTOR_PATH, MANIFEST_PATH } from '../generate/manifest.js';
import type { MethodEntry } from '../regenerate/merge-connector.js';
import type { RegenerationNotes } from '../regenerate/reconcile.js';
import type { PlannedFile } from '../write/write-plan.js';
import type { GenerateOutcome } from './run-generate.js';

function count(files: readonly { action: string }[], action: string): number {
  return files.filter((file) => file.action === action).length;
}

function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** A dry run's plan: each file with what would happen to it. */
function planLines(files: readonly PlannedFile[]): string[] {
  return files.map(
    (file) => `${file.action.padEnd(9)} ${file.path}${file.reason === undefined ? '' : ` (${file.reason})`}`,
  );
}

const METHOD_WORDS: Record<MethodEntry['kind'], (entry: MethodEntry) => string> = {
  added: () => 'new: the spec needs it',
  refreshed: () => 'body regenerated: you had not edited it',
  kept: (entry) =>
    `kept because edited${entry.signatureRefreshed === true ? '; signature refreshed: the contract changed' : ''}`,
  deprecated: () => 'no longer needed by connector.yaml: kept, marked @deprecated, not served: answers 501',
  restored: () => 'needed again: @deprecated mark removed, served',
};

/** A regeneration's report: every file that changes or is kept, every method touched, what to do next. */
function regenerationLines(files: readonly PlannedFile[], notes: RegenerationNotes): string[] {
  const changed = files.filter((file) => file.action !== 'unchanged');
  const lines = [
    ...planLines(changed),
    ...notes.methods.map(
      (entry) =>
        `${entry.kind.padEnd(10)} ${CONNECTOR_PATH} ${entry.operation} (${METHOD_WORDS[entry.kind](entry)})`,
    ),
    ...notes.oldNames.map(
      (old) =>
        `old name   ${CONNECTOR_PATH} ${old.operation} still uses ${old.names.join(', ')}, which the generated code no longer has (edited body: update it; the compiler points at it)`,
    ),
  ];
  if (notes.dependenciesChanged) lines.push('dependencies changed in package.json: run npm install');
  const touched = notes.methods.some((entry) => entry.kind !== 'kept' || entry.signatureRefreshed === true);
  if (changed.every((file) => file.action === 'keep') && !touched)
    lines.push('nothing changed: connector.yaml and the generator are as last time; no byte written');
  return lines;
}

/** The lines to print, and whether the run failed (the shells exit 1 then). */
export function outcomeText(
  outcome: GenerateOutcome,
  cwd: string = process.cwd(),
): { failed: boolean; lines: string[] } {
  switch (outcome.kind) {
    case 'problems':
      return {
        failed: true,
        lines: [
          ...outcome.problems.map(formatProblem),
          `${outcome.problems.length} problem(s) in the spec; nothing written.`,
        ],
      };
    case 'not-empty':
      return {
        failed: true,
        lines: [
          `${outcome.outDir} is not empty and holds no generated project (no ${MANIFEST_PATH}); nothing written.`,
          'Choose an empty folder, or pass --force to generate into this one (files in the way are replaced).',
        ],
      };
    case 'blocked':
      return {
        failed: true,
        lines: [
          ...(outcome.dryRun ? planLines(outcome.files) : []),
          `Stopped before writing anything: these files in ${outcome.outDir} are in the way:`,
          ...outcome.files.filter((f) => f.action === 'blocked').map((f) => `  ${f.path} (${f.reason})`),
          'Move them aside (or undo the edits) and generate again; without --bail edited scaffolding is kept, with --force replaced.',
        ],
      };
    case 'planned':
    case 'written': {
      const files = outcome.files;
      const regeneration = outcome.regeneration;
      const plan =
        regeneration !== undefined
          ? regenerationLines(files, regeneration)
          : outcome.kind === 'planned'
            ? planLines(files)
            : [];
      const verb = outcome.kind === 'planned' ? 'would write' : 'wrote';
      const inside = relative(cwd, outcome.outDir);
      const where = inside === '' || inside.startsWith('..') || isAbsolute(inside) ? outcome.outDir : inside;
      return {
        failed: false,
        lines: [
          ...plan,
          ...outcome.notes.map((note) => `note: ${note}`),
          `${verb} ${count(files, 'create') + count(files, 'rewrite')} file(s) in ${where} (${count(files, 'create')} new, ${count(files, 'rewrite')} rewritten, ${count(files, 'unchanged')} unchanged${count(files, 'delete') + count(files, 'keep') === 0 ? '' : `, ${count(files, 'delete')} deleted, ${count(files, 'keep')} kept`})`,
          outcome.report.stubs.length === 0
            ? 'methods left to write: none'
            : `methods left to write in src/connector.ts: ${outcome.report.stubs.join(', ')}`,
          'next:',
          `  cd ${shellQuote(where)}`,
          ...(regeneration === undefined || regeneration.dependenciesChanged ? ['  npm install'] : []),
          '  npm test',
        ],
      };
    }
  }
}
