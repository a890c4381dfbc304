// Entry point of the `scim-connector` command (bin/scim-connector.js imports this, compiled).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE } from '../shell/core.js';
import { GENERATOR_ROOT } from '../vendor/generator-root.js';
import { runCli } from './run-cli.js';

const { version } = JSON.parse(readFileSync(join(GENERATOR_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

process.exitCode = await runCli(process.argv.slice(2), {
  core: CORE,
  root: GENERATOR_ROOT,
  version,
  io: { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
});
