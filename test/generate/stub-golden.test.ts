// A freshly generated stub connector (test/golden/stubs) starts, fails no scenario, and reports each stub as not implemented by name.
import assert from 'node:assert/strict';
import { runScenarios } from 'scim-connector-tester';
import { createServer } from '../golden/stubs/src/server.js';
import { CAPABILITIES, SERVED_METHODS } from '../golden/stubs/src/generated/capabilities.js';
import { readConfig } from '../golden/stubs/src/generated/config.js';

const TOKEN = 'stub-golden-token';

describe('a generated stub connector (test/golden/stubs, backend none, SCIM 1.1)', () => {
  it('passes or leaves pending every scenario step, naming the stub methods the steps need', async function () {
    this.timeout(60_000);
    const config = readConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BEARER_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
    });
    const server = await createServer({ ...config, tls: undefined });
    try {
      const url = await server.listen();
      const report = await runScenarios({
        url: `${url}/scim/v1`,
        dialect: '1.1',
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
      // getUser answers 501 because SCIM 1.1 push needs no such method (not served); the rest are stubs.
      const served = new Set<string | undefined>(SERVED_METHODS);
      assert.deepEqual(
        [...named].filter((method) => !served.has(method)),
        ['getUser'],
      );
    } finally {
      await server.close();
    }
  });
});
