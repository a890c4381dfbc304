// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Plays the identity providers against the connector, in this process: one test per step of the capabilities' scenarios; a stub shows as pending.
import { describeScimConnector } from 'scim-connector-tester/mocha';
import { createServer } from '../../src/server.js';
import { CAPABILITIES } from '../../src/generated/capabilities.js';
import { readConfig } from '../../src/generated/config.js';
import { startFakeApp } from './fake-app.js';

const TOKEN = 'generated-test-token';

/** The app's settings; with ACME_BASE_URL set, the tests run against that app instead of the fake. */
const APP_VARIABLES = ['ACME_BASE_URL', 'ACME_API_TOKEN'];
const REAL_APP = process.env['ACME_BASE_URL'] !== undefined;

function realAppEnv(): Record<string, string> {
  return Object.fromEntries(
    APP_VARIABLES.flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

/** A fresh connector on a free loopback port, for one suite. */
function start(basePath: string): () => Promise<{ url: string; close: () => Promise<void> }> {
  return async () => {
    const fake = REAL_APP ? undefined : await startFakeApp();
    const appEnv = fake === undefined ? realAppEnv() : fake.env;
    // Plain HTTP on loopback: the tests do not need connector.yaml's certificate files.
    const server = await createServer({
      ...readConfig({
        ...{
          HOST: '127.0.0.1',
          PORT: '0',
          SCIM_BEARER_TOKEN: TOKEN,
          LOG_LEVEL: 'silent',
          ACME_API_TOKEN: 'generated-test-value',
        },
        ...appEnv,
      }),
      tls: undefined,
    });
    const url = await server.listen();
    return {
      url: `${url}${basePath}`,
      close: async () => {
        await server.close();
        await fake?.close();
      },
    };
  };
}

describeScimConnector({
  title: 'acme-hr: SCIM 2.0 at /scim/v2, played by Okta',
  capabilities: CAPABILITIES,
  dialect: '2.0',
  profile: 'okta',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:acme_hr:1.0:user:employee',
  start: start('/scim/v2'),
});

describeScimConnector({
  title: 'acme-hr: SCIM 2.0 at /scim/v2, played by Entra ID',
  capabilities: CAPABILITIES,
  dialect: '2.0',
  profile: 'entra',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:acme_hr:1.0:user:employee',
  start: start('/scim/v2'),
});

describeScimConnector({
  title: 'acme-hr: SCIM 1.1 at /scim/v1, played by Okta Provisioning Agent',
  capabilities: CAPABILITIES,
  dialect: '1.1',
  profile: 'okta',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:acme_hr:1.0:user:employee',
  start: start('/scim/v1'),
});
