// A freshly generated stub connector (test/golden/acme-hr) starts, fails no scenario, and reports each stub as not implemented by name.
import assert from 'node:assert/strict';
import { runScenarios } from 'scim-connector-tester';
import { createServer } from '../golden/acme-hr/src/server.js';
import { CAPABILITIES, SERVED_METHODS } from '../golden/acme-hr/src/generated/capabilities.js';
import { readConfig } from '../golden/acme-hr/src/generated/config.js';

const TOKEN = 'stub-golden-token';

describe('a generated stub connector (test/golden/acme-hr, openapi backend, nothing mapped yet)', () => {
  it('passes or leaves pending every scenario step, naming the stub methods the steps need', async function () {
    this.timeout(60_000);
    const config = readConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BEARER_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
      ACME_API_TOKEN: 't',
    });
    const server = await createServer({ ...config, tls: undefined });
    try {
      const url = await server.listen();
      const report = await runScenarios({
        url: `${url}/scim/v2`,
        auth: { kind: 'bearer', token: TOKEN },
        capabilities: CAPABILITIES,
      });
      assert.deepEqual(
        report.steps
          .filter((step) => step.status === 'fail')
          .map((step) => `${step.name}: ${step.message ?? ''}`),
        [],
      );
      const named = new Set(
        report.steps
          .filter((step) => step.status === 'not-implemented')
          .map((step) => /not implemented: (\w+)/.exec(step.message ?? '')?.[1]),
      );
      assert.deepEqual([...named].sort(), ['createGroup', 'createUser', 'getUser', 'getUsers']);
      for (const method of named)
        assert.ok(
          (SERVED_METHODS as readonly (string | undefined)[]).includes(method),
          `${method} is a generated stub`,
        );
    } finally {
      await server.close();
    }
  });
});
