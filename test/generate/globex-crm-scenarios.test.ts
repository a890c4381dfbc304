// Runs the globex-crm golden project's own generated tests here: every mapped scenario, SCIM 2.0 and 1.1, against its generated fake app.
import '../golden/globex-crm/test/generated/scim.test.js';
