// Runs the initech-sql golden project's own generated tests here: every capability's scenarios, SCIM 2.0 and 1.1, on embedded PGlite.
import '../golden/initech-sql/test/generated/scim.test.js';
