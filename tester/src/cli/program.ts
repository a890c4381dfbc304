// The command line as a function: parse, run a method or all scenarios, print the report, write report files, exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CAPABILITIES, isCapability } from 'scim-connector-sdk';
import type { Capability } from 'scim-connector-sdk';
import type { TesterOptions } from '../context.js';
import type { Auth } from '../http-client.js';
import { DEFAULT_APP_NAME } from '../requests/custom-urn.js';
import { jsonReport } from '../report/json.js';
import { junitReport } from '../report/junit.js';
import { textReport } from '../report/text.js';
import type { RunReport } from '../run.js';
import { runMethod, runScenarios } from '../run.js';
import { STEPS } from '../scenarios/steps.js';
import { TESTER_METHOD_HELP, TESTER_METHODS, isTesterMethod } from '../tester-method.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 nothing failed, 1 a step failed, 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {
  override name = 'UsageError';
}

interface ReportTarget {
  format: 'json' | 'junit';
  file: string;
}

interface CommonFlags {
  url?: string;
  scim: string;
  profile: string;
  token?: string;
  basic?: string;
  ca?: string;
  insecure?: boolean;
  timeout: string;
  header: string[];
  appName?: string;
  customUrn?: string;
  capabilities?: string;
  report?: string[];
}

interface MethodFlags extends CommonFlags {
  method?: string;
  file?: string;
  arg: string[];
  expectResults?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function pairs(values: readonly string[], flag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) {
      // A malformed --header is most often `Authorization: Bearer …`: never echo it.
      const got =
        flag === '--header' ? 'something else (not shown: it may hold a credential)' : JSON.stringify(value);
      throw new UsageError(`${flag} takes name=value, got ${got}`);
    }
    result[value.slice(0, at)] = value.slice(at + 1);
  }
  return result;
}

function readText(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag} ${path}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}`);
  }
}

function auth(flags: CommonFlags): Auth {
  if (flags.token !== undefined && flags.basic !== undefined)
    throw new UsageError('give --token or --basic, not both');
  if (flags.token !== undefined) return { kind: 'bearer', token: flags.token };
  if (flags.basic !== undefined) {
    const at = flags.basic.indexOf(':');
    if (at <= 0) throw new UsageError('--basic takes user:password');
    return { kind: 'basic', user: flags.basic.slice(0, at), password: flags.basic.slice(at + 1) };
  }
  return { kind: 'none' };
}

function capabilities(list: string | undefined): Capability[] | undefined {
  if (list === undefined) return undefined;
  const names = list
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const unknown = names.filter((c) => !isCapability(c));
  if (unknown.length > 0)
    throw new UsageError(`unknown capability ${unknown.join(', ')} (known: ${CAPABILITIES.join(', ')})`);
  return names as Capability[];
}

function reportTargets(values: readonly string[] | undefined): ReportTarget[] {
  if (values === undefined) return [];
  if (values.length % 2 !== 0)
    throw new UsageError('--report takes a format and a file: --report json|junit <file>');
  const targets: ReportTarget[] = [];
  for (let i = 0; i < values.length; i += 2) {
    const format = values[i];
    if (format !== 'json' && format !== 'junit')
      throw new UsageError(`--report format must be json or junit, got ${JSON.stringify(format)}`);
    const file = values[i + 1] as string;
    // Checked now: a run can take minutes, and its report would be lost at the end.
    if (!existsSync(dirname(resolve(file))))
      throw new UsageError(`--report ${format} ${file}: no folder ${dirname(file)}`);
    targets.push({ format, file });
  }
  return targets;
}

function testerOptions(flags: CommonFlags): TesterOptions {
  if (flags.url === undefined) throw new UsageError('--url <base> is required');
  let url: URL;
  try {
    url = new URL(flags.url);
  } catch {
    throw new UsageError(`--url is not a URL: ${JSON.stringify(flags.url)}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UsageError('--url must start with http:// or https://');
  if (url.username !== '' || url.password !== '') {
    throw new UsageError('--url must not carry credentials: use --basic user:password or --token');
  }
  if (flags.scim !== '2.0' && flags.scim !== '1.1')
    throw new UsageError(`--scim must be 2.0 or 1.1, got ${JSON.stringify(flags.scim)}`);
  if (flags.profile !== 'okta' && flags.profile !== 'entra')
    throw new UsageError(`--profile must be okta or entra, got ${JSON.stringify(flags.profile)}`);
  if (flags.profile === 'entra' && flags.scim === '1.1')
    throw new UsageError('--profile entra speaks SCIM 2.0 only');
  const timeoutMs = Number(flags.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(
      `--timeout must be a positive number of milliseconds, got ${JSON.stringify(flags.timeout)}`,
    );
  const options: TesterOptions = {
    url: flags.url,
    dialect: flags.scim,
    profile: flags.profile,
    auth: auth(flags),
    timeoutMs,
    headers: pairs(flags.header, '--header'),
  };
  if (flags.ca !== undefined) options.ca = readText(flags.ca, '--ca');
  if (flags.insecure) options.insecure = true;
  if (flags.appName !== undefined) options.appName = flags.appName;
  if (flags.customUrn !== undefined) options.customUrn = flags.customUrn;
  const caps = capabilities(flags.capabilities);
  if (caps !== undefined) options.capabilities = caps;
  return options;
}

function commonOptions(command: Command): Command {
  return command
    .option('--url <base>', 'base URL of the SCIM API, e.g. https://host:8443/scim/v2 (required)')
    .addOption(
      new Option('--scim <version>', 'SCIM version to speak: 1.1 is the Okta Provisioning Agent')
        .choices(['2.0', '1.1'])
        .default('2.0'),
    )
    .addOption(
      new Option(
        '--profile <client>',
        'client to play over SCIM 2.0: okta or entra (externalId, PATCH quirks, DELETE)',
      )
        .choices(['okta', 'entra'])
        .default('okta'),
    )
    .option('--token <token>', 'bearer token for Authorization (masked in every report)')
    .option('--basic <user:password>', 'HTTP Basic credentials (masked in every report)')
    .option('--ca <pem>', 'PEM file of the certificate (or CA) to trust for https')
    .option('--insecure', 'accept any server certificate')
    .option('--timeout <ms>', 'timeout of each request in milliseconds', '10000')
    .option('--header <name=value>', 'extra header on every request (repeatable)', collect, [])
    .option(
      '--app-name <name>',
      `Okta app name of the custom schema urn:okta:<name>:1.0:user:custom`,
      DEFAULT_APP_NAME,
    )
    .option('--custom-urn <urn>', 'the custom user schema URN, whole (overrides --app-name)')
    .option('--capabilities <A,B>', `capabilities to test, comma-separated: ${CAPABILITIES.join(', ')}`)
    .option(
      '--report <format file...>',
      'also write a report: --report json <file> or --report junit <file> (repeatable pair)',
    );
}

/** A step's prerequisites, on a line of their own under its description. */
function needs(name: string, indent: number): string[] {
  const prerequisites = STEPS.find((s) => s.name === name)?.prerequisites ?? [];
  return prerequisites.length === 0 ? [] : [`${' '.repeat(indent)}needs ${prerequisites.join('; ')}`];
}

function methodHelp(): string {
  const width = Math.max(...TESTER_METHODS.map((m) => m.length));
  const lines = TESTER_METHODS.flatMap((m) => [
    `  ${m.padEnd(width)}  ${TESTER_METHOD_HELP[m]}`,
    ...needs(m, width + 4),
  ]);
  const checks = STEPS.filter((s) => s.name.startsWith('check: ')).flatMap((s) => [
    `  ${s.name}`,
    ...needs(s.name, 4),
  ]);
  return [
    '',
    'Methods (--method <name>):',
    ...lines,
    '',
    'Method arguments (--arg name=value): userId, groupId (work on an existing resource), userName, email',
    '(checkUserExists), pageSize (downloads), since (downloadIncrementalUsers, yyyy-MM-ddTHH:mm:ssZ).',
    '',
    'Checks made by `run` besides the methods:',
    ...checks,
    '',
    'Exit code: 0 when nothing failed, 1 when a step failed, 2 on bad arguments.',
  ].join('\n');
}

type Parsed =
  | { kind: 'method'; method: string; options: TesterOptions; reports: ReportTarget[] }
  | { kind: 'run'; options: TesterOptions; reports: ReportTarget[] };

/** Parses argv (without node and script); throws UsageError or CommanderError. */
function parse(argv: readonly string[], io: CliIo): Parsed {
  let parsed: Parsed | undefined;
  const program = commonOptions(new Command('scim-connector-tester'))
    .description(
      'Plays the identity provider (Okta Provisioning Agent over SCIM 1.1, Okta or Entra ID over SCIM 2.0) against a SCIM server.',
    )
    .option('--method <name>', 'the tester method to run (see Methods below)')
    .option('--file <json>', 'request body of the method under test, instead of the built-in one')
    .option('--arg <name=value>', 'method argument (repeatable; see Method arguments below)', collect, [])
    .addOption(
      new Option(
        '--expect-results <bool>',
        'whether checkUserExists/downloads should find something',
      ).choices(['true', 'false']),
    )
    .addHelpText('after', methodHelp())
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .exitOverride()
    .action((flags: MethodFlags) => {
      if (flags.method === undefined)
        throw new UsageError('give --method <name>, or the run command (see --help)');
      if (!isTesterMethod(flags.method) && !STEPS.some((s) => s.name === flags.method)) {
        throw new UsageError(`unknown method ${JSON.stringify(flags.method)} (see --help)`);
      }
      const options = testerOptions(flags);
      options.args = pairs(flags.arg, '--arg');
      if (flags.expectResults !== undefined) options.expectResults = flags.expectResults === 'true';
      if (flags.file !== undefined) {
        try {
          options.body = JSON.parse(readText(flags.file, '--file')) as unknown;
        } catch (err) {
          throw err instanceof UsageError
            ? err
            : new UsageError(`--file ${flags.file} is not JSON: ${(err as Error).message}`);
        }
      }
      parsed = { kind: 'method', method: flags.method, options, reports: reportTargets(flags.report) };
    });
  program.enablePositionalOptions();
  commonOptions(program.command('run'))
    .description(
      "discover the capabilities (or take --capabilities; all of them over SCIM 2.0 without Okta's extension) and run every scenario and protocol check",
    )
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .exitOverride()
    .action((flags: CommonFlags) => {
      // Options before `run` are the top-level command's, which does not act when `run` does: they would be lost.
      const early = program.options.filter((o) => program.getOptionValueSource(o.attributeName()) === 'cli');
      if (early.length > 0) {
        const names = early.map((o) => o.long ?? o.flags).join(', ');
        throw new UsageError(`give ${names} after run: scim-connector-tester run --url <base> …`);
      }
      parsed = { kind: 'run', options: testerOptions(flags), reports: reportTargets(flags.report) };
    });
  program.parse([...argv], { from: 'user' });
  if (!parsed) throw new UsageError('nothing to do (see --help)');
  return parsed;
}

function writeReports(report: RunReport, targets: readonly ReportTarget[]): void {
  for (const target of targets)
    writeFileSync(target.file, target.format === 'json' ? jsonReport(report) : junitReport(report));
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv, io);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.help' ||
        err.code === 'commander.version'
      )
        return EXIT.ok;
      io.err(`scim-connector-tester: ${err.message.replace(/^error: /, '').split('\n')[0] ?? ''}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.err(`scim-connector-tester: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const report =
    parsed.kind === 'run'
      ? await runScenarios(parsed.options)
      : await runMethod(parsed.method, parsed.options);
  io.out(`${textReport(report)}\n`);
  try {
    writeReports(report, parsed.reports);
  } catch (err) {
    io.err(`scim-connector-tester: cannot write the report: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  return report.counts.fail === 0 ? EXIT.ok : EXIT.failed;
}
