// What both shells print after a generation: the problems, the refusal, the plan, or the summary.
import { isAbsolute, relative } from 'node:path';
import { formatProblem } from '../spec/spec-problem.js';
import { MANIFEST_PATH } from '../write/manifest-hashes.js';
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
  return files.map((file) => `${file.action.padEnd(9)} ${file.path}`);
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
          'Move them aside (or undo the edits) and generate again; --force replaces edited scaffolding only.',
        ],
      };
    case 'planned':
    case 'written': {
      const files = outcome.files;
      const plan = outcome.kind === 'planned' ? planLines(files) : [];
      const verb = outcome.kind === 'planned' ? 'would write' : 'wrote';
      const inside = relative(cwd, outcome.outDir);
      const where = inside === '' || inside.startsWith('..') || isAbsolute(inside) ? outcome.outDir : inside;
      return {
        failed: false,
        lines: [
          ...plan,
          ...outcome.notes.map((note) => `note: ${note}`),
          `${verb} ${count(files, 'create') + count(files, 'rewrite')} file(s) in ${where} (${count(files, 'create')} new, ${count(files, 'rewrite')} rewritten, ${count(files, 'unchanged')} unchanged)`,
          outcome.report.stubs.length === 0
            ? 'methods left to write: none'
            : `methods left to write in src/connector.ts: ${outcome.report.stubs.join(', ')}`,
          'next:',
          `  cd ${shellQuote(where)}`,
          '  npm install',
          '  npm test',
        ],
      };
    }
  }
}
