// The generated example in its own process (npm start), memory and file store, HTTP and HTTPS, played by the tester CLI.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  runCertCommand,
  runTester,
  startExample,
  type Certificate,
  type RunningExample,
} from './example-process.js';

const TOKEN = 'example-tester-token';

/** Each dialect at its base path, with the clients that speak it (Entra ID speaks SCIM 2.0 only). */
const RUNS: [scim: '2.0' | '1.1', profile: 'okta' | 'entra', basePath: string][] = [
  ['2.0', 'okta', '/scim/v2'],
  ['2.0', 'entra', '/scim/v2'],
  ['1.1', 'okta', '/scim/v1'],
];

describe('the generated example under the tester CLI (separate processes)', function () {
  this.timeout(120_000);
  let dir: string;
  let cert: Certificate;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-tester-'));
    cert = await runCertCommand(['--host', '127.0.0.1', '--out', join(dir, 'tls')]);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const servers: [store: 'memory' | 'file', transport: 'http' | 'https'][] = [
    ['memory', 'http'],
    ['file', 'http'],
    ['memory', 'https'],
    ['file', 'https'],
  ];
  for (const [store, transport] of servers) {
    describe(`STORE=${store} over ${transport}`, () => {
      let example: RunningExample;
      before(async () => {
        example = await startExample({
          SCIM_BEARER_TOKEN: TOKEN,
          STORE: store,
          STORE_DIR: join(dir, `store-${transport}`),
          ...(transport === 'https' ? cert.pem : {}),
        });
      });
      after(async () => {
        await example.stop();
        assert.match(example.output(), /server closed/, 'a graceful shutdown');
      });

      it(`listens on ${transport} and says each URL once, the auth and the store`, () => {
        assert.ok(example.origin.startsWith(`${transport}://127.0.0.1:`), example.origin);
        const output = example.output();
        for (const line of [`SCIM 2.0: ${example.origin}/scim/v2`, `: ${example.origin}/scim/v1`]) {
          assert.equal(output.split(line).length - 1, 1, `"${line}" once in:\n${output}`);
        }
        assert.match(output, /auth: bearer \(1 token\)/);
        const storeLine =
          store === 'file' ? `store: file, in ${join(dir, `store-${transport}`)}` : 'store: memory';
        assert.ok(output.includes(storeLine), output);
      });

      for (const [scim, profile, basePath] of RUNS) {
        it(`passes every scenario over SCIM ${scim} at ${basePath} played as ${profile}`, async () => {
          const tester = await runTester([
            '--url',
            `${example.origin}${basePath}`,
            '--scim',
            scim,
            '--profile',
            profile,
            '--token',
            TOKEN,
            ...(transport === 'https' ? ['--ca', cert.certFile] : []),
          ]);
          assert.deepEqual(tester.notPassed, [], tester.output);
          assert.equal(tester.code, 0, tester.output);
          assert.ok(tester.steps >= 20, `only ${tester.steps} steps ran`);
        });
      }

      it('never logs the token', () => {
        assert.ok(example.output().includes('request completed'), 'requests are logged');
        assert.ok(!example.output().includes(TOKEN));
      });
    });
  }
});
