// Pins the file store: seeding, persistence across instances, durable acknowledged writes, and broken files named and left alone.
import { strict as assert } from 'node:assert';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_FILE_SYSTEM, type StoreFileSystem } from '../src/stores/atomic-file.js';
import { createFileStore, FileStoreError, type FileStore } from '../src/stores/file-store.js';
import { URN, type ScimGroup, type ScimUser } from '../src/protocol/resource.js';
import { parseFilter } from '../src/protocol/filter/parser.js';

const ctx = { requestId: 'test', dialect: '2.0' as const };
const query = { startIndex: 1, sortOrder: 'ascending' as const };

function user(userName: string, extra: Record<string, unknown> = {}): ScimUser {
  return { schemas: [URN.user], userName, ...extra };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** node:fs/promises, but writes into a temp file, or renames onto one file, fail while armed. */
function faultyFs() {
  const faults = { write: undefined as string | undefined, renameTo: undefined as string | undefined };
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const fs: StoreFileSystem = {
    ...NODE_FILE_SYSTEM,
    open: async (...args: Parameters<typeof NODE_FILE_SYSTEM.open>) => {
      const handle = await NODE_FILE_SYSTEM.open(...args);
      const writeFile = handle.writeFile.bind(handle);
      return Object.assign(handle, {
        writeFile: async (...given: Parameters<typeof handle.writeFile>) => {
          if (faults.write !== undefined) throw fail(faults.write);
          return writeFile(...given);
        },
      });
    },
    rename: async (from, to) => {
      if (faults.renameTo !== undefined && String(to).endsWith(faults.renameTo)) throw fail('EIO');
      return NODE_FILE_SYSTEM.rename(from, to);
    },
  };
  return { fs, faults };
}

describe('FileStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the folder and both files from the seed, and starts from the files afterwards', async () => {
    const folder = join(dir, 'nested', 'data');
    const seed = {
      users: [user('okta', { id: '101', password: 'inSecure' })],
      groups: [{ schemas: [URN.group], id: '1001', displayName: 'firstGroup', members: [{ value: '101' }] }],
    };
    const first = await createFileStore({ dir: folder, seed });
    assert.deepEqual(first.files, { users: join(folder, 'users.json'), groups: join(folder, 'groups.json') });
    const users = (await readJson(first.files.users)) as ScimUser[];
    assert.equal(users[0]?.userName, 'okta');
    assert.equal(users[0]?.groups, undefined, 'derived groups are not stored');
    const groups = (await readJson(first.files.groups)) as ScimGroup[];
    assert.deepEqual(groups[0]?.members, [{ value: '101', display: 'okta' }]);

    const created = await first.createUser(user('new'), ctx);
    await first.updateUser('101', user('okta', { active: false }), ctx);
    await first.createGroup(
      { schemas: [URN.group], displayName: 'second', members: [{ value: created.id! }] },
      ctx,
    );
    await first.deleteGroup('1001', ctx);

    // A second store on the same folder ignores the seed and sees every acknowledged change.
    const second = await createFileStore({ dir: folder, seed: { users: [user('ignored')] } });
    const listed = await second.getUsers(query, ctx);
    assert.deepEqual(
      listed.resources.map((u) => u.userName),
      ['okta', 'new'],
    );
    const okta = await second.getUser('101', ctx);
    assert.equal(okta.active, false);
    assert.equal(okta.password, 'inSecure');
    assert.equal(okta.groups, undefined);
    assert.equal(okta.meta?.version, 'W/"2"');
    const newUser = await second.getUser(created.id as string, ctx);
    assert.deepEqual(
      (newUser.groups as { display: string }[]).map((g) => g.display),
      ['second'],
    );
    await assert.rejects(second.getGroup('1001', ctx), /not found/);
    const groupList = await second.getGroups(
      { ...query, filter: parseFilter('displayName eq "SECOND"') },
      ctx,
    );
    assert.equal(groupList.totalResults, 1);
  });

  it('starts empty without a seed, and the user can be deleted durably', async () => {
    const store = await createFileStore({ dir });
    assert.deepEqual(await readJson(store.files.users), []);
    assert.deepEqual(await readJson(store.files.groups), []);
    const id = (await store.createUser(user('a'), ctx)).id as string;
    const group = await store.createGroup(
      { schemas: [URN.group], displayName: 'G', members: [{ value: id }] },
      ctx,
    );
    await store.updateGroup(
      group.id as string,
      { schemas: [URN.group], displayName: 'G2', members: [{ value: id }] },
      ctx,
    );
    await store.deleteUser(id, ctx);
    assert.deepEqual(await readJson(store.files.users), []);
    const [stored] = (await readJson(store.files.groups)) as ScimGroup[];
    assert.equal(stored?.displayName, 'G2');
    assert.deepEqual(stored?.members, []);
    assert.equal((await store.getGroup(group.id as string, ctx)).displayName, 'G2');
    assert.equal((await store.getGroups(query, ctx)).totalResults, 1);
  });

  it('seeds only the file that is absent', async () => {
    await writeFile(join(dir, 'users.json'), JSON.stringify([user('kept', { id: '1' })]));
    const store = await createFileStore({
      dir,
      seed: { users: [user('seeded')], groups: [{ schemas: [URN.group], displayName: 'seeded group' }] },
    });
    assert.deepEqual(
      (await store.getUsers(query, ctx)).resources.map((u) => u.userName),
      ['kept'],
    );
    assert.deepEqual(
      (await store.getGroups(query, ctx)).resources.map((g) => g.displayName),
      ['seeded group'],
    );
    assert.equal(((await readJson(store.files.groups)) as ScimGroup[]).length, 1);
  });

  it('has every acknowledged write on disk when its promise resolves, concurrent writes included', async () => {
    const store = await createFileStore({ dir });
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.createUser(user(`user${i}`), ctx)),
    );
    const onDisk = (await readJson(store.files.users)) as ScimUser[];
    assert.deepEqual(
      onDisk.map((u) => u.id),
      created.map((u) => u.id),
    );
    await store.close();
  });

  it('reads a file saved with a byte-order mark', async () => {
    await writeFile(join(dir, 'users.json'), `\ufeff${JSON.stringify([user('bom', { id: '1' })])}`);
    const store = await createFileStore({ dir });
    assert.equal((await store.getUser('1', ctx)).userName, 'bom');
  });

  it('removes temp files a crash left behind, and keeps other files', async () => {
    await writeFile(join(dir, '.users.json.123.abcdef.tmp'), '[');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await createFileStore({ dir });
    assert.deepEqual((await readdir(dir)).sort(), ['groups.json', 'notes.txt', 'users.json']);
  });

  it('rejects a write that cannot reach the disk, and keeps no trace of it', async () => {
    const store = await createFileStore({ dir });
    // A non-empty folder where users.json was makes the rename fail.
    await rm(store.files.users);
    await mkdir(join(store.files.users, 'blocker'), { recursive: true });
    await assert.rejects(store.createUser(user('lost-ack'), ctx), (error: NodeJS.ErrnoException) =>
      ['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes(error.code ?? ''),
    );
    await rm(store.files.users, { recursive: true });
    await store.createGroup({ schemas: [URN.group], displayName: 'only groups changed' }, ctx);
    await store.createUser(user('next'), ctx);
    const names = ((await readJson(store.files.users)) as ScimUser[]).map((u) => u.userName);
    assert.deepEqual(names, ['next']);
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.endsWith('.tmp')),
      [],
      'no temp file is left behind',
    );
  });

  describe('on a file system that fails on demand', () => {
    const userNames = async (store: FileStore) =>
      (await store.getUsers(query, ctx)).resources.map((u) => u.userName);

    for (const code of ['ENOSPC', 'EIO']) {
      it(`leaves no trace of a write that failed with ${code}, in memory or on disk`, async () => {
        const { fs, faults } = faultyFs();
        const store = await createFileStore({ dir, fs });
        await store.createUser(user('kept'), ctx);
        faults.write = code;
        // Two writes queued together fail together: neither was acknowledged.
        const failed = await Promise.allSettled([
          store.createUser(user('failed'), ctx),
          store.createUser(user('failed-too'), ctx),
        ]);
        assert.deepEqual(
          failed.map((result) => result.status),
          ['rejected', 'rejected'],
        );
        assert.deepEqual(await userNames(store), ['kept'], 'not in memory');
        faults.write = undefined;
        await store.createUser(user('failed'), ctx); // a retry is no conflict
        await store.createUser(user('later'), ctx);
        const reopened = await createFileStore({ dir });
        assert.deepEqual(await userNames(reopened), ['kept', 'failed', 'later']);
        assert.deepEqual(
          (await readdir(dir)).filter((name) => name.endsWith('.tmp')),
          [],
          'no temp file is left behind',
        );
      });
    }

    it('writes back the file it replaced when the other file of the same write fails', async () => {
      const { fs, faults } = faultyFs();
      const store = await createFileStore({ dir, fs });
      const member = await store.createUser(user('member'), ctx);
      await store.createGroup(
        { schemas: [URN.group], displayName: 'G', members: [{ value: member.id as string }] },
        ctx,
      );
      // Deleting a member rewrites users.json, then groups.json: the second rename fails.
      faults.renameTo = 'groups.json';
      await assert.rejects(store.deleteUser(member.id as string, ctx), /EIO/);
      faults.renameTo = undefined;
      assert.deepEqual(await userNames(store), ['member']);
      assert.equal(((await store.getGroups(query, ctx)).resources[0]?.members as unknown[]).length, 1);
      const reopened = await createFileStore({ dir });
      assert.deepEqual(await userNames(reopened), ['member']);
      const [stored] = (await readJson(reopened.files.groups)) as ScimGroup[];
      assert.equal((stored?.members as unknown[]).length, 1);
    });
  });

  it('persists a group PATCH, and undoes one the disk refused', async () => {
    const { fs, faults } = faultyFs();
    const store = await createFileStore({ dir, fs });
    const [a, b] = [await store.createUser(user('a'), ctx), await store.createUser(user('b'), ctx)];
    const group = await store.createGroup(
      { schemas: [URN.group], displayName: 'G', members: [{ value: a.id as string }] },
      ctx,
    );
    const id = group.id as string;
    const add = (value: string) => [{ op: 'add' as const, path: 'members', value: [{ value }] }];
    assert.equal(await store.patchGroup(id, add(b.id as string), ctx), undefined);
    const membersOnDisk = async () =>
      ((await readJson(store.files.groups)) as ScimGroup[])[0]?.members?.map((m) => m.value);
    assert.deepEqual(await membersOnDisk(), [a.id, b.id]);
    faults.renameTo = 'groups.json';
    await assert.rejects(
      store.patchGroup(id, [{ op: 'remove', path: `members[value eq "${a.id}"]` }], ctx),
      /EIO/,
    );
    faults.renameTo = undefined;
    const members = async () => (await store.getGroup(id, ctx)).members?.map((m) => m.value);
    assert.deepEqual(await members(), [a.id, b.id], 'the refused removal is undone in memory');
    assert.equal(((await store.getUser(a.id as string, ctx)).groups as unknown[]).length, 1);
    await store.patchGroup(id, add('c'), ctx);
    assert.deepEqual(await membersOnDisk(), [a.id, b.id, 'c']);
    assert.deepEqual(await members(), [a.id, b.id, 'c']);
  });

  it('refuses an invalid seed given in code', async () => {
    await assert.rejects(
      createFileStore({ dir, seed: { users: [user('a'), user('A')] } }),
      /seed is invalid: A user with userName "A" already exists/,
    );
  });

  const corrupt: [string, { text: string; line: number; column: number; problem: RegExp }][] = [
    [
      'an unexpected token',
      {
        text: '[\n  {\n    "id": "1", "userName": x\n  }\n]',
        line: 3,
        column: 28,
        problem: /Unexpected 'x' \(expected a value\)/,
      },
    ],
    [
      'a trailing comma',
      {
        text: '[\n  {"id": "1", "userName": "a", "schemas": []},\n]',
        line: 3,
        column: 1,
        problem: /trailing comma/,
      },
    ],
    [
      'a file cut short',
      { text: '[\n  {"id": "1", "userName": "a"', line: 2, column: 30, problem: /Unexpected end of file/ },
    ],
    [
      'an empty file',
      { text: '', line: 1, column: 1, problem: /Unexpected end of file \(expected a value\)/ },
    ],
  ];
  for (const [name, { text, line, column, problem }] of corrupt) {
    it(`names the file, line, column and problem for ${name}, and leaves the folder untouched`, async () => {
      const path = join(dir, 'users.json');
      await writeFile(path, text);
      await assert.rejects(createFileStore({ dir, seed: { users: [user('seed')] } }), (error: unknown) => {
        assert.ok(error instanceof FileStoreError);
        assert.equal(error.file, path);
        assert.equal(error.line, line);
        assert.equal(error.column, column);
        assert.match(error.problem, problem);
        assert.ok(error.message.startsWith(`${path} line ${line}, column ${column}: `), error.message);
        assert.match(error.message, / — fix or remove the file$/);
        return true;
      });
      assert.equal(await readFile(path, 'utf8'), text);
      assert.deepEqual(await readdir(dir), ['users.json'], 'groups.json is not created either');
    });
  }

  const badShapes: [
    string,
    { file: 'users.json' | 'groups.json'; content: unknown; line?: number; problem: RegExp },
  ][] = [
    [
      'an object instead of an array',
      {
        file: 'users.json',
        content: { Resources: [] },
        problem: /^expected a JSON array of users, found an object$/,
      },
    ],
    [
      'a string element',
      {
        file: 'users.json',
        content: ['bjensen'],
        line: 2,
        problem: /^user \[0\] is a string, expected an object$/,
      },
    ],
    [
      'a user without id',
      {
        file: 'users.json',
        content: [{ schemas: [URN.user], userName: 'a' }],
        line: 2,
        problem: /user \[0\] has no "id"/,
      },
    ],
    [
      'a user without userName',
      {
        file: 'users.json',
        content: [user('a', { id: '1' }), { schemas: [URN.user], id: '2' }],
        line: 9,
        problem: /user \[1\] has no "userName"/,
      },
    ],
    [
      'a user without schemas',
      {
        file: 'users.json',
        content: [{ id: '1', userName: 'a' }],
        line: 2,
        problem: /user \[0\] has no "schemas"/,
      },
    ],
    [
      'a meta that is not an object',
      {
        file: 'users.json',
        content: [user('a', { id: '1', meta: 'x' })],
        line: 2,
        problem: /"meta" that is not an object/,
      },
    ],
    [
      'two users with one userName, ignoring case',
      {
        file: 'users.json',
        content: [user('Alice', { id: '1' }), user('ALICE', { id: '2' })],
        line: 9,
        problem:
          /user \[1\] has the same userName "ALICE" as user \[0\] \(userName is unique, ignoring case and Unicode normalisation\)/,
      },
    ],
    [
      'two users with one id',
      {
        file: 'users.json',
        content: [user('a', { id: '1' }), user('b', { id: '1' })],
        line: 9,
        problem: /user \[1\] has the same id "1" as user \[0\]/,
      },
    ],
    [
      'a null element',
      { file: 'groups.json', content: [null], line: 2, problem: /^group \[0\] is null, expected an object$/ },
    ],
    [
      'a group without displayName',
      {
        file: 'groups.json',
        content: [{ schemas: [URN.group], id: '1' }],
        line: 2,
        problem: /group \[0\] has no "displayName"/,
      },
    ],
    [
      'members that are not objects with a value',
      {
        file: 'groups.json',
        content: [{ schemas: [URN.group], id: '1', displayName: 'G', members: ['101'] }],
        line: 2,
        problem: /"members" that are not an array/,
      },
    ],
    [
      'a member with an empty value',
      {
        file: 'groups.json',
        content: [{ schemas: [URN.group], id: '1', displayName: 'G', members: [{ value: '' }] }],
        line: 2,
        problem: /"members" that are not an array of \{"value": "<id>"\} objects/,
      },
    ],
    [
      'two groups with one displayName',
      {
        file: 'groups.json',
        content: [
          { schemas: [URN.group], id: '1', displayName: 'G' },
          { schemas: [URN.group], id: '2', displayName: 'g' },
        ],
        line: 9,
        problem: /group \[1\] has the same displayName "g" as group \[0\]/,
      },
    ],
  ];
  for (const [name, { file, content, line, problem }] of badShapes) {
    it(`refuses ${name} with a clear message, leaving the file as it was`, async () => {
      const path = join(dir, file);
      const text = JSON.stringify(content, null, 2);
      await writeFile(path, text);
      await assert.rejects(createFileStore({ dir }), (error: unknown) => {
        assert.ok(error instanceof FileStoreError);
        assert.equal(error.file, path);
        assert.equal(error.line, line);
        assert.match(error.problem, problem);
        assert.ok(
          error.message.startsWith(line === undefined ? `${path}: ` : `${path} line ${line}, column 3: `),
          error.message,
        );
        return true;
      });
      assert.equal(await readFile(path, 'utf8'), text);
    });
  }

  it('says so when a file cannot be read', async () => {
    await mkdir(join(dir, 'users.json'));
    await assert.rejects(
      createFileStore({ dir }),
      /users\.json: cannot be read \(EISDIR\) — fix or remove the file/,
    );
  });
});
