// Reads connector.yaml into a resolved ConnectorSpec, or every problem found in it.
// PLACEHOLDER contract for the generator's two halves: the spec helper replaces this body with
// the real loader (yaml positions, ajv, did-you-mean, OpenAPI checks); the signatures stay.
import { readFile } from 'node:fs/promises';
import type { ConnectorSpec } from './connector-spec.js';
import type { SpecProblem } from './spec-problem.js';

export type LoadSpecResult = { ok: true; spec: ConnectorSpec } | { ok: false; problems: SpecProblem[] };

/** Loads and checks the spec file; never throws for a problem in the spec itself. */
export async function loadSpec(file: string): Promise<LoadSpecResult> {
  return loadSpecText(await readFile(file, 'utf8'), file);
}

/** The same from text already read (`file` is used for locations and relative paths). */
export async function loadSpecText(text: string, file: string): Promise<LoadSpecResult> {
  void text;
  void file;
  throw new Error('loadSpecText: not written yet');
}
