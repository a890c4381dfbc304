// The golden cases: each example spec generated with workspace packages, as test/golden/<name>/ holds it.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generate } from '../../src/generate/generate.js';
import type { GenerateResult, PackageSource } from '../../src/generate/generate-contract.js';
import { loadSpec, formatProblem } from '../../src/spec/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = `${ROOT}test/golden/`;

/** Golden name → spec file (relative to the repository root). */
export const GOLDEN_CASES: Readonly<Record<string, string>> = {
  'acme-hr': 'spec/examples/acme-hr/connector.yaml',
  'globex-crm': 'spec/examples/globex-crm/connector.yaml',
  'store-minimal': 'spec/examples/store-minimal/connector.yaml',
  stubs: 'spec/examples/stubs/connector.yaml',
  'example-server': 'examples/example-server/connector.yaml',
};

function version(pkg: string): string {
  return (JSON.parse(readFileSync(`${ROOT}${pkg}/package.json`, 'utf8')) as { version: string }).version;
}

/** The SDK and tester as npm workspaces of this repository. */
export const WORKSPACE: PackageSource = {
  kind: 'workspace',
  sdkVersion: `^${version('sdk')}`,
  testerVersion: `^${version('tester')}`,
};

/** Generates the case's project from its spec, as the golden holds it. */
export async function generateCase(name: string): Promise<GenerateResult> {
  const file = GOLDEN_CASES[name];
  if (file === undefined) throw new Error(`no golden case ${name}`);
  const loaded = await loadSpec(`${ROOT}${file}`);
  if (!loaded.ok) throw new Error(`${file} does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return generate(loaded.spec, { packages: WORKSPACE, specText: await readFile(`${ROOT}${file}`, 'utf8') });
}
