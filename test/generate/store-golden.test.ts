// The generated example server (store backend) runs: its generated connector passes every tester scenario in both dialects.
import assert from 'node:assert/strict';
import { CAPABILITIES } from 'scim-connector-sdk';
import { runScenarios, type Profile } from 'scim-connector-tester';
import { createServer } from '../../examples/example-server/src/server.js';
import { readConfig } from '../../examples/example-server/src/generated/config.js';
import { SERVED_METHODS } from '../../examples/example-server/src/generated/capabilities.js';

const TOKEN = 'store-golden-token';

describe('the generated store-backend connector (examples/example-server)', () => {
  const runs: [dialect: '2.0' | '1.1', profile: Profile, basePath: string][] = [
    ['2.0', 'okta', '/scim/v2'],
    ['2.0', 'entra', '/scim/v2'],
    ['1.1', 'okta', '/scim/v1'],
  ];
  for (const [dialect, profile, basePath] of runs) {
    it(`passes every scenario over SCIM ${dialect} played as ${profile}`, async function () {
      this.timeout(60_000);
      const server = await createServer(
        readConfig({
          HOST: '127.0.0.1',
          PORT: '0',
          SCIM_BEARER_TOKEN: TOKEN,
          LOG_LEVEL: 'silent',
          STORE: 'memory',
        }),
      );
      try {
        const url = await server.listen();
        const report = await runScenarios({
          url: `${url}${basePath}`,
          dialect,
          profile,
          auth: { kind: 'bearer', token: TOKEN },
          capabilities: [...CAPABILITIES],
          customUrn: 'urn:okta:onprem_app:1.0:user:custom',
        });
        const notPassed = report.steps.filter((step) => step.status !== 'pass');
        assert.deepEqual(
          notPassed.map((step) => `${step.name}: ${step.status} ${step.message ?? ''}`),
          [],
        );
        assert.ok(report.steps.length >= 20, `only ${report.steps.length} steps ran`);
      } finally {
        await server.close();
      }
    });
  }

  it('serves the seed data of its spec (users 101 and 102, SCIM 1.1 seed translated) and PATCH through patchUser', async () => {
    assert.ok(SERVED_METHODS.includes('patchUser') && SERVED_METHODS.includes('deleteUser'));
    const server = await createServer(
      readConfig({ HOST: '127.0.0.1', PORT: '0', SCIM_BEARER_TOKEN: TOKEN, LOG_LEVEL: 'silent' }),
    );
    try {
      const url = await server.listen();
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' };
      const user = (await (await fetch(`${url}/scim/v2/Users/101`, { headers })).json()) as Record<
        string,
        unknown
      >;
      assert.equal(user['userName'], 'okta');
      assert.deepEqual(
        (user['urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User'] as Record<string, unknown>)[
          'isOkta'
        ],
        true,
      );
      const patched = await fetch(`${url}/scim/v2/Users/101`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        }),
      });
      assert.equal(patched.status, 200);
      assert.equal(((await patched.json()) as Record<string, unknown>)['active'], false);
    } finally {
      await server.close();
    }
  });
});
