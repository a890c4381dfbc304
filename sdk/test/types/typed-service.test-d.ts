// Type tests, compiled by `tsc -b` and never run: a typed connector through the package's public types. Each @ts-expect-error is a mistake that must not compile.
import {
  attribute,
  createSchemaRegistry,
  createScimServer,
  MemoryStore,
  NotFoundError,
  URN,
  type ListQuery,
  type ListResult,
  type ScimGroupWith,
  type ScimServer,
  type ScimService,
  type ScimUser,
  type ScimUserWith,
} from 'scim-connector-sdk';

/** True only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

const ACME_USER = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
type AcmeUser = ScimUserWith<typeof ACME_USER, { isAdmin?: boolean; costCenter?: string }>;
type AcmeGroup = ScimGroupWith<
  'urn:ietf:params:scim:schemas:extension:acme:2.0:Group',
  { description?: string }
>;

/** A connector typed with its own resources: no casts anywhere. */
class AcmeConnector implements ScimService<AcmeUser, AcmeGroup> {
  private readonly users = new Map<string, AcmeUser>();

  async createUser(user: AcmeUser): Promise<AcmeUser> {
    const admin: boolean | undefined = user[ACME_USER]?.isAdmin;
    const userName: string | undefined = user.userName;
    // @ts-expect-error a misspelt extension attribute does not compile
    void user[ACME_USER]?.isAdmn;
    const created: AcmeUser = {
      ...user,
      id: String(this.users.size + 1),
      [ACME_USER]: { isAdmin: admin ?? false, costCenter: userName ?? 'none' },
    };
    this.users.set(created.id ?? '', created);
    return created;
  }

  async getUser(id: string): Promise<AcmeUser | undefined> {
    return this.users.get(id);
  }

  async getUsers(query: ListQuery): Promise<ListResult<AcmeUser>> {
    const resources = [...this.users.values()].slice(query.startIndex - 1);
    return { resources, totalResults: resources.length };
  }

  async getGroup(id: string): Promise<AcmeGroup> {
    throw new NotFoundError('Group', id);
  }
}

const acme: ScimService<AcmeUser, AcmeGroup> = new AcmeConnector();

// Its methods receive and return its own types.
expectType<Equal<Parameters<NonNullable<typeof acme.createUser>>[0], AcmeUser>>();
expectType<Equal<Awaited<ReturnType<NonNullable<typeof acme.getUser>>>, AcmeUser | undefined>>();
expectType<Equal<Awaited<ReturnType<NonNullable<typeof acme.getUsers>>>['resources'], AcmeUser[]>>();
expectType<Equal<Awaited<ReturnType<NonNullable<typeof acme.getGroup>>>, AcmeGroup | undefined>>();

const good: AcmeUser = { schemas: [URN.user], userName: 'alice', [ACME_USER]: { isAdmin: true } };
// @ts-expect-error a misspelt extension attribute in a resource the connector writes
const misspelt: AcmeUser = { schemas: [URN.user], [ACME_USER]: { isAdmn: true } };
// @ts-expect-error an extension attribute of the wrong type
const wrongType: AcmeUser = { schemas: [URN.user], [ACME_USER]: { isAdmin: 'yes' } };
// @ts-expect-error a core attribute of the wrong type
const wrongCore: ScimUser = { schemas: [URN.user], userName: 42 };
// @ts-expect-error a user type must be a SCIM resource (it needs `schemas`)
type NotAResource = ScimService<{ userName: string }>;

// The untyped form keeps working: every resource is a ScimUser.
const untyped: ScimService = {
  async createUser(user) {
    expectType<Equal<typeof user, ScimUser>>();
    return user;
  },
};

/** A connector states its schemas once: the store's registry is the server's. */
async function serveOnce(): Promise<ScimServer> {
  const schemas = createSchemaRegistry({
    userExtensions: [{ id: ACME_USER, name: 'AcmeUser', attributes: [attribute('isAdmin', 'boolean')] }],
  });
  const store = new MemoryStore({ schemas });
  return createScimServer({ service: store, capabilities: [], auth: 'none', schemas: store.schemas });
}

/** createScimServer takes a typed service, and the options form of `schemas` still compiles. */
async function serveTyped(): Promise<ScimServer> {
  return createScimServer({
    service: new AcmeConnector(),
    capabilities: [],
    auth: 'none',
    schemas: { userExtensions: [], enterpriseUser: false },
  });
}

async function serveWrongSchemas(): Promise<ScimServer> {
  const ext = { id: ACME_USER, name: 'AcmeUser', attributes: [] };
  // @ts-expect-error schemas is a registry or its options, not a list of extensions
  return createScimServer({ service: acme, capabilities: [], auth: 'none', schemas: [ext] });
}

export { good, misspelt, wrongType, wrongCore, untyped, serveOnce, serveTyped, serveWrongSchemas };
export type { NotAResource };
