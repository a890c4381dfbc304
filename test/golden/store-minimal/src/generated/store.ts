// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's store: the SDK's memory or file store (STORE), seeded when empty, typed with the connector's resources.
import { readFile } from 'node:fs/promises';
import {
  createFileStore,
  createSchemaRegistry,
  MemoryStore,
  type ListQuery,
  type ListResult,
  type PatchOperation,
  type RequestContext,
  type ScimGroup,
  type ScimUser,
} from 'scim-connector-sdk';
import { applyPatch, createAliasTable, validateResource } from 'scim-connector-sdk/protocol';
import type { ConnectorConfig } from './config.js';
import { OKTA, SCHEMA_OPTIONS, type ConnectorGroup, type ConnectorUser } from './schemas.js';

/** connector.yaml's seed files, relative to the project; loaded into an empty store. */
export const SEED_FILES: { users?: string; groups?: string } = {};

const PROJECT_ROOT = new URL('../../', import.meta.url);

/** Every service method over the store, typed with the connector's user and group. */
export interface ConnectorStore {
  createUser(user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser>;
  updateUser(id: string, user: ConnectorUser, ctx: RequestContext): Promise<ConnectorUser>;
  getUser(id: string, ctx: RequestContext): Promise<ConnectorUser | undefined>;
  getUsers(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorUser>>;
  deleteUser(id: string, ctx: RequestContext): Promise<void>;
  patchUser(
    id: string,
    operations: PatchOperation[],
    ctx: RequestContext,
  ): Promise<ConnectorUser | undefined>;
  createGroup(group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup>;
  updateGroup(id: string, group: ConnectorGroup, ctx: RequestContext): Promise<ConnectorGroup>;
  getGroup(id: string, ctx: RequestContext): Promise<ConnectorGroup | undefined>;
  getGroups(query: ListQuery, ctx: RequestContext): Promise<ListResult<ConnectorGroup>>;
  deleteGroup(id: string, ctx: RequestContext): Promise<void>;
  patchGroup(
    id: string,
    operations: PatchOperation[],
    ctx: RequestContext,
  ): Promise<ConnectorGroup | undefined>;
}

/** The resources of a seed file: a SCIM ListResponse (`Resources`) or a plain array, in SCIM 1.1 or 2.0 form. */
async function readSeedFile(path: string): Promise<Record<string, unknown>[]> {
  const url = new URL(path, PROJECT_ROOT);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(url, 'utf8'));
  } catch (error) {
    throw new Error(`seed file ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { Resources?: unknown } | null)?.Resources;
  if (
    !Array.isArray(list) ||
    !list.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
  ) {
    throw new Error(`seed file ${path}: expected an array of resources or a ListResponse with "Resources"`);
  }
  return list as Record<string, unknown>[];
}

/**
 * The seed in canonical SCIM 2.0 form: SCIM 1.1 URNs (Okta's included) go through the alias table, 2.0
 * resources pass unchanged. A user's `groups` is left out: the store derives it from the groups' members.
 */
export async function readSeed(): Promise<{ users: ScimUser[]; groups: ScimGroup[] }> {
  const aliases = createAliasTable({
    oktaAppName: OKTA.appName,
    oktaUserSchemaName: OKTA.userSchemaName,
    userExtensionUrn: OKTA.userExtensionUrn,
    groupExtensionUrn: OKTA.groupExtensionUrn,
  });
  const users = (SEED_FILES.users === undefined ? [] : await readSeedFile(SEED_FILES.users)).map((user) => {
    const { groups: _derived, ...rest } = aliases.resourceTo20(user, 'User');
    return rest;
  });
  const groups = (SEED_FILES.groups === undefined ? [] : await readSeedFile(SEED_FILES.groups)).map((group) =>
    aliases.resourceTo20(group, 'Group'),
  );
  return { users, groups };
}

/** Opens the store config.store names; the file store keeps what its folder holds and seeds only absent files. */
export async function openStore(config: ConnectorConfig): Promise<ConnectorStore> {
  const seed = await readSeed();
  const schemas = createSchemaRegistry(SCHEMA_OPTIONS);
  const store =
    config.store === 'file'
      ? await createFileStore({ dir: config.storeDir, seed, schemas })
      : new MemoryStore({ seed, schemas });
  // The stores keep what the schemas accept, so what they return has the connector's shape.
  const typed = store as unknown as Omit<ConnectorStore, 'patchUser'>;
  return {
    createUser: (user, ctx) => typed.createUser(user, ctx),
    updateUser: (id, user, ctx) => typed.updateUser(id, user, ctx),
    getUser: (id, ctx) => typed.getUser(id, ctx),
    getUsers: (query, ctx) => typed.getUsers(query, ctx),
    deleteUser: (id, ctx) => typed.deleteUser(id, ctx),
    // The stores leave a user's PATCH to the server; a connector that serves patchUser reads, applies and replaces.
    async patchUser(id, operations, ctx) {
      const patched = applyPatch(await store.getUser(id, ctx), operations, schemas.user);
      if (patched.changed.length === 0) return typed.getUser(id, ctx);
      return typed.updateUser(id, validateResource(patched.resource, schemas.user), ctx);
    },
    createGroup: (group, ctx) => typed.createGroup(group, ctx),
    updateGroup: (id, group, ctx) => typed.updateGroup(id, group, ctx),
    getGroup: (id, ctx) => typed.getGroup(id, ctx),
    getGroups: (query, ctx) => typed.getGroups(query, ctx),
    deleteGroup: (id, ctx) => typed.deleteGroup(id, ctx),
    // The store applies member changes in place (their cost does not grow with the group) and
    // answers undefined: the server sends 204, or reads the group back when the client asks for it.
    patchGroup: (id, operations, ctx) => typed.patchGroup(id, operations, ctx),
  };
}
