// Pins `scim-connector-sdk cert`: the files it writes, the commands and TLS_* variables it prints, and its exit codes.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSecureContext } from 'node:tls';
import { runCli } from '../src/cli/run-cli.js';
import { readTlsOptionsFromEnv } from '../src/tls/tls-options.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** Runs a printed `NAME=value NAME=value` line in a shell and reads the variables back, as a user pasting it would. */
function shellVariables(line: string, names: string[]): Record<string, string> {
  const script = `${line}\n${names.map((name) => `printf '%s\\0' "$${name}"`).join('\n')}`;
  const values = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0');
  return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
}

describe('scim-connector-sdk cert', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cert command '));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the files and prints the keytool line and working TLS_* variables, never the passphrase', async () => {
    const out = join(dir, 'tls');
    const { code, stdout, stderr } = await cli([
      'cert',
      '--host',
      'scim.example.com',
      '--host',
      '10.0.0.5',
      '--out',
      out,
      '--days',
      '90',
    ]);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.deepEqual((await readdir(out)).sort(), [
      'cert.pem',
      'key.pem',
      'keystore-passphrase.txt',
      'keystore.p12',
    ]);
    for (const file of ['key.pem', 'keystore.p12', 'keystore-passphrase.txt']) {
      assert.equal((await stat(join(out, file))).mode & 0o777, 0o600, file);
    }
    const cert = new X509Certificate(await readFile(join(out, 'cert.pem')));
    assert.equal(cert.subjectAltName, 'DNS:scim.example.com, IP Address:10.0.0.5');
    assert.ok(Math.abs((Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000 - 90) < 1);

    const passphrase = (await readFile(join(out, 'keystore-passphrase.txt'), 'utf8')).trim();
    assert.ok(!stdout.includes(passphrase), 'the generated passphrase is not printed');
    assert.match(stdout, /valid 90 days/);
    assert.ok(
      stdout.includes(
        `  /opt/OktaProvisioningAgent/jre/bin/keytool -import -file '${join(out, 'cert.pem')}' -alias scim-connector-scim.example.com ` +
          '-keystore /opt/OktaProvisioningAgent/jre/lib/security/cacerts\n',
      ),
      stdout,
    );

    const lines = stdout.split('\n').map((line) => line.trim());
    const pemLine = lines.find((line) => line.startsWith('TLS_KEY_FILE='));
    const pfxLine = lines.find((line) => line.startsWith('TLS_PFX_FILE='));
    assert.ok(pemLine !== undefined && pfxLine !== undefined, stdout);
    const pem = shellVariables(pemLine, ['TLS_KEY_FILE', 'TLS_CERT_FILE']);
    assert.deepEqual(pem, { TLS_KEY_FILE: join(out, 'key.pem'), TLS_CERT_FILE: join(out, 'cert.pem') });
    assert.ok(readTlsOptionsFromEnv(pem) !== undefined);
    const pfx = shellVariables(pfxLine, ['TLS_PFX_FILE', 'TLS_PFX_PASSPHRASE']);
    assert.deepEqual(pfx, { TLS_PFX_FILE: join(out, 'keystore.p12'), TLS_PFX_PASSPHRASE: passphrase });
    assert.ok(readTlsOptionsFromEnv(pfx) !== undefined);
  });

  it('uses a chosen passphrase without printing it or saving it', async () => {
    const { code, stdout } = await cli([
      'cert',
      '--host',
      'localhost',
      '--out',
      dir,
      '--passphrase',
      'chosen-secret',
    ]);
    assert.equal(code, 0);
    assert.ok(!stdout.includes('chosen-secret'));
    assert.match(stdout, /TLS_PFX_PASSPHRASE='<the --passphrase you gave>'/);
    assert.deepEqual((await readdir(dir)).sort(), ['cert.pem', 'key.pem', 'keystore.p12']);
    assert.doesNotThrow(() =>
      createSecureContext({ pfx: readFileSync(join(dir, 'keystore.p12')), passphrase: 'chosen-secret' }),
    );
  });

  it('refuses to replace existing files without --force (exit 1, one line), and replaces them with it', async () => {
    assert.equal((await cli(['cert', '--host', 'localhost', '--out', dir])).code, 0);
    const before = await readFile(join(dir, 'key.pem'), 'utf8');
    const refused = await cli(['cert', '--host', 'localhost', '--out', dir]);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      `error: ${join(dir, 'key.pem')} already exists: remove it, choose another --out, or add --force to replace it\n`,
    );
    assert.equal(await readFile(join(dir, 'key.pem'), 'utf8'), before);
    const forced = await cli(['cert', '--host', 'localhost', '--out', dir, '--force', '--passphrase', 'p']);
    assert.equal(forced.code, 0);
    assert.notEqual(await readFile(join(dir, 'key.pem'), 'utf8'), before);
    assert.deepEqual(
      (await readdir(dir)).sort(),
      ['cert.pem', 'key.pem', 'keystore.p12'],
      'the stale passphrase file is gone',
    );
  });

  const badArguments: [string, string[], RegExp][] = [
    ['no --host', ['cert', '--out', 'x'], /^error: required option '--host <name-or-ip>' not specified$/],
    ['no --out', ['cert', '--host', 'localhost'], /^error: required option '--out <dir>' not specified$/],
    [
      'a bad host',
      ['cert', '--host', 'not a host', '--out', 'x'],
      /^error: option '--host <name-or-ip>' argument 'not a host' is invalid\. give a DNS name/,
    ],
    [
      'days that are not a number',
      ['cert', '--host', 'localhost', '--out', 'x', '--days', 'ten'],
      /argument 'ten' is invalid\. give a whole number of days from 1 to 36500$/,
    ],
    ['zero days', ['cert', '--host', 'localhost', '--out', 'x', '--days', '0'], /argument '0' is invalid/],
    [
      'an unknown option',
      ['cert', '--host', 'localhost', '--out', 'x', '--colour'],
      /^error: unknown option '--colour'$/,
    ],
    [
      'an extra argument',
      ['cert', '--host', 'localhost', '--out', 'x', 'extra'],
      /^error: too many arguments for 'cert'/,
    ],
    ['an unknown command', ['certificate'], /^error: unknown command 'certificate'/],
  ];
  for (const [name, args, message] of badArguments) {
    it(`answers ${name} with one line and exit code 2, writing nothing`, async () => {
      const { code, stdout, stderr } = await cli(args.map((arg) => (arg === 'x' ? join(dir, 'out') : arg)));
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      assert.match(stderr.trimEnd(), message);
      assert.deepEqual(await readdir(dir), []);
    });
  }

  it('explains itself with --help (exit 0) and knows its version', async () => {
    const help = await cli(['cert', '--help']);
    assert.equal(help.code, 0);
    for (const text of [
      '--host <name-or-ip>',
      '--out <dir>',
      '--days <n>',
      '--passphrase <p>',
      '--force',
      'Examples:',
      'TLS_PFX_PASSPHRASE',
    ]) {
      assert.ok(help.stdout.includes(text), text);
    }
    const version = await cli(['--version']);
    const manifest = JSON.parse(await readFile(join(root, 'sdk', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.deepEqual(version, { code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    const bare = await cli([]);
    assert.equal(bare.code, 2, 'no command is a usage error');
    assert.match(bare.stderr, /Usage: scim-connector-sdk/);
  });

  it('runs as an executable: shebang, exit code 0 on success and 2 on bad arguments', async () => {
    assert.equal((await readFile(main, 'utf8')).split('\n')[0], '#!/usr/bin/env node');
    // The child's own coverage is left out: c8 merges a second tsx transpilation of the same files wrongly.
    // (Node puts NODE_V8_COVERAGE back into a child's env unless the env names it, so it is set empty.)
    const env = { ...process.env, NODE_V8_COVERAGE: '' };
    const run = (args: string[]): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root, env, encoding: 'utf8' });
    const ok = run(['cert', '--host', '127.0.0.1', '--out', join(dir, 'bin')]);
    assert.equal(ok.status, 0, String(ok.stderr));
    assert.match(String(ok.stdout), /TLS_KEY_FILE=/);
    const bad = run(['cert', '--host', '127.0.0.1']);
    assert.equal(bad.status, 2);
    assert.equal(String(bad.stderr), "error: required option '--out <dir>' not specified\n");
  });
});
