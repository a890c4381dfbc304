// Starts a throwaway OpenLDAP slapd on 127.0.0.1 for tests and stops it, removing every file it made.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { policyEntry, slapdConfig, type SlapdDirectory } from './slapd-config.js';
import { findSlapdInstall } from './slapd-install.js';

const run = promisify(execFile);

/** A running test directory server. */
export interface Slapd extends SlapdDirectory {
  /** `ldap://127.0.0.1:<port>` */
  url: string;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface StartSlapdOptions {
  /** Default `dc=example,dc=org`. */
  suffix?: string;
  /** Entries loaded (with slapadd) before the server starts; default just the suffix's entry. */
  ldif?: string;
  /** A certificate (PEM) for StartTLS on the ldap:// port; without it the server speaks plain LDAP only. */
  tls?: { certPem: string; keyPem: string };
  /** How long to wait for the server to listen; default 10 s. */
  timeoutMs?: number;
}

const attempts = 3;

/**
 * A fresh slapd with its own mdb database under the OS temp folder. Rejects (never skips) when
 * slapd is missing or does not start, with slapd's own output in the message. The port is found
 * by binding port 0; when another process takes it first, a new port is tried (3 attempts).
 */
export async function startSlapd(options: StartSlapdOptions = {}): Promise<Slapd> {
  const install = findSlapdInstall();
  const suffix = options.suffix ?? 'dc=example,dc=org';
  const directory: SlapdDirectory = { suffix, bindDn: `cn=admin,${suffix}`, password: 'slapd-test-secret' };
  const folder = await mkdtemp(join(tmpdir(), 'scim-slapd-'));
  try {
    await mkdir(join(folder, 'db'));
    const configFile = join(folder, 'slapd.conf');
    if (options.tls !== undefined) {
      await writeFile(join(folder, 'tls.pem'), options.tls.certPem);
      await writeFile(join(folder, 'tls-key.pem'), options.tls.keyPem, { mode: 0o600 });
    }
    await writeFile(configFile, slapdConfig(install, directory, folder, options.tls !== undefined));
    const tree = options.ldif ?? suffixEntry(suffix);
    await writeFile(join(folder, 'base.ldif'), `${tree.trimEnd()}\n\n${policyEntry(suffix)}`);
    await run(install.slapadd, ['-q', '-f', configFile, '-l', join(folder, 'base.ldif')]);
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const port = await freePort();
      const url = `ldap://127.0.0.1:${port}`;
      const child = spawn(install.slapd, ['-f', configFile, '-h', `${url}/`, '-d', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        await listening(child, port, options.timeoutMs ?? 10_000);
        return { ...directory, url, stop: stopper(child, folder) };
      } catch (error) {
        lastError = error;
        await ended(child);
      }
    }
    throw lastError;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error instanceof Error ? new Error(`slapd did not start: ${error.message}`) : error;
  }
}

function suffixEntry(suffix: string): string {
  const first = /^dc=([^,]+)/.exec(suffix)?.[1] ?? 'example';
  return `dn: ${suffix}\nobjectClass: dcObject\nobjectClass: organization\no: ${first}\ndc: ${first}\n`;
}

/** Resolves once the port accepts connections; rejects with slapd's output if it exits first. */
function listening(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      reject(new Error(`${message}\n${output.trim()}`));
    };
    child.once('exit', (code, signal) => fail(`slapd exited (${code ?? signal}) on port ${port}`));
    child.once('error', (error) => fail(error.message));
    const probe = (): void => {
      if (settled) return;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        if (settled) return;
        settled = true;
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) fail(`slapd did not listen on port ${port} within ${timeoutMs} ms`);
        else setTimeout(probe, 50);
      });
    };
    probe();
  });
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function stopper(child: ChildProcess, folder: string): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= ended(child).then(() => rm(folder, { recursive: true, force: true }));
    return stopping;
  };
}
