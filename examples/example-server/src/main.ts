#!/usr/bin/env node
// Starts the example connector: the SDK's memory or file store, seeded with Okta's example data, serving SCIM 2.0 and 1.1.
import {
  CAPABILITIES,
  createFileStore,
  createSchemaRegistry,
  createScimServer,
  installShutdownHandlers,
  MemoryStore,
  type FileStore,
} from 'scim-connector-sdk';
import { ENVIRONMENT_HELP, readConfig, type ExampleConfig } from './config.js';
import { readSeed } from './seed.js';
import { GROUP_EXTENSION, OKTA, USER_EXTENSION } from './schemas.js';

/** The custom attributes, stated once: the store checks against them and the server serves the same registry. */
const schemas = createSchemaRegistry({
  userExtensions: [USER_EXTENSION],
  groupExtensions: [GROUP_EXTENSION],
});

async function openStore(config: ExampleConfig): Promise<MemoryStore | FileStore> {
  const seed = await readSeed();
  if (config.store === 'file') return createFileStore({ dir: config.storeDir, seed, schemas });
  return new MemoryStore({ seed, schemas });
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(
      `Usage: npm run example\n\nThe example SCIM connector (SCIM 2.0 at /scim/v2, SCIM 1.1 at /scim/v1).\n\n${ENVIRONMENT_HELP}`,
    );
    return;
  }
  const config = readConfig(process.env);
  const store = await openStore(config);
  const server = await createScimServer({
    service: store,
    capabilities: [...CAPABILITIES],
    schemas: store.schemas,
    okta: OKTA,
    auth: config.bearerTokens.length > 0 ? { bearerTokens: config.bearerTokens } : 'none',
    host: config.host,
    port: config.port,
    tls: config.tls,
    allowHttp: config.allowHttp,
    logger: { level: config.logLevel },
  });
  installShutdownHandlers(server);
  await server.listen();
  const log = server.app.log;
  if (config.bearerTokens.length === 0)
    log.warn('SCIM_BEARER_TOKEN is not set: authentication is off (loopback only)');
  // The SDK has said each dialect's URL and the auth; the store is the example's own.
  log.info(config.store === 'file' ? `store: file, in ${config.storeDir}` : 'store: memory (lost on exit)');
}

main().catch((err: unknown) => {
  // Configuration and start-up errors say what to fix; the stack helps only when debugging.
  console.error(`example-server: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env['LOG_LEVEL'] === 'debug') console.error(err);
  process.exitCode = 1;
});
