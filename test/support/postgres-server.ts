// Starts a throwaway PostgreSQL server for a test (initdb + pg_ctl in a temporary folder, as an unprivileged user) and stops it.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder: PG_BIN, else /usr/lib/postgresql/<version>/bin (scripts/install-servers.sh). */
async function binFolder(): Promise<string> {
  if (process.env['PG_BIN'] !== undefined) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [] as string[])).filter((v) => /^\d+$/.test(v));
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined)
    throw new Error(`no PostgreSQL server under ${root}: run scripts/install-servers.sh (or set PG_BIN)`);
  return join(root, newest, 'bin');
}

/** A port free right now on 127.0.0.1: postgres cannot listen on port 0, so the kernel picks one first. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, every command runs as nobody, who owns the folder. */
const NOBODY = { uid: 65534, gid: 65534 };
const asServerUser = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'nobody', '--', command, ...args]] : [command, args];

async function exec(command: string, args: string[]): Promise<string> {
  const [file, argv] = asServerUser(command, args);
  try {
    const { stdout } = await run(file, argv, { timeout: 60000 });
    return stdout;
  } catch (error) {
    const detail = error as { stderr?: string; message: string };
    throw new Error(`${command} failed: ${detail.stderr ?? detail.message}`);
  }
}

/** A fresh server on a free loopback port, its data and socket in a new folder under the system temp dir. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = await binFolder();
  const dir = await mkdtemp(join(tmpdir(), 'scim-pg-'));
  if (process.getuid?.() === 0) await chown(dir, NOBODY.uid, NOBODY.gid);
  const data = join(dir, 'data');
  const stop = async (): Promise<void> => {
    await exec(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await exec(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    // A port taken between the probe and the start fails pg_ctl: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
      try {
        await exec(join(bin, 'pg_ctl'), [
          '-D',
          data,
          '-o',
          options,
          '-l',
          join(dir, 'log'),
          '-w',
          '-t',
          '60',
          'start',
        ]);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
