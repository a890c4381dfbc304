// One generation as both shells run it: load the spec, choose the packages, run the core, plan and apply the writes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Generate, GenerateReport } from '../generate/generate-contract.js';
import type { ConnectorSpec } from '../spec/connector-spec.js';
import type { LoadSpecOptions, LoadSpecResult } from '../spec/load-spec.js';
import type { SpecProblem } from '../spec/spec-problem.js';
import { resolvePackages, type PackageSourceKind } from '../vendor/package-source.js';
import { reconcile, withManifest, type RegenerationNotes } from '../regenerate/reconcile.js';
import { applyPlan, type WriterFs } from '../write/apply-plan.js';
import { readTarget } from '../write/read-target.js';
import { planWrites, type PlannedFile } from '../write/write-plan.js';

/** The core's two entry points, given by the shell (so tests can run a shell over the real core or a failing fs). */
export interface Core {
  loadSpec(file: string, options?: LoadSpecOptions): Promise<LoadSpecResult>;
  loadSpecText(text: string, file: string): Promise<LoadSpecResult>;
  generate: Generate;
}

export interface GenerateRequest {
  /** The spec file (for locations and relative paths, and read unless `specText` is given). */
  specFile: string;
  /** The spec's text when it is not on disk yet (the Yeoman shell's answers). */
  specText?: string;
  outDir: string;
  dryRun: boolean;
  force: boolean;
  /** Stop rather than keep an edited scaffolding file. */
  bail?: boolean;
  /** Where the project gets the SDK and tester; chosen from the out folder when absent. */
  packages?: PackageSourceKind;
  /** The generator's root (sdk/ and tester/ beside it). */
  root: string;
  fs?: WriterFs;
}

export type GenerateOutcome =
  | { kind: 'problems'; problems: SpecProblem[] }
  | { kind: 'not-empty'; outDir: string }
  | { kind: 'blocked'; outDir: string; files: PlannedFile[]; dryRun: boolean }
  | {
      kind: 'planned' | 'written';
      outDir: string;
      files: PlannedFile[];
      report: GenerateReport;
      notes: string[];
      /** Set when the folder held a generated project: what the merge did. */
      regeneration?: RegenerationNotes;
    };

/** The spec and the files it names: a folder holding only these counts as empty. */
function specOwnFiles(spec: ConnectorSpec): string[] {
  const named = [spec.file, spec.seed?.users, spec.seed?.groups];
  if (spec.backend.kind === 'openapi') named.push(spec.backend.document);
  return named.filter((path): path is string => path !== undefined);
}

/** Runs one generation; writes nothing unless every file may be written (and not on a dry run). */
export async function runGenerate(core: Core, request: GenerateRequest): Promise<GenerateOutcome> {
  const specFile = resolve(request.specFile);
  const outDir = resolve(request.outDir);
  const loaded = await (request.specText === undefined
    ? core.loadSpec(specFile)
    : core.loadSpecText(request.specText, specFile));
  if (!loaded.ok) return { kind: 'problems', problems: loaded.problems };
  const specText = request.specText ?? (await readFile(specFile, 'utf8'));
  const packages = await resolvePackages(request.root, outDir, request.packages);
  const { files, report } = await core.generate(loaded.spec, {
    packages: packages.source,
    specText,
    projectDir: outDir,
  });
  const state = await readTarget(outDir, files, specOwnFiles(loaded.spec));
  const options = { force: request.force, bail: request.bail ?? false };
  const merged = state.previous === undefined ? undefined : await reconcile(files, state);
  const plan = planWrites(merged?.files ?? files, state, options);
  if (!plan.ok)
    return plan.refusal === 'not-empty'
      ? { kind: 'not-empty', outDir }
      : { kind: 'blocked', outDir, files: plan.files, dryRun: request.dryRun };
  const planned =
    merged === undefined ? plan.files : await withManifest(plan.files, state, options, merged.methods);
  if (!request.dryRun) await applyPlan(outDir, planned, request.fs);
  const notes = packages.note === undefined ? [] : [packages.note];
  return {
    kind: request.dryRun ? 'planned' : 'written',
    outDir,
    files: planned,
    report,
    notes,
    ...(merged === undefined ? {} : { regeneration: merged.notes }),
  };
}
