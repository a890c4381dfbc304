// A project generated OUTSIDE the repository: npm install, typecheck and test pass with stubs pending; filling PUSH_NEW_USERS turns its scenarios green.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Project } from 'ts-morph';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';

const SPEC = `name: outside-connector
description: Generated outside the repository by the integration test
capabilities: [PUSH_NEW_USERS, GROUP_PUSH]
scim: { versions: ['2.0', '1.1'] }
backend: none
server: { auth: bearer }
`;

/** The PUSH_NEW_USERS steps of the tester's scenario (tester/src/scenarios/catalogue.ts). */
const PUSH_NEW_USERS_STEPS = [
  'checkUserExists',
  'createNewUser',
  'check: 409 on a duplicate userName',
  'check: case-insensitive userName lookup',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; npm's own variables from an enclosing `npm run` are left out. */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function ok(result: Run, what: string): void {
  assert.equal(result.code, 0, `${what} failed:\n${result.stdout}\n${result.stderr}`);
}

interface MochaTest {
  title: string;
  fullTitle: string;
}
interface MochaReport {
  stats: { passes: number; pending: number; failures: number };
  passes: MochaTest[];
  pending: MochaTest[];
  failures: (MochaTest & { err: { message?: string } })[];
}

/** `npm test` with mocha's JSON reporter written to a file (the server's logs keep stdout). */
async function npmTest(project: string, name: string): Promise<MochaReport> {
  const output = join(project, `${name}.json`);
  ok(
    await run('npm', ['test', '--', '--reporter', 'json', '--reporter-option', `output=${output}`], project),
    `npm test (${name})`,
  );
  return JSON.parse(await readFile(output, 'utf8')) as MochaReport;
}

/** Where each PUSH_NEW_USERS step stands in every suite: `passed` or `pending`. */
function pushNewUsersSteps(report: MochaReport): string[] {
  const states = [
    ...report.passes.map((t) => ['passed', t] as const),
    ...report.pending.map((t) => ['pending', t] as const),
    ...report.failures.map((t) => ['failed', t] as const),
  ];
  return states
    .filter(([, t]) =>
      PUSH_NEW_USERS_STEPS.some((step) => t.title === step || t.title.startsWith(`${step} (`)),
    )
    .map(([state, t]) => `${state}: ${t.fullTitle.replace(/ \((pending|skipped):[\s\S]*$/, '')}`)
    .sort();
}

/** The test's own implementation of createUser and getUsers over a Map, written into src/connector.ts. */
async function fillPushNewUsers(project: string): Promise<void> {
  const file = join(project, 'src/connector.ts');
  const source = new Project({ skipAddingFilesFromTsConfig: true }).addSourceFileAtPath(file);
  const connector = source.getClassOrThrow('Connector');
  const create = connector.getMethodOrThrow('createUser');
  const [user] = create.getParameters().map((p) => p.getName());
  create.setBodyText(
    [
      `const name = String(${user}.userName).toLowerCase();`,
      'const taken = [...USERS.values()].some((u) => String(u.userName).toLowerCase() === name);',
      `if (taken) throw new ConflictError(\`userName \${${user}.userName} is taken\`);`,
      `const stored = { ...${user}, id: randomUUID() };`,
      'USERS.set(stored.id, stored);',
      'return stored;',
    ].join('\n'),
  );
  const list = connector.getMethodOrThrow('getUsers');
  const [query] = list.getParameters().map((p) => p.getName());
  list.setBodyText(
    `return applyListQuery(USERS.values(), ${query}, createSchemaRegistry(SCHEMA_OPTIONS).user);`,
  );
  source.addImportDeclarations([
    { moduleSpecifier: 'node:crypto', namedImports: ['randomUUID'] },
    {
      moduleSpecifier: 'scim-connector-sdk',
      namedImports: ['applyListQuery', 'ConflictError', 'createSchemaRegistry'],
    },
    { moduleSpecifier: './generated/schemas.js', namedImports: ['SCHEMA_OPTIONS'] },
  ]);
  source.addStatements('\nconst USERS = new Map<string, ConnectorUser>();');
  await source.save();
}

describe('a connector project generated outside the repository', function () {
  this.timeout(600_000);
  let dir: string;
  let project: string;
  /** The report of the freshly generated project's tests, compared with the one after the stubs are filled. */
  let stubs: MochaReport;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scim-connector-it-'));
    assert.ok(relative(GENERATOR_ROOT, dir).startsWith('..'), `${dir} must be outside ${GENERATOR_ROOT}`);
    project = join(dir, 'connector');
    await writeFile(join(dir, 'connector.yaml'), SPEC);
    const cli = join(GENERATOR_ROOT, 'bin/scim-connector.js');
    ok(
      await run(process.execPath, [cli, 'generate', join(dir, 'connector.yaml'), '--out', project], dir),
      'generate',
    );
    ok(await run('npm', ['install', '--no-audit', '--no-fund'], project), 'npm install');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('installs scim-connector-sdk and -tester from vendor/ only, the tester using the same SDK', async () => {
    const lock = JSON.parse(await readFile(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string; link?: boolean }>;
    };
    const ours = Object.entries(lock.packages)
      .filter(([path]) => /(^|\/)scim-connector-(sdk|tester)$/.test(path))
      .map(([path, entry]) => [path, entry.resolved]);
    assert.deepEqual(ours, [
      ['node_modules/scim-connector-sdk', 'file:vendor/scim-connector-sdk-0.1.0.tgz'],
      ['node_modules/scim-connector-tester', 'file:vendor/scim-connector-tester-0.1.0.tgz'],
    ]);
  });

  it('type-checks, and npm test passes with every stub pending, naming its method', async () => {
    ok(await run('npm', ['run', 'typecheck'], project), 'npm run typecheck');
    const report = (stubs = await npmTest(project, 'stubs'));
    assert.equal(report.stats.failures, 0);
    assert.ok(report.stats.passes > 0);
    assert.ok(
      report.pending.some((t) => /^createNewUser \(pending: not implemented: createUser\b/.test(t.title)),
    );
    assert.ok(
      report.pending.some((t) => /^createGroup \(pending: not implemented: createGroup\b/.test(t.title)),
    );
    assert.ok(pushNewUsersSteps(report).every((s) => s.startsWith('pending: ')));
  });

  it('turns the PUSH_NEW_USERS scenarios from pending to passing once createUser and getUsers are written', async () => {
    const before = pushNewUsersSteps(stubs);
    await fillPushNewUsers(project);
    ok(await run('npm', ['run', 'typecheck'], project), 'npm run typecheck (filled)');
    const report = await npmTest(project, 'filled');
    const after = pushNewUsersSteps(report);
    assert.equal(report.stats.failures, 0, JSON.stringify(report.failures, null, 2));
    assert.equal(before.length, 3 * PUSH_NEW_USERS_STEPS.length, before.join('\n'));
    assert.deepEqual(after, before.map((s) => s.replace(/^pending: /, 'passed: ')).sort());
    assert.ok(
      report.pending.some((t) => /^createGroup \(pending: not implemented: createGroup\b/.test(t.title)),
    );
  });
});
