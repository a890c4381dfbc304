// The initech-sql golden project's scenarios on a real PostgreSQL server: every capability, SCIM 2.0 and 1.1, a fresh database per suite.
import { describeScimConnector } from 'scim-connector-tester/mocha';
import { CAPABILITIES } from '../golden/initech-sql/src/generated/capabilities.js';
import { readConfig } from '../golden/initech-sql/src/generated/config.js';
import { createServer } from '../golden/initech-sql/src/server.js';
import { freshDatabase, withPostgres } from './postgres-database.js';

const TOKEN = 'postgres-test-token';
const CUSTOM_URN = 'urn:okta:initech:1.0:user:account';

describe('initech-sql on PostgreSQL', function () {
  this.timeout(120000);
  const postgres = withPostgres();

  function start(basePath: string): () => Promise<{ url: string; close: () => Promise<void> }> {
    return async () => {
      const databaseUrl = await freshDatabase(postgres.server());
      const env = {
        HOST: '127.0.0.1',
        PORT: '0',
        SCIM_BEARER_TOKEN: TOKEN,
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl,
      };
      const server = await createServer({ ...readConfig(env), tls: undefined });
      const url = await server.listen();
      return { url: `${url}${basePath}`, close: () => server.close() };
    };
  }

  for (const [dialect, profile, basePath] of [
    ['2.0', 'okta', '/scim/v2'],
    ['2.0', 'entra', '/scim/v2'],
    ['1.1', 'okta', '/scim/v1'],
  ] as const) {
    describeScimConnector({
      title: `SCIM ${dialect} at ${basePath}, played by ${profile}`,
      capabilities: CAPABILITIES,
      dialect,
      profile,
      auth: { kind: 'bearer', token: TOKEN },
      customUrn: CUSTOM_URN,
      start: start(basePath),
    });
  }
});
