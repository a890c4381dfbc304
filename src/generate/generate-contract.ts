// What the generator's pure core takes and gives: the meeting point of the core and its shells (CLI, Yeoman).
import type { ConnectorSpec } from '../spec/connector-spec.js';

/** Which zone a file belongs to (see the architecture's three zones). */
export type FileZone = 'generated' | 'merged' | 'scaffolding';

/** One file of the emitted project, path relative to the project's root with `/` separators. */
export interface GeneratedFile {
  path: string;
  /** Text files are strings; the vendored tarballs are bytes. */
  contents: string | Uint8Array;
  zone: FileZone;
}

/**
 * Where the emitted project gets scim-connector-sdk and scim-connector-tester:
 * - `workspace`: an npm workspace of this repository (dependency by name and version range);
 * - `vendor`: tarballs in the project's `vendor/` referenced with `file:` (paths relative to the
 *   project), with an override so the tester's own SDK dependency resolves to the vendored SDK too;
 * - `registry`: published versions.
 */
export type PackageSource =
  | { kind: 'workspace'; sdkVersion: string; testerVersion: string }
  | {
      kind: 'vendor';
      sdkTarball: string;
      testerTarball: string;
      /** The tarballs' bytes, when the shell has packed them: emitted (zone generated) and hashed in the manifest. */
      tarballs?: { path: string; contents: Uint8Array }[];
    }
  | { kind: 'registry'; sdkVersion: string; testerVersion: string };

export interface GenerateOptions {
  packages: PackageSource;
  /** Text of the spec file as it will sit at the project's root (`connector.yaml`). */
  specText: string;
  /**
   * Absolute path of the project folder, when known: files the spec names inside it stay where they
   * are; files outside it (and all of them when this is absent) are copied in and the copy's paths rewritten.
   */
  projectDir?: string;
}

/** What a run did or would do, for the shells' summaries. */
export interface GenerateReport {
  /** Every service method emitted, in emission order. */
  methods: string[];
  /** The emitted methods whose bodies are stubs the user must write. */
  stubs: string[];
}

export interface GenerateResult {
  /** Every file of the project, `.scim-connector/manifest.json` included, sorted by path. */
  files: GeneratedFile[];
  report: GenerateReport;
}

/** The core: a resolved spec in, every file of the project out; pure and deterministic. */
export type Generate = (spec: ConnectorSpec, options: GenerateOptions) => Promise<GenerateResult>;
