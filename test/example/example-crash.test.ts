// The example's file store through its HTTP API: SIGKILL at seeded random moments keeps every 2xx write; a corrupt file stops start-up.
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../support/seeded-random.js';
import { ExampleExited, startExample, type RunningExample } from './example-process.js';

const SEED = 20261129;
const KILLS = 24;
const TOKEN = 'example-crash-token';
const USER_SLOTS = 3;
const HEADERS = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' };
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** What a user must hold: the last acknowledged write, or the write in flight when the process died. */
interface UserState {
  displayName: string;
  title: string;
}
interface Expected {
  acked: UserState;
  /** The state a write that got no answer would leave: it may or may not have reached the file. */
  pending?: UserState;
}

/** Every acknowledged write so far: users by id, and the members acknowledged in each group. */
interface Ledger {
  users: Map<string, Expected>;
  groups: Map<string, Set<string>>;
  writes: number;
}

interface StoredResource {
  id: string;
  displayName?: string;
  title?: string;
  members?: { value: string }[];
}

async function send(origin: string, method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${origin}/scim/v2${path}`, {
    method,
    headers: HEADERS,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

/** Fails on an answer other than 2xx: the server must not refuse these writes. The resource, if it sent one. */
async function ok(response: Response, what: string): Promise<StoredResource | undefined> {
  const text = await response.text();
  assert.ok(response.status >= 200 && response.status < 300, `${what}: ${response.status} ${text}`);
  // A group PATCH answers 204 No Content.
  return response.status === 204 ? undefined : (JSON.parse(text) as StoredResource);
}

/** ok, for a write that answers with the resource (a POST). */
async function okResource(response: Response, what: string): Promise<StoredResource> {
  const resource = await ok(response, what);
  assert.ok(resource !== undefined, `${what}: answered without the resource`);
  return resource;
}

/**
 * One user's writes in order until the process dies: POST, then PUT and PATCH by turns, a new user every
 * six writes. Each write is recorded as pending before it is sent and as acknowledged on its 2xx.
 */
async function userWriter(origin: string, ledger: Ledger, round: number, slot: number, alive: () => boolean) {
  for (let user = 0; alive(); user += 1) {
    const first: UserState = { displayName: 'created', title: 'none' };
    const created = await okResource(
      await send(origin, 'POST', '/Users', {
        schemas: [USER_URN],
        userName: `crash-${round}-${slot}-${user}@example.com`,
        ...first,
      }),
      'POST /Users',
    );
    const expected: Expected = { acked: first };
    ledger.users.set(created.id, expected);
    ledger.writes += 1;
    for (let write = 1; write < 6 && alive(); write += 1) {
      const put = write % 2 === 1;
      const next: UserState = put
        ? { ...expected.acked, displayName: `put-${round}-${write}` }
        : { ...expected.acked, title: `patch-${round}-${write}` };
      expected.pending = next;
      const response = put
        ? await send(origin, 'PUT', `/Users/${created.id}`, {
            schemas: [USER_URN],
            userName: `crash-${round}-${slot}-${user}@example.com`,
            ...next,
          })
        : await send(origin, 'PATCH', `/Users/${created.id}`, {
            schemas: [PATCH_URN],
            Operations: [{ op: 'replace', path: 'title', value: next.title }],
          });
      await ok(response, `${put ? 'PUT' : 'PATCH'} /Users/${created.id}`);
      expected.acked = next;
      delete expected.pending;
      ledger.writes += 1;
    }
  }
}

/** A group per round, PATCHed to add each user the ledger holds, one by one. */
async function groupWriter(origin: string, ledger: Ledger, round: number, alive: () => boolean) {
  const group = await okResource(
    await send(origin, 'POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `crash-group-${round}`,
    }),
    'POST /Groups',
  );
  const members = new Set<string>();
  ledger.groups.set(group.id, members);
  ledger.writes += 1;
  for (const id of ledger.users.keys()) {
    if (!alive()) return;
    await ok(
      await send(origin, 'PATCH', `/Groups/${group.id}`, {
        schemas: [PATCH_URN],
        Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
      }),
      `PATCH /Groups/${group.id}`,
    );
    members.add(id);
    ledger.writes += 1;
  }
}

/** Writes through the API until `delayMs` after the round's first acknowledgement, then SIGKILLs the example. */
async function writeAndKill(example: RunningExample, ledger: Ledger, round: number, delayMs: number) {
  let alive = true;
  let settled = false;
  const before = ledger.writes;
  // A writer may only stop by the kill: an error (a refusal or a failed request) while the process lived is a finding.
  const failures: unknown[] = [];
  const writers = [
    ...Array.from({ length: USER_SLOTS }, (_, slot) =>
      userWriter(example.origin, ledger, round, slot, () => alive),
    ),
    groupWriter(example.origin, ledger, round, () => alive),
  ].map((writer) => writer.catch((error: unknown) => (alive ? failures.push(error) : undefined)));
  const done = Promise.all(writers).then(() => (settled = true));
  while (ledger.writes === before && !settled) await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  alive = false;
  await example.kill();
  await done;
  if (failures.length > 0) throw failures[0];
}

/** Reads a store file; JSON.parse throwing here fails the test: the file must always parse. */
async function readStoreFile(dir: string, name: string): Promise<StoredResource[]> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as StoredResource[];
}

function checkFiles(users: StoredResource[], groups: StoredResource[], ledger: Ledger, when: string): void {
  const byId = new Map(users.map((user) => [user.id, user]));
  for (const [id, expected] of ledger.users) {
    const stored = byId.get(id);
    assert.ok(stored !== undefined, `${when}: acknowledged user ${id} is missing`);
    const state = { displayName: stored.displayName, title: stored.title };
    const allowed = [expected.acked, ...(expected.pending ? [expected.pending] : [])];
    assert.ok(
      allowed.some(
        (candidate) => candidate.displayName === state.displayName && candidate.title === state.title,
      ),
      `${when}: user ${id} holds ${JSON.stringify(state)}, acknowledged ${JSON.stringify(expected.acked)}`,
    );
  }
  for (const [id, members] of ledger.groups) {
    const stored = groups.find((group) => group.id === id);
    assert.ok(stored !== undefined, `${when}: acknowledged group ${id} is missing`);
    const values = new Set((stored.members ?? []).map((member) => member.value));
    const lost = [...members].filter((member) => !values.has(member));
    assert.deepEqual(lost, [], `${when}: group ${id} lost acknowledged members`);
  }
}

describe(`the example's file store under SIGKILL, through its HTTP API (${KILLS} kills, seed ${SEED})`, function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-crash-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps every write that got a 2xx, and the files always parse', async () => {
    console.log(`      crash test seed ${SEED}`);
    const next = seededRandom(SEED);
    const ledger: Ledger = { users: new Map(), groups: new Map(), writes: 0 };
    const env = { STORE: 'file', STORE_DIR: dir, SCIM_BEARER_TOKEN: TOKEN };
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const delayMs = Math.floor(next() * 150);
      await writeAndKill(await startExample(env), ledger, kill, delayMs);
      const when = `kill ${kill} (${delayMs} ms after the first 2xx)`;
      checkFiles(
        await readStoreFile(dir, 'users.json'),
        await readStoreFile(dir, 'groups.json'),
        ledger,
        when,
      );
    }
    // Restarted once more, the API serves what the files hold: every acknowledged user, the seed too.
    const example = await startExample(env);
    try {
      const list = await fetch(`${example.origin}/scim/v2/Users?count=100000`, { headers: HEADERS });
      const users = ((await list.json()) as { Resources: StoredResource[] }).Resources;
      const groups = await fetch(`${example.origin}/scim/v2/Groups?count=100000`, { headers: HEADERS });
      checkFiles(
        users,
        ((await groups.json()) as { Resources: StoredResource[] }).Resources,
        ledger,
        'after',
      );
      assert.ok(users.some((user) => user.id === '101') && users.some((user) => user.id === '102'), 'seed');
    } finally {
      await example.stop();
    }
    console.log(`      ${KILLS} kills, ${ledger.writes} acknowledged writes, ${ledger.users.size} users`);
  });
});

describe("the example's file store refuses a corrupt users.json", function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-corrupt-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('stops start-up naming the file, line and column, and leaves the folder byte for byte as it was', async () => {
    const corrupt = '[\n  { "id": "1", "userName": "a" },\n  { "id": "2", "userName": "b" ,, }\n]\n';
    const file = join(dir, 'users.json');
    await writeFile(file, corrupt);
    const error = await startExample({ STORE: 'file', STORE_DIR: dir, SCIM_BEARER_TOKEN: TOKEN }).then(
      async (example) => {
        await example.stop();
        assert.fail(`the example started on a corrupt users.json:\n${example.output()}`);
      },
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof ExampleExited, String(error));
    assert.notEqual(error.code, 0);
    assert.match(
      error.output,
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3, column 33: `),
    );
    assert.equal(await readFile(file, 'utf8'), corrupt);
    assert.deepEqual(await readdir(dir), ['users.json'], 'nothing written beside it');
  });
});
