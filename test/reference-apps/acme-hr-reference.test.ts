// The example goldens' generated connectors against hand-written reference servers of their apps: every scenario passes, none pending.
import assert from 'node:assert/strict';
import { runScenarios } from 'scim-connector-tester';
import { createServer } from '../golden/acme-hr/src/server.js';
import { CAPABILITIES } from '../golden/acme-hr/src/generated/capabilities.js';
import { readConfig } from '../golden/acme-hr/src/generated/config.js';
import { startAcmeHr } from './acme-hr/acme-hr-server.js';

const TOKEN = 'reference-scim-token';

const RUNS = [
  { title: 'SCIM 2.0, played by Okta', dialect: '2.0', profile: 'okta', basePath: '/scim/v2' },
  { title: 'SCIM 2.0, played by Entra ID', dialect: '2.0', profile: 'entra', basePath: '/scim/v2' },
  { title: 'SCIM 1.1, played by the Okta agent', dialect: '1.1', profile: 'okta', basePath: '/scim/v1' },
] as const;

describe('acme-hr generated connector against the reference Acme HR server', () => {
  for (const run of RUNS) {
    it(`${run.title}: every step passes`, async function () {
      this.timeout(60_000);
      const app = await startAcmeHr();
      const config = readConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        SCIM_BEARER_TOKEN: TOKEN,
        LOG_LEVEL: 'silent',
        ACME_BASE_URL: app.url,
        ACME_API_TOKEN: app.token,
      });
      const server = await createServer({ ...config, tls: undefined });
      try {
        const url = await server.listen();
        const report = await runScenarios({
          url: `${url}${run.basePath}`,
          dialect: run.dialect,
          profile: run.profile,
          auth: { kind: 'bearer', token: TOKEN },
          capabilities: CAPABILITIES,
          customUrn: 'urn:okta:acme_hr:1.0:user:employee',
        });
        const notPassed = report.steps
          .filter((step) => step.status !== 'pass')
          .map((step) => `${step.name}: ${step.status} ${step.message ?? ''}`);
        assert.deepEqual(notPassed, []);
        assert.ok(report.steps.length > 10, `only ${report.steps.length} steps ran`);
      } finally {
        await server.close();
        await app.close();
      }
    });
  }
});
