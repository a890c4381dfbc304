// The scim-connector-sdk command line as a function: arguments in, exit code out (0 done, 1 failed, 2 bad arguments).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { certCommand, type CliOutput } from './cert-command.js';

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Runs the command line `args` (without `node` and the script) and answers the exit code. */
export async function runCli(args: string[], output: CliOutput = processOutput): Promise<number> {
  const program = new Command('scim-connector-sdk')
    .description('Tools of the scim-connector SDK')
    .version(version())
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showSuggestionAfterError()
    .exitOverride();
  program.addCommand(
    certCommand(output).configureOutput({ writeOut: output.out, writeErr: output.err }).exitOverride(),
  );
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message. Asked-for help and version end here too, with exit code 0;
      // anything else (bad options, no command) is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    output.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
