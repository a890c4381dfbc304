// Every tester method and `run` against the SDK's own server over a MemoryStore: SCIM 2.0 (okta, entra), 1.1, HTTP and HTTPS.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/program.js';
import type { TesterOptions } from '../src/context.js';
import { runMethod, runScenarios } from '../src/run.js';
import type { RunReport } from '../src/run.js';
import { TESTER_METHODS } from '../src/tester-method.js';
import { CAPABILITIES, NotImplementedError } from 'scim-connector-sdk';
import { SDK_TOKEN, startSdkServer } from './support/sdk-server.js';
import type { RunningSdkServer } from './support/sdk-server.js';

function notPassed(report: RunReport): string[] {
  return report.steps
    .filter((s) => s.status !== 'pass')
    .map((s) => `${s.name}: ${s.status} ${s.message ?? ''}`);
}

const speakers: { dialect: '2.0' | '1.1'; profile: 'okta' | 'entra'; path: string }[] = [
  { dialect: '2.0', profile: 'okta', path: '/scim/v2' },
  { dialect: '2.0', profile: 'entra', path: '/scim/v2' },
  { dialect: '1.1', profile: 'okta', path: '/scim/v1' },
];

for (const tls of [false, true]) {
  describe(`the tester against the SDK server over a MemoryStore (${tls ? 'HTTPS, trusting the certificate with --ca' : 'HTTP'})`, () => {
    let sdk: RunningSdkServer;
    before(async () => {
      sdk = await startSdkServer({ tls });
    });
    after(() => sdk.server.close());

    for (const { dialect, profile, path } of speakers) {
      const options = (): TesterOptions => ({
        url: `${sdk.origin}${path}`,
        dialect,
        profile,
        auth: { kind: 'bearer', token: SDK_TOKEN },
        ...(sdk.ca ? { ca: sdk.ca } : {}),
      });
      it(`run discovers every capability and passes every step (SCIM ${dialect}, ${profile})`, async () => {
        const report = await runScenarios(options());
        assert.deepEqual(notPassed(report), []);
        assert.equal(report.capabilities.length, 10);
        assert.ok(report.steps.length >= 20);
        assert.ok(
          report.cleanup.every((c) => c.outcome === (profile === 'entra' ? 'deleted' : 'deactivated')),
          JSON.stringify(report.cleanup),
        );
      });
      for (const method of TESTER_METHODS) {
        it(`--method ${method} passes (SCIM ${dialect}, ${profile})`, async () => {
          const report = await runMethod(method, options());
          assert.deepEqual(notPassed(report), []);
          assert.equal(report.steps.length, 1);
        });
      }
    }

    if (tls) {
      it('the CLI trusts the certificate given with --ca <pem file>', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'sct-ca-'));
        try {
          const pem = join(dir, 'cert.pem');
          await writeFile(pem, sdk.ca ?? '');
          let out = '';
          const argv = [
            'run',
            '--url',
            `${sdk.origin}/scim/v2`,
            '--token',
            SDK_TOKEN,
            '--ca',
            pem,
            '--capabilities',
            'PUSH_NEW_USERS',
          ];
          const code = await main(argv, { out: (text) => (out += text), err: (text) => (out += text) });
          assert.equal(code, 0, out);
          assert.match(out.trimEnd().split('\n').at(-1) ?? '', /^\d+ passed, 0 failed$/);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });

      it('fails (without crashing) when the certificate is not trusted, and passes with --insecure', async () => {
        const url = `${sdk.origin}/scim/v2`;
        const auth = { kind: 'bearer' as const, token: SDK_TOKEN };
        const untrusted = await runMethod('importUserProfile', { url, auth });
        assert.equal(untrusted.steps[0]?.status, 'skip');
        assert.match(untrusted.steps[0]?.message ?? '', /self.signed certificate/i);
        const direct = await runMethod('createNewUser', { url, auth });
        assert.equal(direct.steps[0]?.status, 'fail');
        assert.match(direct.steps[0]?.message ?? '', /self.signed certificate/i);
        const insecure = await runMethod('createNewUser', { url, auth, insecure: true });
        assert.deepEqual(notPassed(insecure), []);
      });
    }
  });
}

describe("the tester against a SCIM 2.0 server without Okta's capability extension", () => {
  it('tests every capability, reporting the methods that answer 501 as not implemented', async () => {
    const sdk = await startSdkServer({
      capabilities: [],
      withoutOktaExtension: true,
      service: (store) => ({
        createUser: store.createUser.bind(store),
        getUser: store.getUser.bind(store),
        getUsers: store.getUsers.bind(store),
        updateUser: store.updateUser.bind(store),
      }),
    });
    try {
      const report = await runScenarios({
        url: `${sdk.origin}/scim/v2`,
        auth: { kind: 'bearer', token: SDK_TOKEN },
      });
      assert.deepEqual(report.capabilities, [...CAPABILITIES]);
      const discovery = report.steps[0];
      assert.equal(discovery?.name, 'getImplementedUserManagementCapabilities');
      assert.equal(discovery.status, 'skip');
      assert.match(
        discovery.message ?? '',
        /no urn:okta:schemas:scim:providerconfig:1\.0.*testing every capability/,
      );
      assert.deepEqual(
        report.steps.filter((s) => s.status === 'fail').map((s) => `${s.name}: ${s.message ?? ''}`),
        [],
      );
      assert.ok(report.steps.some((s) => s.name === 'createNewUser' && s.status === 'pass'));
      const groups = report.steps.find((s) => s.name === 'createGroup');
      assert.equal(groups?.status, 'not-implemented');
      assert.equal(groups.httpStatus, 501);
    } finally {
      await sdk.server.close();
    }
  });

  it('still stops at discovery over SCIM 1.1, where the agent requires the extension', async () => {
    const report = await runScenarios({
      url: 'http://127.0.0.1:9/scim/v1',
      dialect: '1.1',
      timeoutMs: 2000,
    });
    assert.deepEqual(report.capabilities, []);
    assert.equal(report.steps.length, 1);
    assert.equal(report.steps[0]?.status, 'fail');
  });
});

describe('the tester against an SDK server with part of the service', () => {
  /** Runs one method against a connector with createUser and getUsers only (PUSH_NEW_USERS). */
  async function runOnUsersOnlyServer(method: string): Promise<RunReport> {
    const sdk = await startSdkServer({
      capabilities: ['PUSH_NEW_USERS'],
      service: (store) => ({
        createUser: store.createUser.bind(store),
        getUsers: store.getUsers.bind(store),
      }),
    });
    try {
      return await runMethod(method, {
        url: `${sdk.origin}/scim/v2`,
        auth: { kind: 'bearer', token: SDK_TOKEN },
      });
    } finally {
      await sdk.server.close();
    }
  }

  it('marks a method whose request answers 501 not implemented, naming the service method', async () => {
    const report = await runOnUsersOnlyServer('createGroup');
    assert.equal(report.steps[0]?.status, 'not-implemented');
    assert.match(
      report.steps[0]?.message ?? '',
      /^not implemented: createGroup — POST \/Groups answered 501/,
    );
  });

  it('names getGroup, not getUser, when the 404 check probes /Groups and it answers 501', async () => {
    const sdk = await startSdkServer({
      capabilities: ['GROUP_PUSH'],
      service: (store) => ({
        createGroup: store.createGroup.bind(store),
        getGroups: store.getGroups.bind(store),
        updateGroup: store.updateGroup.bind(store),
        deleteGroup: store.deleteGroup.bind(store),
        getUsers: store.getUsers.bind(store),
        getGroup: () => Promise.reject(new NotImplementedError('getGroup')),
      }),
    });
    try {
      const report = await runScenarios({
        url: `${sdk.origin}/scim/v2`,
        auth: { kind: 'bearer', token: SDK_TOKEN },
      });
      const check = report.steps.find((s) => s.name === 'check: 404 with a SCIM error body');
      assert.equal(check?.status, 'not-implemented');
      assert.match(check.message ?? '', /^not implemented: getGroup — GET \/Groups\/\S+ answered 501/);
    } finally {
      await sdk.server.close();
    }
  });

  it('skips a method whose prerequisite answers 501, saying which', async () => {
    const report = await runOnUsersOnlyServer('getGroupById');
    assert.equal(report.steps[0]?.status, 'skip');
    assert.match(
      report.steps[0]?.message ?? '',
      /^prerequisite createGroup \(a group to work on\) is not implemented: POST \/Groups answered 501/,
    );
  });

  it('skips PUSH_PROFILE_UPDATES alone (no way to create its user), and runs it on a user given by id', async () => {
    const sdk = await startSdkServer({ capabilities: ['PUSH_PROFILE_UPDATES'] });
    try {
      const base = { url: `${sdk.origin}/scim/v2`, auth: { kind: 'bearer' as const, token: SDK_TOKEN } };
      const alone = await runScenarios(base);
      assert.deepEqual(alone.capabilities, ['PUSH_PROFILE_UPDATES']);
      const step = alone.steps.find((s) => s.name === 'pushProfileUpdate');
      assert.equal(step?.status, 'skip');
      assert.match(step.message ?? '', /needs an existing user.*--arg userId=<id>/);
      assert.equal(alone.counts.fail, 0);
      const existing = await sdk.store.createUser(
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'existing@example.com',
          name: { givenName: 'Ex', familyName: 'Isting' },
        },
        { requestId: 'test', dialect: '2.0' },
      );
      const given = await runScenarios({ ...base, args: { userId: existing.id as string } });
      assert.equal(given.steps.find((s) => s.name === 'pushProfileUpdate')?.status, 'pass');
      assert.equal(given.cleanup.length, 0, "a user given by id is not the run's to clean up");
    } finally {
      await sdk.server.close();
    }
  });
});
