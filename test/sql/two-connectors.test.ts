// Two connector processes on one PostgreSQL with concurrent clients: nothing lost or duplicated, one 201 per racing create.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freshDatabase, withPostgres } from './postgres-database.js';

const TOKEN = 'two-connectors-token';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAIN = fileURLToPath(new URL('../golden/initech-sql/src/main.ts', import.meta.url));

interface Connector {
  base: string;
  child: ChildProcess;
}

/** The golden connector's own entry point in a child process; resolves with its SCIM 2.0 base URL once it listens. */
function startConnector(databaseUrl: string): Promise<Connector> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=scim-connector-source', MAIN], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BEARER_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      // Empty, not absent: Node copies the parent's NODE_V8_COVERAGE into a child whose env lacks the key,
      // and a child running the sources through tsx under c8 skews the run's coverage of sdk/src/protocol.
      NODE_V8_COVERAGE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the connector did not start:\n${output}`)), 60000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ base: `${url}/scim/v2`, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the connector exited (${code}):\n${output}`)));
  });
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; id?: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed = (text === '' ? {} : JSON.parse(text)) as { id?: string };
  return parsed.id === undefined ? { status: response.status } : { status: response.status, id: parsed.id };
}

describe('two connector processes on one PostgreSQL', function () {
  this.timeout(180000);
  const postgres = withPostgres();
  let connectors: Connector[] = [];
  let db: pg.Client;

  before(async () => {
    const url = await freshDatabase(postgres.server());
    connectors = await Promise.all([startConnector(url), startConnector(url)]);
    db = new pg.Client(url);
    db.on('error', () => undefined);
    await db.connect();
  });
  after(async () => {
    for (const { child } of connectors) child.kill('SIGTERM');
    await db?.end();
  });
  const through = (i: number): string => connectors[i % 2]!.base;

  it('keeps every concurrent push and profile update, once', async () => {
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(through(i), 'POST', '/Users', {
          schemas: [USER],
          userName: `push${i}@initech.example`,
          title: 'new',
        }),
      ),
    );
    assert.deepEqual(
      created.map((c) => c.status),
      Array(40).fill(201),
    );
    const updated = await Promise.all(
      created.map((c, i) =>
        call(through(i + 1), 'PUT', `/Users/${c.id!}`, {
          schemas: [USER],
          userName: `push${i}@initech.example`,
          title: `t${i}`,
        }),
      ),
    );
    assert.deepEqual(
      updated.map((u) => u.status),
      Array(40).fill(200),
    );
    const rows = await db.query<{ login: string; title: string }>(
      "select login, title from accounts where login like 'push%'",
    );
    assert.equal(rows.rows.length, 40);
    for (const row of rows.rows) assert.equal(row.title, `t${/push(\d+)@/.exec(row.login)![1]!}`);
  });

  it('keeps every membership PATCH answered 2xx, sent through both at once', async () => {
    const users = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(through(i), 'POST', '/Users', { schemas: [USER], userName: `member${i}@initech.example` }),
      ),
    );
    const group = await call(through(0), 'POST', '/Groups', { schemas: [GROUP], displayName: 'Racers' });
    assert.equal(group.status, 201);
    const patched = await Promise.all(
      users.map((user, i) =>
        call(through(i), 'PATCH', `/Groups/${group.id!}`, {
          schemas: [PATCH],
          Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }],
        }),
      ),
    );
    const ok = users.filter((_, i) => patched[i]!.status >= 200 && patched[i]!.status < 300).map((u) => u.id);
    for (const answer of patched) assert.ok([200, 204, 409].includes(answer.status), String(answer.status));
    const members = await db.query<{ account_id: string }>(
      'select account_id from team_members where team_id = $1',
      [group.id],
    );
    const stored = new Set(members.rows.map((r) => r.account_id));
    for (const id of ok) assert.ok(stored.has(id!), `member ${id!} answered 2xx but is not stored`);
    assert.equal(stored.size, members.rows.length, 'no member is stored twice');
    console.log(`      ${ok.length} of ${users.length} concurrent membership PATCHes answered 2xx`);
    assert.ok(ok.length > 0);
  });

  it('answers exactly one 201 when both get the same new userName at once', async () => {
    for (let round = 0; round < 10; round++) {
      const userName = `Race${round}@Initech.example`;
      const answers = await Promise.all(
        [0, 1].map((i) => call(through(i), 'POST', '/Users', { schemas: [USER], userName })),
      );
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409], `round ${round}`);
      const rows = await db.query('select 1 from accounts where login_key = $1', [userName.toLowerCase()]);
      assert.equal(rows.rows.length, 1);
    }
  });
});
