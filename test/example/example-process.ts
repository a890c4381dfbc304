// The generated example as a user runs it: `npm start` in its folder, a separate process configured by environment.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_DIR = join(ROOT, 'examples', 'example-server');
const TESTER_BIN = join(ROOT, 'node_modules', '.bin', 'scim-connector-tester');

export interface RunningExample {
  /** Scheme, host and port, e.g. http://127.0.0.1:41234. */
  origin: string;
  output: () => string;
  /** SIGTERM to the whole process group (npm dies of it; the connector closes gracefully); resolves once gone. */
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group: no handler runs, no buffer is flushed. */
  kill: () => Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/** The SDK's start-up line with the SCIM 2.0 URL; the connector's store line (src/server.ts) comes after it. */
const URL_LINE = /SCIM 2\.0: (https?:\/\/[^\s/"]+)\/scim\/v2/;
const STORE_LINE = /store: (memory|file)/;

/** The output of a process that ended before it was ready, with the way it ended. */
export class ExampleExited extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`the example exited with ${code} before listening:\n${output}`);
  }
}

/**
 * Starts `npm start` in the example's folder on a free loopback port (PORT=0 unless `env` says otherwise) and
 * resolves once the connector has said where it listens; rejects with ExampleExited when it stops first.
 */
export function startExample(env: Record<string, string>): Promise<RunningExample> {
  const child = spawn('npm', ['start'], {
    cwd: EXAMPLE_DIR,
    // Its own process group, so SIGKILL reaches the connector and not only npm.
    detached: true,
    // No coverage from the child: it runs compiled dist/, which c8 would count against the sources.
    env: { ...process.env, NODE_V8_COVERAGE: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // 'close', not 'exit': the connector shares npm's pipes, so they close once both have gone and said all.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group has gone already.
    }
  };
  const running = (origin: string): RunningExample => ({
    origin,
    output: () => output,
    stop: async () => {
      signalGroup('SIGTERM');
      await closed;
    },
    kill: async () => {
      signalGroup('SIGKILL');
      await closed;
    },
  });
  return new Promise((resolve, reject) => {
    // Bounded: a connector that never says it listens is killed, and its output shown.
    const timer = setTimeout(() => {
      signalGroup('SIGKILL');
      reject(new Error(`the example did not say it listens within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = URL_LINE.exec(output);
      if (found?.[1] !== undefined && STORE_LINE.test(output)) {
        clearTimeout(timer);
        resolve(running(found[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new ExampleExited(code, output));
    });
  });
}

export interface TesterRun {
  code: number | null;
  output: string;
  /** The steps of the JSON report that did not pass, as `name: status message`. */
  notPassed: string[];
  steps: number;
}

/** Runs `scim-connector-tester run` (its installed bin) with `args`, reading the outcome from its JSON report. */
export async function runTester(args: string[]): Promise<TesterRun> {
  const dir = await mkdtemp(join(tmpdir(), 'example-tester-'));
  try {
    const reportFile = join(dir, 'report.json');
    const { code, output } = await run(process.execPath, [
      TESTER_BIN,
      'run',
      ...args,
      '--report',
      'json',
      reportFile,
    ]);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as {
      steps: { name: string; status: string; message?: string }[];
    };
    return {
      code,
      output,
      steps: report.steps.length,
      notPassed: report.steps
        .filter((step) => step.status !== 'pass')
        .map((step) => `${step.name}: ${step.status} ${step.message ?? ''}`),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command to its end without coverage, resolving with its exit code and output. */
export function run(
  command: string,
  args: string[],
  cwd = ROOT,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NODE_V8_COVERAGE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

export interface Certificate {
  /** The certificate clients trust (tester's --ca). */
  certFile: string;
  /** The PEM variables the command printed to serve it. */
  pem: Record<string, string>;
  /** The keystore variables it printed, the passphrase read from the file it names. */
  pfx: Record<string, string>;
  printed: string;
}

/** Variable assignments (NAME=value) in a printed line. */
function assignments(line: string): Record<string, string> {
  return Object.fromEntries(
    line
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split('=', 2) as [string, string]),
  );
}

/** Runs the example's `npm run cert` (the SDK's cert command) with `args`, and reads the variables it prints. */
export async function runCertCommand(args: string[]): Promise<Certificate> {
  const { code, output } = await run('npm', ['run', 'cert', '--', ...args], EXAMPLE_DIR);
  if (code !== 0) throw new Error(`npm run cert exited with ${code}:\n${output}`);
  const pemLine = /^\s*(TLS_KEY_FILE=\S+ TLS_CERT_FILE=\S+)\s*$/m.exec(output)?.[1];
  const pfxLine = /^\s*TLS_PFX_FILE=(\S+) TLS_PFX_PASSPHRASE="\$\(cat (\S+)\)"\s*$/m.exec(output);
  if (pemLine === undefined || pfxLine?.[1] === undefined || pfxLine[2] === undefined) {
    throw new Error(`npm run cert printed no TLS variables:\n${output}`);
  }
  const pem = assignments(pemLine);
  const passphrase = (await readFile(pfxLine[2], 'utf8')).trim();
  return {
    certFile: pem['TLS_CERT_FILE'] as string,
    pem,
    pfx: { TLS_PFX_FILE: pfxLine[1], TLS_PFX_PASSPHRASE: passphrase },
    printed: output,
  };
}
