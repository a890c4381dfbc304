// The `scim-connector` command line: `generate` and `validate` over the generator's core.
import { Command, CommanderError, Option } from 'commander';
import { DatabaseUnavailable } from '../spec/database-model.js';
import { formatProblem } from '../spec/spec-problem.js';
import { outcomeText } from '../shell/outcome-text.js';
import { runGenerate, type Core } from '../shell/run-generate.js';
import { PACKAGE_SOURCES, type PackageSourceKind } from '../vendor/package-source.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliContext {
  core: Core;
  /** The generator's root (version, sdk/ and tester/). */
  root: string;
  version: string;
  io: CliIo;
}

interface GenerateFlags {
  out: string;
  dryRun?: boolean;
  force?: boolean;
  bail?: boolean;
  packages?: PackageSourceKind;
}

function program(context: CliContext, setExit: (code: number) => void): Command {
  const { core, io } = context;
  const print = (lines: string[]) => io.out(`${lines.join('\n')}\n`);
  const root = new Command('scim-connector')
    .description('Generate a typed SCIM connector project from connector.yaml.')
    .version(context.version)
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  root
    .command('generate')
    .description('generate (or regenerate) a connector project from a spec')
    .argument('<spec>', 'the connector.yaml to generate from')
    .requiredOption('-o, --out <dir>', 'the project folder (created if missing)')
    .option(
      '--dry-run',
      'print the plan (files created, rewritten, kept because edited, deleted; methods added, refreshed, kept, deprecated); write nothing',
    )
    .option(
      '--force',
      'generate into a non-empty folder that holds no generated project; replace edited scaffolding (never an edited method body)',
    )
    .option('--bail', 'fail (writing nothing) instead of keeping an edited scaffolding file')
    .addOption(
      new Option(
        '--packages <source>',
        'where the project gets scim-connector-sdk and -tester (default: workspace inside this repository, vendor outside)',
      ).choices(PACKAGE_SOURCES),
    )
    .version(context.version)
    .action(async (spec: string, flags: GenerateFlags) => {
      const outcome = await runGenerate(core, {
        specFile: spec,
        outDir: flags.out,
        dryRun: flags.dryRun ?? false,
        force: flags.force ?? false,
        bail: flags.bail ?? false,
        root: context.root,
        ...(flags.packages ? { packages: flags.packages } : {}),
      });
      const text = outcomeText(outcome);
      (text.failed ? (s: string) => io.err(s) : io.out)(`${text.lines.join('\n')}\n`);
      setExit(text.failed ? 1 : 0);
    });
  root
    .command('validate')
    .description('check a spec and print every problem as file:line:col: message')
    .argument('<spec>', 'the connector.yaml to check')
    .option(
      '--db <url>',
      'check a sql backend against this live PostgreSQL database (postgres://user:password@host:port/db) instead of its DDL file; the password is never printed',
    )
    .version(context.version)
    .action(async (spec: string, flags: { db?: string }) => {
      let loaded;
      try {
        loaded = await core.loadSpec(spec, flags.db === undefined ? {} : { db: flags.db });
      } catch (error) {
        if (!(error instanceof DatabaseUnavailable)) throw error;
        io.err(`scim-connector: ${error.message}\n`);
        setExit(2);
        return;
      }
      if (loaded.ok) {
        print([
          `${spec}: ok (${loaded.spec.name}: ${loaded.spec.capabilities.join(', ') || 'no capabilities'})`,
        ]);
        setExit(0);
      } else {
        io.err(
          `${[...loaded.problems.map(formatProblem), `${loaded.problems.length} problem(s)`].join('\n')}\n`,
        );
        setExit(1);
      }
    });
  for (const command of root.commands)
    command.configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride();
  return root;
}

/** Runs the command line (`argv` without node and script) and answers the exit code; never exits itself. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  let code = 0;
  try {
    await program(context, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    context.io.err(`scim-connector: ${(error as Error).message}\n`);
    return 1;
  }
}
