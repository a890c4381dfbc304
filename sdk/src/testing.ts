// scim-connector-sdk/testing: helpers for a connector's own tests, never for production code.

export { testCertificate } from './tls/test-certificate.js';
export { startSlapd, type Slapd, type StartSlapdOptions } from './ldap/testing/start-slapd.js';
export {
  startFakeApp,
  type FakeApp,
  type FakeAppCredentials,
  type FakeResource,
} from './testing/fake-app.js';
