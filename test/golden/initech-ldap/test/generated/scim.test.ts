// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// Plays the identity providers against the connector, in this process: one test per step of the capabilities' scenarios; a stub shows as pending.
import { describeScimConnector } from 'scim-connector-tester/mocha';
import { createServer } from '../../src/server.js';
import { CAPABILITIES } from '../../src/generated/capabilities.js';
import { readConfig } from '../../src/generated/config.js';
import { startSlapd } from 'scim-connector-sdk/testing';
import { DIRECTORY_SUFFIX, DIRECTORY_TREE } from './directory-tree.js';

const TOKEN = 'generated-test-token';

/** A fresh connector on a free loopback port, for one suite. */
function start(basePath: string): () => Promise<{ url: string; close: () => Promise<void> }> {
  return async () => {
    // A throwaway slapd per suite (it fails the suite when it cannot start); the connector binds as its manager.
    const slapd = await startSlapd({ suffix: DIRECTORY_SUFFIX, ldif: DIRECTORY_TREE });
    const config = readConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BEARER_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
      LDAP_BIND_PASSWORD: 'generated-test-value',
    });
    const app = { ...config.app, url: slapd.url, bindDn: slapd.bindDn, bindPassword: slapd.password };
    // Plain HTTP on loopback: the tests do not need connector.yaml's certificate files.
    const server = await createServer({ ...config, app, tls: undefined });
    const url = await server.listen();
    return {
      url: `${url}${basePath}`,
      close: async () => {
        await server.close();
        await slapd.stop();
      },
    };
  };
}

describeScimConnector({
  title: 'initech-ldap: SCIM 2.0 at /scim/v2, played by Okta',
  capabilities: CAPABILITIES,
  dialect: '2.0',
  profile: 'okta',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:initech_ldap:1.0:user:custom',
  start: start('/scim/v2'),
});

describeScimConnector({
  title: 'initech-ldap: SCIM 2.0 at /scim/v2, played by Entra ID',
  capabilities: CAPABILITIES,
  dialect: '2.0',
  profile: 'entra',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:initech_ldap:1.0:user:custom',
  start: start('/scim/v2'),
});

describeScimConnector({
  title: 'initech-ldap: SCIM 1.1 at /scim/v1, played by Okta Provisioning Agent',
  capabilities: CAPABILITIES,
  dialect: '1.1',
  profile: 'okta',
  auth: { kind: 'bearer', token: TOKEN },
  customUrn: 'urn:okta:initech_ldap:1.0:user:custom',
  start: start('/scim/v1'),
});
