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
  'initech-ldap': 'spec/examples/initech-ldap/connector.yaml',
  'initech-sql': 'spec/examples/initech-sql/connector.yaml',
  'store-minimal': 'spec/examples/store-minimal/connector.yaml',
  stubs: 'spec/examples/stubs/connector.yaml',
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

/**
 * The example server is its own golden: `examples/example-server/` is generated in place (its spec's seed
 * files stay where they are), so a second copy under test/golden/ would only repeat it.
 */
export const EXAMPLE_DIR = 'examples/example-server/';

async function generateFrom(file: string, projectDir?: string): Promise<GenerateResult> {
  const loaded = await loadSpec(`${ROOT}${file}`);
  if (!loaded.ok) throw new Error(`${file} does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
  const specText = await readFile(`${ROOT}${file}`, 'utf8');
  return generate(loaded.spec, {
    packages: WORKSPACE,
    specText,
    ...(projectDir === undefined ? {} : { projectDir }),
  });
}

/** Generates the case's project from its spec, as the golden holds it. */
export async function generateCase(name: string): Promise<GenerateResult> {
  const file = GOLDEN_CASES[name];
  if (file === undefined) throw new Error(`no golden case ${name}`);
  return generateFrom(file);
}

/** Generates the example server as `npm run example:generate` does, into its own folder. */
export function generateExample(): Promise<GenerateResult> {
  return generateFrom(`${EXAMPLE_DIR}connector.yaml`, `${ROOT}${EXAMPLE_DIR}`);
}
