#!/usr/bin/env node
// The scim-connector-tester command.
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
