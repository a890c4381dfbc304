// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Plays the identity providers against the connector, in this process: one test per step of the capabilities' scenarios; a stub shows as pending.
import { describeScimConnector } from 'scim-connector-tester/mocha';
import { createServer } from '../../src/server.js';
import { CAPABILITIES } from '../../src/generated/capabilities.js';
import { readConfig } from '../../src/generated/config.js';

const TOKEN = 'generated-test-token';

/** A fresh connector on a free loopback port, for one suite. */
function start(basePath: string): () => Promise<{ url: string; close: () => Promise<void> }> {
  return async () => {
    // Plain HTTP on loopback: the tests do not need connector.yaml's certificate files.
    const server = await createServer({
      ...readConfig({ HOST: '127.0.0.1', PORT: '0', SCIM_BEARER_TOKEN: TOKEN, LOG_LEVEL: 'silent' }),
      tls: undefined,
    });
    const url = await server.listen();
    return { url: `${url}${basePath}`, close: () => server.close() };
  };
}

describeScimConnector({
  title: 'initech-sql: SCIM 2.0 at /scim/v2, played by Okta',
  capabilities: CAPABILITIES,
  dialect: '2.0',
  profile: 'okta',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:initech:1.0:user:account',
  start: start('/scim/v2'),
});

describeScimConnector({
  title: 'initech-sql: SCIM 2.0 at /scim/v2, played by Entra ID',
  capabilities: CAPABILITIES,
  dialect: '2.0',
  profile: 'entra',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:initech:1.0:user:account',
  start: start('/scim/v2'),
});

describeScimConnector({
  title: 'initech-sql: SCIM 1.1 at /scim/v1, played by Okta Provisioning Agent',
  capabilities: CAPABILITIES,
  dialect: '1.1',
  profile: 'okta',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:initech:1.0:user:account',
  start: start('/scim/v1'),
});
