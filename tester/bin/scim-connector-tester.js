#!/usr/bin/env node
// The scim-connector-tester command: runs the built CLI. A file in the repository, so that `npm ci` links it before any build.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'scim-connector-tester is not built yet: run `npm run build` at the root of the repository\n',
  );
  process.exitCode = 1;
}
