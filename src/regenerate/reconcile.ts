// A regeneration's merged zone: the fresh files with connector.ts and package.json merged into the user's, and the new manifest.
import { CONNECTOR_PATH, buildManifest, manifestFile, MANIFEST_PATH } from '../generate/manifest.js';
import type { GeneratedFile } from '../generate/generate-contract.js';
import { GENERATOR_PACKAGE } from '../generate/generator-version.js';
import { readTaggedMethods } from '../generate/body-hash.js';
import { manifestMethods } from '../write/manifest-hashes.js';
import { actionFor, type PlannedFile, type PlanOptions, type TargetState } from '../write/write-plan.js';
import { mergeConnector, type MethodEntry } from './merge-connector.js';
import { mergePackageJson } from './merge-package-json.js';
import { vanishedNames, namesIn } from './vanished-names.js';

/** What a regeneration did besides writing files, for the report. */
export interface RegenerationNotes {
  methods: MethodEntry[];
  /** Edited bodies that still use names the generated code no longer has (a renamed attribute). */
  oldNames: { operation: string; names: string[] }[];
  dependenciesChanged: boolean;
}

export interface Reconciled {
  files: GeneratedFile[];
  notes: RegenerationNotes;
  /** Operation → the body hash to record: this generation's, and the last one's for methods kept deprecated. */
  methods: Record<string, string>;
}

const PACKAGE_JSON = 'package.json';
const text = (bytes: Uint8Array | 'directory' | undefined): string | undefined =>
  bytes instanceof Uint8Array ? Buffer.from(bytes).toString('utf8') : undefined;
const isGeneratedSource = (path: string): boolean => /^src\/generated\/.*\.ts$/.test(path);

/**
 * Merges the fresh `files` with what `state` found in a generated project: connector.ts by method,
 * package.json by entry. Files are returned in the same order; nothing is written.
 */
export async function reconcile(files: readonly GeneratedFile[], state: TargetState): Promise<Reconciled> {
  const notes: RegenerationNotes = { methods: [], oldNames: [], dependenciesChanged: false };
  const freshManifest = files.find((file) => file.path === MANIFEST_PATH);
  const methods = freshManifest === undefined ? {} : manifestMethods(String(freshManifest.contents));
  const written = state.previousMethods ?? {};
  const out: GeneratedFile[] = [];
  for (const file of files) {
    const current = text(state.current.get(file.path));
    if (current === undefined || typeof file.contents !== 'string') {
      out.push(file);
    } else if (file.path === CONNECTOR_PATH) {
      const merged = await mergeConnector(current, file.contents, written);
      notes.methods = merged.entries;
      for (const operation of merged.deprecated) {
        const hash = written[operation];
        if (hash !== undefined) methods[operation] = hash;
      }
      const before = [...state.current].flatMap(([path, bytes]) =>
        isGeneratedSource(path) ? [text(bytes) ?? ''] : [],
      );
      const after = files.filter((f) => isGeneratedSource(f.path)).map((f) => String(f.contents));
      const gone = vanishedNames(before, after);
      for (const method of readTaggedMethods(merged.text)) {
        if (!merged.edited.includes(method.operation)) continue;
        const names = [...namesIn(method.bodyText)].filter((name) => gone.has(name)).sort();
        if (names.length > 0) notes.oldNames.push({ operation: method.operation, names });
      }
      out.push({ ...file, contents: merged.text });
    } else if (file.path === PACKAGE_JSON) {
      const merged = await mergePackageJson(current, file.contents);
      notes.dependenciesChanged = merged.dependenciesChanged;
      out.push({ ...file, contents: merged.text });
    } else {
      out.push(file);
    }
  }
  return { files: out, notes, methods };
}

/**
 * The planned files with the manifest recomputed from what the project will hold: the bytes of every
 * file written or unchanged, the generator's version of kept files (so they still count as edited
 * next time), and `methods`; deleted and stale kept files are left out.
 */
export async function withManifest(
  planned: readonly PlannedFile[],
  state: TargetState,
  options: PlanOptions,
  methods: Record<string, string>,
): Promise<PlannedFile[]> {
  const recorded = planned.filter(
    (file) =>
      file.path !== MANIFEST_PATH &&
      file.action !== 'delete' &&
      !(file.action === 'keep' && file.contents === ''),
  );
  const manifest = await manifestFile(
    await buildManifest(
      { name: GENERATOR_PACKAGE.name, version: GENERATOR_PACKAGE.version },
      recorded,
      methods,
    ),
  );
  return planned.map((file) =>
    file.path === MANIFEST_PATH ? { ...manifest, ...actionFor(manifest, state, options) } : file,
  );
}
