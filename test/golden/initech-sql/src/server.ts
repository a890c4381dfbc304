// Wires the connector into the SDK's SCIM server; every spec-derived setting comes from src/generated/config.ts.
import { createScimServer, installShutdownHandlers, type ScimServer } from 'scim-connector-sdk';
import { Connector } from './connector.js';
import { servedService } from './generated/capabilities.js';
import { serverOptions, type ConnectorConfig } from './generated/config.js';

/** The server, not yet listening (tests call this with port 0). */
export async function createServer(config: ConnectorConfig): Promise<ScimServer> {
  const connector = await Connector.create(config);
  return createScimServer({ ...serverOptions(config), service: servedService(connector) });
}

/** Starts serving (the SDK logs each dialect's URL and the auth), closes gracefully on SIGTERM or SIGINT. */
export async function start(config: ConnectorConfig): Promise<ScimServer> {
  const server = await createServer(config);
  installShutdownHandlers(server);
  await server.listen();
  const log = server.app.log;
  if (config.auth === undefined) {
    log.warn('no SCIM_BEARER_TOKEN or SCIM_BASIC_USER is set: authentication is off (loopback only)');
  }
  log.info(
    config.app.databaseUrl === '' ? 'database: embedded PGlite (lost on exit)' : 'database: PostgreSQL',
  );
  return server;
}
