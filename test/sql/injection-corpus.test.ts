// Hostile text in filter values, ids, attribute values and sortBy against the initech-sql connector on PostgreSQL.
import assert from 'node:assert/strict';
import pg from 'pg';
import { readConfig } from '../golden/initech-sql/src/generated/config.js';
import { createServer } from '../golden/initech-sql/src/server.js';
import { freshDatabase, withPostgres } from './postgres-database.js';

const TOKEN = 'injection-test-token';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Values that are data: stored and read back unchanged, matching only themselves. */
const VALID = [
  "O'Brien",
  '50%',
  'a_b',
  'back\\slash',
  '"quoted"',
  "'; drop table accounts; --",
  "x' or '1'='1",
  '/* comment */ value',
  '-- not a comment',
  '); delete from team_members; select (',
  '%',
  '_',
  '\\',
  '%_\\%',
];

/** Values no column can hold. */
const INVALID = ['nul\u0000inside'];

/** The parts of SCIM answers the tests read. */
interface ScimBody {
  id?: string;
  title?: string;
  name?: { familyName?: string };
  emails?: { value: string }[];
  Resources?: { id: string }[];
  totalResults?: number;
}

const idsOf = (body: ScimBody): string[] => (body.Resources ?? []).map((r) => r.id);

/** A filter's string literal (RFC 7644: JSON string syntax). */
const literal = (value: string): string => JSON.stringify(value);

describe('injection corpus on PostgreSQL', function () {
  this.timeout(180000);
  const postgres = withPostgres();
  let base = '';
  let close: () => Promise<void> = async () => undefined;
  let admin: pg.Client;

  const request = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: ScimBody }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as ScimBody };
  };
  const list = (params: Record<string, string>) =>
    request('GET', `/Users?${new URLSearchParams(params).toString()}`);

  /** md5 of every row of every table, and the table list: what "nothing else changed" compares. */
  const checksum = async (): Promise<string> => {
    const tables = await admin.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    const sums: string[] = [];
    for (const { tablename } of tables.rows) {
      const sum = await admin.query<{ md5: string | null }>(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${tablename} t`,
      );
      sums.push(`${tablename}:${sum.rows[0]!.md5}`);
    }
    return sums.join(',');
  };

  before(async () => {
    const url = await freshDatabase(postgres.server());
    admin = new pg.Client(url);
    admin.on('error', () => undefined);
    await admin.connect();
    const env = {
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BEARER_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
    };
    const server = await createServer({ ...readConfig(env), tls: undefined });
    base = `${await server.listen()}/scim/v2`;
    close = () => server.close();
  });
  after(async () => {
    await close();
    await admin.end();
  });

  it('stores each valid value unchanged and finds it, and only it, with eq', async () => {
    const ids = new Map<string, string>();
    for (const [i, value] of VALID.entries()) {
      const created = await request('POST', '/Users', {
        schemas: [USER],
        userName: `inj${i}-${value}`,
        title: value,
        name: { familyName: value },
        emails: [{ value: `${value}@x.example`, type: 'work' }],
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      assert.equal(created.json.title, value);
      ids.set(value, created.json.id!);
      const read = await request('GET', `/Users/${created.json.id!}`);
      assert.equal(read.json.title, value);
      assert.equal(read.json.name?.familyName, value);
      assert.equal(read.json.emails?.[0]?.value, `${value}@x.example`);
    }
    for (const value of VALID) {
      for (const filter of [
        `title eq ${literal(value)}`,
        `name.familyName eq ${literal(value)}`,
        `userName eq ${literal(`inj${VALID.indexOf(value)}-${value}`)}`,
        `emails[value eq ${literal(`${value}@x.example`)}]`,
      ]) {
        const found = await list({ filter });
        assert.equal(found.status, 200, filter);
        assert.deepEqual(idsOf(found.json), [ids.get(value)], filter);
      }
      const contains = await list({ filter: `title co ${literal(value)}`, count: '100' });
      const want = VALID.filter((other) => other.toLowerCase().includes(value.toLowerCase())).map((v) =>
        ids.get(v),
      );
      assert.deepEqual(new Set(idsOf(contains.json)), new Set(want), `title co ${literal(value)}`);
    }
  });

  it('answers hostile ids, filters and sortBy with 4xx or nothing found, and changes no row', async () => {
    const before = await checksum();
    for (const value of [...VALID, ...INVALID]) {
      const id = encodeURIComponent(value);
      for (const method of ['GET', 'DELETE']) {
        const answer = await request(method, `/Users/${id}`);
        assert.ok(answer.status === 404 || answer.status === 400, `${method} ${value}: ${answer.status}`);
      }
      const put = await request('PUT', `/Users/${id}`, { schemas: [USER], userName: 'x' });
      assert.ok(put.status === 404 || put.status === 400, `PUT ${value}: ${put.status}`);
      const patch = await request('PATCH', `/Groups/${id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'add', path: 'members', value: [{ value }] }],
      });
      assert.ok(patch.status === 404 || patch.status === 400, `PATCH ${value}: ${patch.status}`);
      for (const sortBy of [value, `title; ${value}`, `title ${value}`]) {
        const sorted = await list({ sortBy });
        assert.ok(sorted.status === 400 || sorted.status === 200, `sortBy ${sortBy}: ${sorted.status}`);
      }
      const wildcard = await list({ filter: `title eq ${literal(`${value}x`)}` });
      assert.ok(wildcard.status < 500, `${value}: ${wildcard.status}`);
      if (wildcard.status === 200) assert.equal(wildcard.json.totalResults, 0);
    }
    for (const value of INVALID) {
      const filtered = await list({ filter: `title eq ${literal(value)}` });
      assert.ok(filtered.status === 400 || filtered.json.totalResults === 0, `filter ${literal(value)}`);
      const created = await request('POST', '/Users', {
        schemas: [USER],
        userName: `bad-${value}`,
        title: value,
      });
      assert.equal(created.status, 400, literal(value));
      const named = await request('POST', '/Users', { schemas: [USER], userName: value });
      assert.equal(named.status, 400, literal(value));
    }
    assert.equal(await checksum(), before);
  });
});
