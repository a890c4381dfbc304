// A MemoryStore persisted as users.json and groups.json: every acknowledged write is durable, a broken file is named, never overwritten.
import { join, resolve } from 'node:path';
import type { ScimGroup, ScimUser } from '../protocol/resource.js';
import type { SchemaRegistry } from '../protocol/resource-schema.js';
import type {
  ListQuery,
  ListResult,
  PatchOperation,
  RequestContext,
  ScimService,
} from '../service/scim-service.js';
import { isJsonObject } from '../protocol/json-value.js';
import { userNameKey } from '../protocol/name-key.js';
import { NODE_FILE_SYSTEM, writeFileAtomic, writeFilesAtomic, type StoreFileSystem } from './atomic-file.js';
import { findJsonSyntaxError, positionAt, topLevelElementOffsets } from './json-syntax-error.js';
import { MemoryStore, type StoreChange } from './memory-store.js';

export interface FileStoreOptions {
  /** The folder holding users.json and groups.json; created if absent. */
  dir: string;
  /** What an absent users.json or groups.json starts with (each file separately). */
  seed?: { users?: ScimUser[]; groups?: ScimGroup[] };
  schemas?: SchemaRegistry;
  now?: () => Date;
  newId?: () => string;
  /** The file system (node:fs/promises by default); tests hand in one that fails on demand. */
  fs?: StoreFileSystem;
}

type Collection = 'users' | 'groups';

/** A users.json or groups.json that cannot be loaded; `file` is its path, `line`/`column` where the problem is. */
export class FileStoreError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(
      `${file}${line === undefined ? '' : ` line ${line}, column ${column}`}: ${problem} — fix or remove the file`,
    );
    this.name = 'FileStoreError';
  }
}

/** Opens (or creates, from the seed) the store in `options.dir`. Throws FileStoreError for a broken file. */
export function createFileStore(options: FileStoreOptions): Promise<FileStore> {
  return FileStore.open(options);
}

/**
 * A ScimService whose state is a MemoryStore written to disk after every change. Writes go through one
 * queue; each replaces the file atomically (temp file, fsync, rename, fsync of the folder), and a method
 * resolves only once its change is on disk, so an acknowledged write survives `kill -9` and power loss.
 * Writes waiting behind a running one share the next file write. A write that cannot reach the disk
 * (disk full, I/O error) is undone in memory, with every write queued behind it, and rejected: nothing
 * of it stays, in memory or in the files. Every write rewrites the whole changed
 * file, which suits the thousands of users a demo or test holds, not millions. One process per folder.
 */
export class FileStore implements ScimService {
  /** Absolute paths of the two files. */
  readonly files: Readonly<Record<Collection, string>>;
  private readonly memory: MemoryStore;
  private readonly dirty = { users: false, groups: false };
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running: Promise<void> | undefined;
  /** Puts the memory back to what the files hold: every write since then is not on disk. */
  private restoreOnDisk: () => void;

  /** The schemas the store checks against: give them to the server too (`schemas: store.schemas`). */
  get schemas(): SchemaRegistry {
    return this.memory.schemas;
  }

  private constructor(
    files: Record<Collection, string>,
    private readonly fs: StoreFileSystem,
    build: (onChange: (change: StoreChange) => Promise<void>) => MemoryStore,
  ) {
    this.files = files;
    this.memory = build((change) => this.persist(change));
    this.restoreOnDisk = this.memory.checkpoint();
  }

  static async open(options: FileStoreOptions): Promise<FileStore> {
    const fs = options.fs ?? NODE_FILE_SYSTEM;
    const dir = resolve(options.dir);
    await fs.mkdir(dir, { recursive: true });
    await removeStaleTempFiles(dir, fs);
    const files = { users: join(dir, 'users.json'), groups: join(dir, 'groups.json') };
    const users = await load(files.users, 'users', fs);
    const groups = await load(files.groups, 'groups', fs);
    const store = new FileStore(files, fs, (onChange) => {
      try {
        return new MemoryStore({
          schemas: options.schemas,
          now: options.now,
          newId: options.newId,
          seed: { users: users ?? options.seed?.users ?? [], groups: groups ?? options.seed?.groups ?? [] },
          onChange,
        });
      } catch (error) {
        // load() checks the files; what is left is a bad seed given in code.
        throw new Error(
          `The file store's seed is invalid: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    });
    if (users === undefined) await writeFileAtomic(files.users, store.memory.serialize('users'), fs);
    if (groups === undefined) await writeFileAtomic(files.groups, store.memory.serialize('groups'), fs);
    return store;
  }

  /** Resolves once every write started so far is on disk (for a graceful shutdown). */
  async close(): Promise<void> {
    while (this.running !== undefined) await this.running.catch(() => undefined);
  }

  createUser(user: ScimUser, ctx?: RequestContext): Promise<ScimUser> {
    return this.memory.createUser(user, ctx);
  }

  updateUser(id: string, user: ScimUser, ctx?: RequestContext): Promise<ScimUser> {
    return this.memory.updateUser(id, user, ctx);
  }

  getUser(id: string, ctx?: RequestContext): Promise<ScimUser> {
    return this.memory.getUser(id, ctx);
  }

  getUsers(query: ListQuery, ctx?: RequestContext): Promise<ListResult<ScimUser>> {
    return this.memory.getUsers(query, ctx);
  }

  deleteUser(id: string, ctx?: RequestContext): Promise<void> {
    return this.memory.deleteUser(id, ctx);
  }

  createGroup(group: ScimGroup, ctx?: RequestContext): Promise<ScimGroup> {
    return this.memory.createGroup(group, ctx);
  }

  updateGroup(id: string, group: ScimGroup, ctx?: RequestContext): Promise<ScimGroup> {
    return this.memory.updateGroup(id, group, ctx);
  }

  /**
   * MemoryStore.patchGroup: in memory the change costs what the operations carry; groups.json is then
   * rewritten whole, as every write here is, and a group changed after a file write copies its member
   * list once (that write's checkpoint may still need the old one).
   */
  patchGroup(id: string, operations: PatchOperation[], ctx?: RequestContext): Promise<undefined> {
    return this.memory.patchGroup(id, operations, ctx);
  }

  getGroup(id: string, ctx?: RequestContext): Promise<ScimGroup> {
    return this.memory.getGroup(id, ctx);
  }

  getGroups(query: ListQuery, ctx?: RequestContext): Promise<ListResult<ScimGroup>> {
    return this.memory.getGroups(query, ctx);
  }

  deleteGroup(id: string, ctx?: RequestContext): Promise<void> {
    return this.memory.deleteGroup(id, ctx);
  }

  /** Queues the change; resolves when a file write that started after it has finished. */
  private persist(change: StoreChange): Promise<void> {
    this.dirty.users ||= change.users;
    this.dirty.groups ||= change.groups;
    const written = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.running ??= this.drain();
    return written;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      const todo = (['users', 'groups'] as const).filter((collection) => this.dirty[collection]);
      this.dirty.users = false;
      this.dirty.groups = false;
      // The text is taken now, not when the change was made: it holds every change made so far.
      const written = this.memory.checkpoint();
      const files = todo.map((collection) => ({
        path: this.files[collection],
        contents: this.memory.serialize(collection),
      }));
      try {
        await writeFilesAtomic(files, this.fs);
        this.restoreOnDisk = written;
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        await this.undo(error as Error & { replaced?: string[] });
        // Writes queued meanwhile came after the failed ones and were undone with them.
        const failed = [...batch, ...this.waiting];
        this.waiting = [];
        for (const waiter of failed) waiter.reject(error);
      }
    }
    this.running = undefined;
  }

  /**
   * A write that failed leaves no trace: the memory goes back to what the files hold, and a file
   * that was replaced before the failure (a rename or fsync failed after it) is written back.
   */
  private async undo(error: { replaced?: string[] }): Promise<void> {
    this.restoreOnDisk();
    this.dirty.users = false;
    this.dirty.groups = false;
    const replaced = (['users', 'groups'] as const).filter((collection) =>
      (error.replaced ?? []).includes(this.files[collection]),
    );
    try {
      await writeFilesAtomic(
        replaced.map((collection) => ({
          path: this.files[collection],
          contents: this.memory.serialize(collection),
        })),
        this.fs,
      );
    } catch {
      // The disk still refuses: the next write rewrites these files from memory.
      for (const collection of replaced) this.dirty[collection] = true;
    }
  }
}

/** A crash between creating and renaming a temp file leaves it behind; it holds nothing acknowledged. */
async function removeStaleTempFiles(dir: string, fs: StoreFileSystem): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (/^\.(users|groups)\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name))
      await fs.rm(join(dir, name), { force: true });
  }
}

/** The resources in `file`, or undefined when it does not exist. Never writes. */
async function load(
  file: string,
  collection: Collection,
  fs: StoreFileSystem,
): Promise<ScimUser[] | undefined> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileStoreError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  // Editors on Windows may save a byte-order mark; it carries no data.
  const text = raw.startsWith('\ufeff') ? raw.slice(1) : raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found === undefined) throw new FileStoreError(file, (error as Error).message);
    throw new FileStoreError(file, found.reason, found.line, found.column);
  }
  const problem = shapeProblem(parsed, collection);
  if (problem === undefined) return parsed as ScimUser[];
  if (problem.index === undefined) throw new FileStoreError(file, problem.message);
  const offset = topLevelElementOffsets(text)[problem.index] ?? 0;
  const { line, column } = positionAt(text, offset);
  throw new FileStoreError(file, problem.message, line, column);
}

/** What is wrong with the parsed file's shape, and at which element. */
function shapeProblem(
  parsed: unknown,
  collection: Collection,
): { message: string; index?: number } | undefined {
  const noun = collection === 'users' ? 'user' : 'group';
  const uniqueName = collection === 'users' ? 'userName' : 'displayName';
  if (!Array.isArray(parsed))
    return { message: `expected a JSON array of ${collection}, found ${kind(parsed)}` };
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  for (const [index, element] of parsed.entries()) {
    const at = (message: string): { message: string; index: number } => ({
      message: `${noun} [${index}] ${message}`,
      index,
    });
    if (typeof element !== 'object' || element === null || Array.isArray(element))
      return at(`is ${kind(element)}, expected an object`);
    const record = element as Record<string, unknown>;
    if (typeof record.id !== 'string' || record.id === '') return at('has no "id" (a non-empty string)');
    const name = record[uniqueName];
    if (typeof name !== 'string' || name === '') return at(`has no "${uniqueName}" (a non-empty string)`);
    if (!Array.isArray(record.schemas) || !record.schemas.every((urn) => typeof urn === 'string')) {
      return at('has no "schemas" (an array of schema URNs)');
    }
    if (
      record.meta !== undefined &&
      (typeof record.meta !== 'object' || record.meta === null || Array.isArray(record.meta))
    ) {
      return at('has a "meta" that is not an object');
    }
    if (collection === 'groups' && record.members !== undefined && record.members !== null) {
      const members = record.members;
      if (
        !Array.isArray(members) ||
        !members.every((m: unknown) => isJsonObject(m) && typeof m['value'] === 'string' && m['value'] !== '')
      ) {
        return at('has "members" that are not an array of {"value": "<id>"} objects');
      }
    }
    const sameId = ids.get(record.id);
    if (sameId !== undefined) return at(`has the same id "${record.id}" as ${noun} [${sameId}]`);
    ids.set(record.id, index);
    const sameName = names.get(userNameKey(name));
    if (sameName !== undefined)
      return at(
        `has the same ${uniqueName} "${name}" as ${noun} [${sameName}] (${uniqueName} is unique, ignoring case and Unicode normalisation)`,
      );
    names.set(userNameKey(name), index);
  }
  return undefined;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
