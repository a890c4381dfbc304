// Runs the acme-hr golden project's own generated tests here: every mapped scenario, SCIM 2.0 and 1.1, against its generated fake app.
import '../golden/acme-hr/test/generated/scim.test.js';
