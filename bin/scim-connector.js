#!/usr/bin/env node
// The `scim-connector` command: runs the compiled CLI (this file is committed so npm can link it before any build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `scim-connector: ${fileURLToPath(main)} is missing: run \`npm run build\` in ${root}\n`,
  );
  process.exit(1);
}
await import(main.href);
