// The example's (generated) README, followed as written: npm run cert, npm start with the printed variables, the tester with --ca.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXAMPLE_DIR,
  runCertCommand,
  runTester,
  startExample,
  type RunningExample,
} from './example-process.js';

/** The README's ```sh lines, in order. */
async function shellLines(): Promise<string[]> {
  const readme = await readFile(join(EXAMPLE_DIR, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((block) =>
    (block[1] ?? '').split('\n').filter((line) => line.trim() !== ''),
  );
}

/** The one README line that starts with `prefix`. */
function lineStarting(lines: string[], prefix: string | RegExp): string {
  const found = lines.filter((line) =>
    typeof prefix === 'string' ? line.startsWith(prefix) : prefix.test(line),
  );
  assert.equal(found.length, 1, `one README line starting ${String(prefix)}: ${JSON.stringify(found)}`);
  return found[0] as string;
}

describe("the example's README, step by step (HTTPS)", function () {
  this.timeout(120_000);
  let dir: string;
  let example: RunningExample | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-readme-'));
  });
  after(async () => {
    await example?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a certificate, serves HTTPS with the printed variables and passes the tester trusting only it', async () => {
    const lines = await shellLines();

    // `npm run cert -- --host connector.example.com`, for this machine's loopback name and into the temp folder.
    const certLine = lineStarting(lines, 'npm run cert -- ');
    const certArgs = certLine.slice('npm run cert -- '.length).split(/\s+/);
    assert.equal(certArgs[0], '--host');
    const cert = await runCertCommand([
      '--host',
      '127.0.0.1',
      ...certArgs.slice(2),
      '--out',
      join(dir, 'tls'),
    ]);
    assert.match(cert.printed, /keytool -import -file \S+cert\.pem/, 'the trust-store line for the agent');

    // `HOST=… SCIM_BEARER_TOKEN=<…> TLS_KEY_FILE=tls/key.pem TLS_CERT_FILE=tls/cert.pem npm start`.
    const startLine = lineStarting(lines, /^(\w+=(<[^>]*>|\S+) )+npm start$/);
    const readmeEnv = Object.fromEntries(
      startLine
        .replace(/<[^>]*>/g, (placeholder) => placeholder.replace(/\s/g, '_'))
        .split(/\s+/)
        .slice(0, -2)
        .map((pair) => pair.split('=', 2) as [string, string]),
    );
    // The README's TLS variables are the ones the cert command prints, files of the same names.
    assert.deepEqual(Object.keys(cert.pem).sort(), ['TLS_CERT_FILE', 'TLS_KEY_FILE']);
    for (const [name, printed] of Object.entries(cert.pem)) {
      assert.ok(
        printed.endsWith(`/${readmeEnv[name]}`),
        `${name}: README ${readmeEnv[name]}, printed ${printed}`,
      );
    }
    const token = randomBytes(24).toString('base64url');
    // Tests listen on loopback only: HOST=0.0.0.0 becomes 127.0.0.1; the placeholder becomes a random token.
    assert.equal(readmeEnv['HOST'], '0.0.0.0');
    example = await startExample({ ...readmeEnv, HOST: '127.0.0.1', SCIM_BEARER_TOKEN: token, ...cert.pem });
    assert.match(example.origin, /^https:\/\/127\.0\.0\.1:\d+$/);

    // `npx scim-connector-tester run --url https://connector.example.com:8080/scim/v2 --token <token> --ca tls/cert.pem`.
    const testerLine = lineStarting(lines, /^npx scim-connector-tester run .*--ca /);
    assert.ok(!testerLine.includes('--insecure'));
    const testerArgs = testerLine
      .slice('npx scim-connector-tester run '.length)
      .replace(/https:\/\/[^/\s]+/, example.origin)
      .replace('<token>', token)
      .replace('tls/cert.pem', cert.certFile)
      .split(/\s+/);
    for (const [scim, path] of [
      ['2.0', '/scim/v2'],
      ['1.1', '/scim/v1'],
    ] as const) {
      const args = testerArgs.map((arg) => arg.replace(/\/scim\/v2$/, path));
      const tester = await runTester([...args, '--scim', scim]);
      assert.deepEqual(tester.notPassed, [], tester.output);
      assert.equal(tester.code, 0, tester.output);
      assert.ok(tester.steps >= 20, `only ${tester.steps} steps ran over SCIM ${scim}`);
    }
    assert.ok(!example.output().includes(token), 'the token is never logged');
  });
});
