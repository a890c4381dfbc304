// The globex-crm golden connector against the hand-written reference server of Globex CRM: every scenario passes, none pending.
import assert from 'node:assert/strict';
import { runScenarios } from 'scim-connector-tester';
import { createServer } from '../golden/globex-crm/src/server.js';
import { CAPABILITIES } from '../golden/globex-crm/src/generated/capabilities.js';
import { readConfig } from '../golden/globex-crm/src/generated/config.js';
import { startGlobexCrm } from './globex-crm/globex-crm-server.js';

const PASSWORD = 'reference-scim-password';

const RUNS = [
  { title: 'SCIM 2.0, played by Okta', dialect: '2.0', profile: 'okta', basePath: '/globex/scim/v2' },
  { title: 'SCIM 2.0, played by Entra ID', dialect: '2.0', profile: 'entra', basePath: '/globex/scim/v2' },
  {
    title: 'SCIM 1.1, played by the Okta agent',
    dialect: '1.1',
    profile: 'okta',
    basePath: '/globex/scim/v1',
  },
] as const;

describe('globex-crm generated connector against the reference Globex CRM server', () => {
  for (const run of RUNS) {
    it(`${run.title}: every step passes`, async function () {
      this.timeout(60_000);
      const app = await startGlobexCrm();
      const config = readConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        SCIM_BASIC_USER: 'okta',
        SCIM_BASIC_PASSWORD: PASSWORD,
        LOG_LEVEL: 'silent',
        GLOBEX_BASE_URL: app.url,
        GLOBEX_TOKEN_URL: app.tokenUrl,
        GLOBEX_CLIENT_ID: app.clientId,
        GLOBEX_CLIENT_SECRET: app.clientSecret,
        GLOBEX_ORG_ID: app.orgId,
      });
      const server = await createServer({ ...config, tls: undefined });
      try {
        const url = await server.listen();
        const report = await runScenarios({
          url: `${url}${run.basePath}`,
          dialect: run.dialect,
          profile: run.profile,
          auth: { kind: 'basic', user: 'okta', password: PASSWORD },
          capabilities: CAPABILITIES,
          customUrn: 'urn:okta:globex_crm:1.0:user:custom',
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
