#!/usr/bin/env node
// The scim-connector-tester command.
import { exitWhenReaderCloses } from './closed-output.js';
import { main } from './program.js';

exitWhenReaderCloses(process.stdout);
exitWhenReaderCloses(process.stderr);
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
