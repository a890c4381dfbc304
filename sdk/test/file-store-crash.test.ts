// Kills a process writing to a file store with SIGKILL at random moments: the files must parse and hold every acknowledged write.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileStore } from '../src/stores/file-store.js';
import type { ScimGroup, ScimUser } from '../src/protocol/resource.js';
import { seededRandom } from '../../test/support/seeded-random.js';

const seed = 20261128;
const kills = 24;
const writer = fileURLToPath(new URL('./fixtures/file-store-writer.ts', import.meta.url));
/** The repository root, where `--import tsx` resolves whatever the current folder. */
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Round {
  users: string[];
  /** The last acknowledged membership count of the round's group, by group id. */
  groups: Map<string, number>;
}

/** Runs the writer until it has acknowledged something, waits `delayMs` more, then kills it with SIGKILL. */
function runAndKill(dir: string, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { users: [], groups: new Map() };
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id, count] = line.split(' ');
        if (kind === 'user' && id !== undefined) round.users.push(id);
        if (kind === 'group' && id !== undefined) round.groups.set(id, Number(count));
      }
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(round);
      else reject(new Error(`the writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe(`FileStore under kill -9 (${kills} kills, seed ${seed})`, function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-store-crash-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, and the files always parse', async () => {
    console.log(`      crash test seed ${seed}`);
    const next = seededRandom(seed);
    const acknowledged = new Set<string>();
    const groupCounts = new Map<string, number>();
    for (let kill = 1; kill <= kills; kill += 1) {
      const delayMs = Math.floor(next() * 60);
      const round = await runAndKill(dir, delayMs);
      assert.ok(round.users.length > 0, `kill ${kill}: the writer acknowledged nothing`);
      for (const id of round.users) acknowledged.add(id);
      for (const [id, count] of round.groups) groupCounts.set(id, count);

      const users = JSON.parse(await readFile(join(dir, 'users.json'), 'utf8')) as ScimUser[];
      const groups = JSON.parse(await readFile(join(dir, 'groups.json'), 'utf8')) as ScimGroup[];
      const stored = new Set(users.map((user) => user.id));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      assert.deepEqual(
        missing,
        [],
        `kill ${kill} (after ${delayMs} ms): acknowledged users missing from users.json`,
      );
      for (const [id, count] of groupCounts) {
        const group = groups.find((candidate) => candidate.id === id);
        assert.ok(group !== undefined, `kill ${kill}: acknowledged group ${id} missing`);
        assert.ok(
          (group.members as unknown[]).length >= count,
          `kill ${kill}: group ${id} lost acknowledged members`,
        );
      }
    }
    // The folder still opens as a store, with everything in it.
    const store = await createFileStore({ dir });
    const all = await store.getUsers(
      { startIndex: 1, sortOrder: 'ascending' },
      { requestId: 'check', dialect: '2.0' },
    );
    assert.ok(all.totalResults >= acknowledged.size);
    console.log(`      ${kills} kills, ${acknowledged.size} acknowledged users, ${all.totalResults} stored`);
  });
});
