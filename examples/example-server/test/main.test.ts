// The example connector as a user runs it: a real process configured by environment, played by the tester in both dialects.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSelfSignedCertificate } from 'scim-connector-sdk';
import { runScenarios, type RunReport } from 'scim-connector-tester';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TOKEN = 'example-test-token';

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the example server on a free port and resolves with its base URL once its start-up lines are out. */
function startExample(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--conditions=scim-connector-source', '--import', 'tsx', MAIN], {
    // No coverage from the child: c8 merges a second process's tsx output into wrong line counts.
    env: { ...process.env, NODE_V8_COVERAGE: '', PORT: '0', SCIM_BEARER_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /SCIM 2\.0: (\S+)\/scim\/v2/.exec(output);
      // The store's line comes last of the start-up lines.
      if (found?.[1] && output.includes('store: ')) resolve({ child, url: found[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`example server exited with ${code}:\n${output}`)));
  });
}

function stop(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.once('exit', (code) => resolve(code));
    running.child.kill('SIGTERM');
  });
}

function failures(report: RunReport): string[] {
  return report.steps
    .filter((s) => s.status !== 'pass')
    .map((s) => `${s.name}: ${s.status} ${s.message ?? ''}`);
}

describe('example server (real process)', function () {
  this.timeout(60_000);
  let running: Running;
  before(async () => {
    running = await startExample({});
  });
  after(async () => {
    if (running.child.exitCode === null) await stop(running);
  });

  for (const dialect of ['2.0', '1.1'] as const) {
    it(`passes the tester's whole Okta lifecycle over SCIM ${dialect}`, async () => {
      const base = `${running.url}/scim/v${dialect === '2.0' ? 2 : 1}`;
      const report = await runScenarios({ url: base, dialect, auth: { kind: 'bearer', token: TOKEN } });
      assert.deepEqual(failures(report), []);
      assert.equal(report.capabilities.length, 10, 'every capability discovered');
    });
  }

  it('serves the seed data and refuses a request without the token', async () => {
    const seeded = await fetch(`${running.url}/scim/v2/Users/101`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(seeded.status, 200);
    assert.equal(((await seeded.json()) as { userName: string }).userName, 'okta');
    const refused = await fetch(`${running.url}/scim/v2/Users/101`);
    assert.equal(refused.status, 401);
  });

  it('says its store once listening', () => {
    assert.match(running.output(), /store: memory/);
  });

  it('never logs the token or a password', () => {
    assert.ok(running.output().includes('request completed'), 'requests are logged');
    assert.ok(!running.output().includes(TOKEN));
    assert.ok(!running.output().includes('inSecure'), 'seed password');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    assert.equal(await stop(running), 0);
    assert.match(running.output(), /server closed/);
  });
});

describe('example server over HTTPS (real process)', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-tls-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('serves HTTPS from the PKCS#12 keystore the cert command makes; the tester trusts only that certificate', async () => {
    const cert = await createSelfSignedCertificate({ hosts: ['127.0.0.1'], outDir: dir });
    const files = cert.files;
    assert.ok(files);
    const running = await startExample({ TLS_PFX_FILE: files.pfx, TLS_PFX_PASSPHRASE: cert.passphrase });
    try {
      assert.match(running.url, /^https:/);
      const report = await runScenarios({
        url: `${running.url}/scim/v1`,
        dialect: '1.1',
        auth: { kind: 'bearer', token: TOKEN },
        ca: cert.certPem,
      });
      assert.deepEqual(failures(report), []);
      assert.ok(!running.output().includes(cert.passphrase), 'the passphrase is not logged');
    } finally {
      await stop(running);
    }
  });
});

describe('example server with STORE=file (real process)', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-store-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps a created user across a restart', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' };
    const first = await startExample({ STORE: 'file', STORE_DIR: dir });
    assert.ok(first.output().includes(`store: file, in ${dir}`), first.output());
    const created = await fetch(`${first.url}/scim/v2/Users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'kept@example.com',
      }),
    });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    assert.equal(await stop(first), 0);

    const second = await startExample({ STORE: 'file', STORE_DIR: dir });
    try {
      const read = await fetch(`${second.url}/scim/v2/Users/${id}`, { headers });
      assert.equal(read.status, 200);
      const seed = await fetch(`${second.url}/scim/v1/Users/102`, { headers });
      assert.equal(seed.status, 200, 'the seed is there too');
    } finally {
      await stop(second);
    }
  });

  it('refuses to start on a public address without a token, saying what to set', async () => {
    await assert.rejects(startExample({ HOST: '0.0.0.0', SCIM_BEARER_TOKEN: '' }), /set SCIM_BEARER_TOKEN/);
  });
});
