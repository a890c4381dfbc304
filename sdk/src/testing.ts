// scim-connector-sdk/testing: helpers for a connector's own tests, never for production code.

export { testCertificate } from './tls/test-certificate.js';
