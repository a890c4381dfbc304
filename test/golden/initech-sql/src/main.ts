#!/usr/bin/env node
// Starts the connector from the environment (`npm start`), or prints the settings it reads (`--help`).
import { readConfig, USAGE } from './generated/config.js';
import { start } from './server.js';

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  await start(readConfig(process.env));
}

main().catch((error: unknown) => {
  // Configuration and start-up errors say what to fix; the stack helps only when debugging.
  console.error(`initech-sql: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env['LOG_LEVEL'] === 'debug') console.error(error);
  process.exitCode = 1;
});
