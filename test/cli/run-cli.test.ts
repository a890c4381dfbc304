// The scim-connector command line over the real core: validate, generate, dry run, refusals and regeneration.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { CORE } from '../../src/shell/core.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';

const SPEC = `name: cli-test
description: CLI test connector
capabilities: [PUSH_NEW_USERS]
scim: { versions: ['2.0'] }
backend: none
server: { auth: none }
`;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s) };
  const code = await runCli(argv, { core: CORE, root: GENERATOR_ROOT, version: '9.8.7', io });
  return { code, out, err };
}

/** Every file under `dir` with its bytes and mtime. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, `${(await stat(path)).mtimeMs} ${(await readFile(path)).toString('base64')}`);
  }
  return out;
}

describe('scim-connector (CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  let spec: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-'));
    spec = join(dir, 'connector.yaml');
    await writeFile(spec, SPEC);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  for (const argv of [['--version'], ['generate', '--version'], ['validate', '--version']]) {
    it(`prints the version: ${argv.join(' ')}`, async () => {
      assert.deepEqual(await cli(...argv), { code: 0, out: '9.8.7\n', err: '' });
    });
  }

  const helps: [string[], RegExp][] = [
    [['--help'], /Usage: scim-connector \[options\] \[command\][\s\S]*generate[\s\S]*validate/],
    [
      ['generate', '--help'],
      /Usage: scim-connector generate \[options\] <spec>[\s\S]*--out <dir>[\s\S]*--dry-run[\s\S]*--force[\s\S]*--packages <source>/,
    ],
    [['validate', '--help'], /Usage: scim-connector validate \[options\] <spec>/],
  ];
  for (const [argv, want] of helps) {
    it(`prints help: ${argv.join(' ')}`, async () => {
      const { code, out } = await cli(...argv);
      assert.equal(code, 0);
      assert.match(out, want);
    });
  }

  it('validate: ok for a good spec', async () => {
    const { code, out } = await cli('validate', spec);
    assert.equal(code, 0);
    assert.equal(out, `${spec}: ok (cli-test: PUSH_NEW_USERS)\n`);
  });

  it('validate and generate: problems as file:line:col, exit 1, nothing written', async () => {
    await writeFile(spec, SPEC.replace('backend: none', 'backend: none\ncapabilites: [GROUP_PUSH]'));
    const out = join(dir, 'out');
    for (const argv of [
      ['validate', spec],
      ['generate', spec, '--out', out],
    ]) {
      const result = await cli(...argv);
      assert.equal(result.code, 1);
      assert.match(
        result.err,
        new RegExp(`^${spec.replace(/[.]/g, '\\.')}:6:1: .*capabilites.*capabilities`, 'm'),
      );
    }
    assert.equal(existsSync(out), false);
  });

  it('generate: a missing spec is a located problem', async () => {
    const { code, err } = await cli('generate', join(dir, 'nope.yaml'), '--out', join(dir, 'out'));
    assert.equal(code, 1);
    assert.match(err, /nope\.yaml:1:1: /);
  });

  it('generate: a usage error names the missing --out', async () => {
    const { code, err } = await cli('generate', spec);
    assert.equal(code, 1);
    assert.match(err, /required option '-o, --out <dir>' not specified/);
  });

  it('generate: writes the project and ends with the summary', async () => {
    const out = join(dir, 'project');
    const { code, out: printed } = await cli('generate', spec, '--out', out, '--packages', 'registry');
    assert.equal(code, 0, printed);
    const lines = printed.trimEnd().split('\n');
    assert.match(
      lines.at(-6) ?? '',
      /^wrote \d+ file\(s\) in .*project \(\d+ new, 0 rewritten, 0 unchanged\)$/,
    );
    assert.equal(lines.at(-5), 'methods left to write in src/connector.ts: createUser, getUsers');
    assert.deepEqual(lines.slice(-4, -3), ['next:']);
    assert.match(lines.at(-3) ?? '', /^ {2}cd .*project$/);
    assert.deepEqual(lines.slice(-2), ['  npm install', '  npm test']);
    for (const file of [
      'connector.yaml',
      'package.json',
      'src/connector.ts',
      '.scim-connector/manifest.json',
    ]) {
      assert.ok(existsSync(join(out, file)), file);
    }
    const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    assert.equal(pkg.dependencies['scim-connector-sdk'], '^0.1.0');
  });

  it('generate again from an unchanged spec: no byte and no mtime changes', async () => {
    const out = join(dir, 'project');
    assert.equal((await cli('generate', spec, '--out', out, '--packages', 'registry')).code, 0);
    const before = await snapshot(out);
    const again = await cli('generate', spec, '--out', out, '--packages', 'registry');
    assert.equal(again.code, 0);
    assert.match(again.out, /wrote 0 file\(s\) in .* \(0 new, 0 rewritten, \d+ unchanged\)/);
    assert.deepEqual(await snapshot(out), before);
  });

  it('--dry-run prints each file with its action and writes nothing', async () => {
    const out = join(dir, 'project');
    const { code, out: printed } = await cli(
      'generate',
      spec,
      '--out',
      out,
      '--packages',
      'registry',
      '--dry-run',
    );
    assert.equal(code, 0);
    assert.match(printed, /^create {4}src\/connector\.ts$/m);
    assert.match(printed, /^would write \d+ file\(s\)/m);
    assert.equal(existsSync(out), false);
  });

  it('refuses a non-empty folder without a generated project, unless --force', async () => {
    const out = join(dir, 'project');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const refused = await cli('generate', spec, '--out', out, '--packages', 'registry');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /is not empty and holds no generated project .*nothing written/);
    assert.deepEqual(await readdir(out), ['notes.txt']);
    const forced = await cli('generate', spec, '--out', out, '--packages', 'registry', '--force');
    assert.equal(forced.code, 0);
    assert.equal(await readFile(join(out, 'notes.txt'), 'utf8'), 'mine');
    assert.ok(existsSync(join(out, 'src/connector.ts')));
  });

  it('generates into the folder that holds only its spec and a .git folder', async () => {
    await mkdir(join(dir, '.git'));
    const { code, out } = await cli('generate', spec, '--out', dir, '--packages', 'registry');
    assert.equal(code, 0, out);
    assert.equal(await readFile(spec, 'utf8'), SPEC);
    assert.ok(existsSync(join(dir, 'src/connector.ts')));
  });

  it('keeps an edited server.ts and lists it; --bail stops instead, --force replaces it', async () => {
    const out = join(dir, 'project');
    assert.equal((await cli('generate', spec, '--out', out, '--packages', 'registry')).code, 0);
    const server = join(out, 'src/server.ts');
    const generated = await readFile(server, 'utf8');
    await writeFile(server, `${generated}// mine\n`);
    await writeFile(spec, SPEC.replace('description: CLI test connector', 'description: Changed'));
    const before = await snapshot(out);
    const bailed = await cli('generate', spec, '--out', out, '--packages', 'registry', '--bail');
    assert.equal(bailed.code, 1);
    assert.match(
      bailed.err,
      /Stopped before writing anything[\s\S]*\n {2}src\/server\.ts \(edited since the generator wrote it\)\n/,
    );
    assert.deepEqual(await snapshot(out), before);
    const dry = await cli('generate', spec, '--out', out, '--packages', 'registry', '--dry-run');
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^keep {6}src\/server\.ts \(edited since the generator wrote it\)$/m);
    assert.match(dry.out, /^rewrite {3}package\.json$/m);
    assert.deepEqual(await snapshot(out), before);
    const kept = await cli('generate', spec, '--out', out, '--packages', 'registry');
    assert.equal(kept.code, 0, kept.err);
    assert.equal(
      kept.out.split('\nwrote')[0],
      dry.out.split('\nwould write')[0],
      'a real run reports its dry run',
    );
    assert.equal(await readFile(server, 'utf8'), `${generated}// mine\n`);
    const forced = await cli('generate', spec, '--out', out, '--packages', 'registry', '--force');
    assert.equal(forced.code, 0, forced.err);
    assert.equal(await readFile(server, 'utf8'), generated);
  });

  it('writes nothing when src/connector.ts cannot be merged', async () => {
    const out = join(dir, 'project');
    assert.equal((await cli('generate', spec, '--out', out, '--packages', 'registry')).code, 0);
    await writeFile(join(out, 'src/connector.ts'), 'export class Connector {\n  async getUser( {\n');
    await writeFile(spec, SPEC.replace('description: CLI test connector', 'description: Changed'));
    const before = await snapshot(out);
    const { code, err } = await cli('generate', spec, '--out', out, '--packages', 'registry');
    assert.equal(code, 1);
    assert.match(err, /src\/connector\.ts does not parse \(\d+:\d+: /);
    assert.deepEqual(await snapshot(out), before);
  });

  it('rewrites an edited generated-zone file and an unedited merged file after a spec change', async () => {
    const out = join(dir, 'project');
    assert.equal((await cli('generate', spec, '--out', out, '--packages', 'registry')).code, 0);
    const config = join(out, 'src/generated/config.ts');
    await writeFile(config, '// edited\n');
    await writeFile(spec, SPEC.replace('description: CLI test connector', 'description: Changed'));
    const { code, out: printed } = await cli('generate', spec, '--out', out, '--packages', 'registry');
    assert.equal(code, 0, printed);
    const fresh = join(dir, 'fresh');
    assert.equal((await cli('generate', spec, '--out', fresh, '--packages', 'registry')).code, 0);
    assert.equal(
      await readFile(config, 'utf8'),
      await readFile(join(fresh, 'src/generated/config.ts'), 'utf8'),
    );
    assert.match(await readFile(join(out, 'package.json'), 'utf8'), /"description": "Changed"/);
  });
});

/**
 * The compiled CLI runs without c8's NODE_V8_COVERAGE: its coverage of the SDK's dist/, mapped back
 * to the sources, would be merged with the tests' coverage of those sources and corrupt it. Empty,
 * not absent: Node copies the parent's NODE_V8_COVERAGE into a child whose env lacks the key.
 */
const COMPILED_ENV = { ...process.env, NODE_V8_COVERAGE: '' };

describe('bin/scim-connector.js', function () {
  this.timeout(30_000);
  const run = (script: string, ...args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>((done) =>
      execFile(process.execPath, [script, ...args], { env: COMPILED_ENV }, (error, out, err) =>
        done({ code: error ? Number(error.code) : 0, out, err }),
      ),
    );

  it('runs the compiled CLI', async function () {
    if (!existsSync(join(GENERATOR_ROOT, 'dist/cli/main.js')))
      throw new Error('dist/ is missing: run npm run build first');
    const { version } = JSON.parse(await readFile(join(GENERATOR_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.deepEqual(await run(join(GENERATOR_ROOT, 'bin/scim-connector.js'), '--version'), {
      code: 0,
      out: `${version}\n`,
      err: '',
    });
  });

  it('says what to do when dist/ is missing', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'bin-'));
    await mkdir(join(copy, 'bin'));
    await writeFile(
      join(copy, 'bin/scim-connector.js'),
      await readFile(join(GENERATOR_ROOT, 'bin/scim-connector.js')),
    );
    await writeFile(join(copy, 'package.json'), '{"type":"module"}');
    const { code, err } = await run(join(copy, 'bin/scim-connector.js'), '--version');
    await rm(copy, { recursive: true, force: true });
    assert.equal(code, 1);
    assert.match(err, /dist\/cli\/main\.js is missing: run `npm run build` in /);
  });
});
