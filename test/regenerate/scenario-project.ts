// The regeneration scenario's specs, user edits and checks, shared by the core/CLI and Yeoman scenario tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SpecShape {
  capabilities: string[];
  /** Custom user attributes (name → type). */
  attributes?: Record<string, string>;
}

/** connector.yaml of a store connector serving SCIM 2.0 only (one dialect keeps the generated tests short). */
export function specText(shape: SpecShape): string {
  const attributes = Object.entries(shape.attributes ?? {});
  return [
    'name: regen-scenario',
    'description: Regeneration scenario',
    `capabilities: [${shape.capabilities.join(', ')}]`,
    "scim: { versions: ['2.0'] }",
    ...(attributes.length === 0
      ? []
      : [
          'schemas:',
          '  user:',
          '    attributes:',
          ...attributes.map(([name, type]) => `      ${name}: ${type}`),
        ]),
    'backend: store',
    '',
  ].join('\n');
}

export const V1: SpecShape = { capabilities: ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES'] };
export const V2: SpecShape = {
  capabilities: ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'GROUP_PUSH'],
  attributes: { costCenter: 'string' },
};
export const V3: SpecShape = { ...V2, attributes: { department: 'string' } };
export const V4: SpecShape = { ...V3, capabilities: ['PUSH_NEW_USERS', 'GROUP_PUSH'] };

export const EDITED_CREATE = 'this.auditTrail.push(describeName(user.userName));';
export const EDITED_UPDATE = "const costCenter = (user as Record<string, unknown>)['costCenter'];";
export const HELPER = 'private readonly auditTrail: string[] = [];';
export const IMPORT = "import { format as describeName } from 'node:util';";
export const DEPENDENCY = '"left-pad": "^1.3.0"';

/** What a user does after the first generation: edits two bodies, adds a member, an import, a dependency. */
export async function editProject(project: string): Promise<void> {
  const path = join(project, 'src/connector.ts');
  let text = await readFile(path, 'utf8');
  text = text.replace(/(async createUser\([^)]*\)[^{]*\{\n)/, `$1    ${EDITED_CREATE}\n`);
  text = text.replace(
    /(async updateUser\([^)]*\)[^{]*\{\n)/,
    `$1    ${EDITED_UPDATE}\n    void costCenter;\n`,
  );
  text = text.replace(/(export class Connector[^{]*\{\n)/, `$1  ${HELPER}\n\n`);
  text = text.replace(/(\nimport type \{ ConnectorConfig \})/, `\n${IMPORT}$1`);
  await writeFile(path, text);
  const pkgPath = join(project, 'package.json');
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies['left-pad'] = '^1.3.0';
  await writeFile(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
}

/** Asserts every edit of editProject survived. */
export async function assertEditsIntact(project: string): Promise<void> {
  const text = await readFile(join(project, 'src/connector.ts'), 'utf8');
  for (const edit of [EDITED_CREATE, EDITED_UPDATE, HELPER, IMPORT])
    assert.ok(text.includes(edit), `lost ${edit} in\n${text}`);
  assert.ok((await readFile(join(project, 'package.json'), 'utf8')).includes(DEPENDENCY));
}

/** The generated project reuses the repository's node_modules (the SDK and tester are workspaces there). */
export async function linkNodeModules(project: string): Promise<void> {
  await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
}

/**
 * The project's processes run without c8's coverage: theirs of the SDK, reached through the
 * project's node_modules link, would be merged with the tests' own and corrupt it. Node copies
 * NODE_V8_COVERAGE into a child's env when the key is absent, so it is set empty, not left out.
 */
const PROJECT_ENV = {
  ...process.env,
  NODE_V8_COVERAGE: '',
  NODE_OPTIONS: '--conditions=scim-connector-source',
};

function run(project: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, {
    cwd: project,
    encoding: 'utf8',
    timeout: 120_000,
    env: PROJECT_ENV,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `tsc -p tsconfig.json` in the project. */
export function typeCheck(project: string): void {
  const { status, output } = run(project, [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.json',
  ]);
  assert.equal(status, 0, output);
}

/** The project's own tests (its .mocharc.json). */
export function projectTests(project: string): void {
  const { status, output } = run(project, [
    join(ROOT, 'node_modules/mocha/bin/mocha.js'),
    '--reporter',
    'dot',
  ]);
  assert.equal(status, 0, output);
}

/** The HTTP status of `PUT /scim/v2/Users/nobody` against the project's server. */
export function putUserStatus(project: string): number {
  const probe = `
import { createServer } from './src/server.ts';
import { readConfig } from './src/generated/config.ts';
const server = await createServer({ ...readConfig({ HOST: '127.0.0.1', PORT: '0', SCIM_BEARER_TOKEN: 't', LOG_LEVEL: 'silent', STORE: 'memory' }), tls: undefined });
const url = await server.listen();
const response = await fetch(url + '/scim/v2/Users/nobody', {
  method: 'PUT',
  headers: { authorization: 'Bearer t', 'content-type': 'application/scim+json' },
  body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'nobody' }),
});
console.log('STATUS', response.status);
await server.close();
`;
  const { status, output } = run(project, ['--import', 'tsx', '--input-type=module', '-e', probe]);
  assert.equal(status, 0, output);
  const found = /STATUS (\d+)/.exec(output);
  assert.ok(found, output);
  return Number(found[1]);
}
