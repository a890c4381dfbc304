// One connector, one store, two dialects: the same users and groups read and written through /scim/v1 and /scim/v2.
import { strict as assert } from 'node:assert';
import { createScimServer, type ScimServer } from '../src/http/create-scim-server.js';
import { createAliasTable } from '../src/protocol/alias-table.js';
import { URN } from '../src/protocol/resource.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { CAPABILITIES } from '../src/service/capabilities.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import {
  aliases,
  CORE_11,
  exampleServer,
  fixture,
  OKTA_GROUP_URN,
  OKTA_USER_URN,
  send11,
  send20,
  TOKEN,
  USER_EXTENSION,
  type List11,
} from './support/okta-example-server.js';

type Resource = Record<string, unknown> & { id: string; schemas: string[]; meta: Record<string, string> };

const USER_EXT_20 = aliases.userExtensionUrn;
const GROUP_EXT_20 = aliases.groupExtensionUrn;

/** The attributes both dialects share: everything but schemas, meta and the extension keys, which differ by URN. */
function coreAttributes(resource: Resource): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(resource).filter(
      ([key]) => key !== 'schemas' && key !== 'meta' && !key.startsWith('urn:'),
    ),
  );
}

describe('scim 1.1 and 2.0: one connector answers the same data through both dialects', () => {
  let server: ScimServer;
  beforeEach(async () => {
    ({ server } = await exampleServer());
  });
  afterEach(() => server.close());

  it("reads seed user 101 both ways: same attributes, the custom extension under each dialect's URN", async () => {
    const v1 = await send11(server, 'GET', '/Users/101');
    const v2 = await send20(server, 'GET', '/Users/101');
    assert.equal(v1.statusCode, 200);
    assert.equal(v2.statusCode, 200);
    assert.match(String(v1.headers['content-type']), /^application\/json/);
    assert.match(String(v2.headers['content-type']), /^application\/scim\+json/);
    const user11 = v1.json<Resource>();
    const user20 = v2.json<Resource>();
    assert.deepEqual(coreAttributes(user11), coreAttributes(user20));
    const custom = { isAdmin: false, isOkta: true, departmentName: 'Cloud Service' };
    assert.deepEqual(user11[OKTA_USER_URN], custom);
    assert.equal(user11[USER_EXT_20], undefined);
    assert.deepEqual(user20[USER_EXT_20], custom);
    assert.equal(user20[OKTA_USER_URN], undefined);
    assert.ok(user11.schemas.includes(CORE_11) && user11.schemas.includes(OKTA_USER_URN));
    assert.ok(user20.schemas.includes(URN.user) && user20.schemas.includes(USER_EXT_20));
    assert.ok(!user20.schemas.some((urn) => urn.startsWith('urn:scim:') || urn.startsWith('urn:okta:')));
    assert.match(user11.meta['location'] ?? '', /\/scim\/v1\/Users\/101$/);
    assert.match(user20.meta['location'] ?? '', /\/scim\/v2\/Users\/101$/);
    assert.equal(user11.meta['lastModified'], user20.meta['lastModified']);
  });

  it('a user created through 1.1 reads the same through 2.0', async () => {
    const sent: Record<string, unknown> = {
      ...fixture('createNewUser-withCustomExtension'),
      userName: 'via.v1@domain.com',
    };
    const created = await send11(server, 'POST', '/Users', { body: sent });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json<Resource>();
    const read = (await send20(server, 'GET', `/Users/${id}`)).json<Resource>();
    assert.equal(read['userName'], 'via.v1@domain.com');
    assert.deepEqual(read['phoneNumbers'], sent['phoneNumbers']);
    assert.deepEqual(read[USER_EXT_20], { isAdmin: false, isOkta: false, departmentName: 'Testing User' });
    assert.equal(read['password'], undefined);
    const found = await send20(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent(`${USER_EXT_20}:departmentName eq "Testing User"`)}`,
    );
    assert.deepEqual(
      found.json<{ Resources: Resource[] }>().Resources.map((r) => r.id),
      [id],
    );
  });

  it('a user created through 2.0 reads the same through 1.1, and 1.1 filters find it', async () => {
    const sent = {
      schemas: [URN.user, USER_EXT_20],
      userName: 'via.v2@domain.com',
      name: { givenName: 'Vee', familyName: 'Two' },
      emails: [{ value: 'via.v2@domain.com', type: 'work', primary: true }],
      active: true,
      password: 'Secret-2',
      [USER_EXT_20]: { isAdmin: true, isOkta: false, departmentName: 'Two' },
    };
    const created = await send20(server, 'POST', '/Users', { body: sent });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json<Resource>();
    const read = (await send11(server, 'GET', `/Users/${id}`)).json<Resource>();
    assert.deepEqual(read[OKTA_USER_URN], { isAdmin: true, isOkta: false, departmentName: 'Two' });
    assert.ok(read.schemas.includes(CORE_11));
    assert.equal(read['password'], undefined);
    const byEmail = await send11(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent('email eq "via.v2@domain.com" OR email eq "x@y.z"')}`,
    );
    assert.deepEqual(
      byEmail.json<List11>().Resources.map((r) => r['id']),
      [id],
    );
    const byCustom = await send11(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent(`${OKTA_USER_URN}:departmentName eq "Two"`)}`,
    );
    assert.deepEqual(
      byCustom.json<List11>().Resources.map((r) => r['id']),
      [id],
    );
  });

  it('a 1.1 profile push is seen by 2.0, and a 2.0 PATCH is seen by 1.1', async () => {
    assert.equal(
      (await send11(server, 'PUT', '/Users/101', { body: fixture('pushProfileUpdate') })).statusCode,
      200,
    );
    const after11 = (await send20(server, 'GET', '/Users/101')).json<Resource>();
    assert.equal((after11['name'] as Record<string, string>)['familyName'], 'Taylor');
    assert.equal(
      (after11[USER_EXT_20] as Record<string, string>)['departmentName'],
      'Cloud Service Management',
    );
    const patch = {
      schemas: [URN.patchOp],
      Operations: [{ op: 'replace', value: { active: false, [`${USER_EXT_20}:departmentName`]: 'Patched' } }],
    };
    const patched = await send20(server, 'PATCH', '/Users/101', { body: patch });
    assert.equal(patched.statusCode, 200, patched.body);
    const after20 = (await send11(server, 'GET', '/Users/101')).json<Resource>();
    assert.equal(after20['active'], false);
    assert.equal((after20[OKTA_USER_URN] as Record<string, string>)['departmentName'], 'Patched');
  });

  it('groups: the description under urn:okta:custom:group:1.0 in 1.1 and the group extension in 2.0', async () => {
    const v1 = (await send11(server, 'GET', '/Groups/1001')).json<Resource>();
    const v2 = (await send20(server, 'GET', '/Groups/1001')).json<Resource>();
    assert.deepEqual(coreAttributes(v1), coreAttributes(v2));
    assert.deepEqual(v1[OKTA_GROUP_URN], { description: 'This is the first group' });
    assert.deepEqual(v2[GROUP_EXT_20], { description: 'This is the first group' });
    assert.deepEqual(v1.schemas, [CORE_11, OKTA_GROUP_URN]);
    assert.deepEqual(v2.schemas, [URN.group, GROUP_EXT_20]);
    const created = await send11(server, 'POST', '/Groups', { body: fixture('createGroup') });
    const read = (await send20(server, 'GET', `/Groups/${created.json<Resource>().id}`)).json<Resource>();
    assert.equal(read['displayName'], 'AppGroup-04');
    assert.deepEqual(read[GROUP_EXT_20], { description: 'This is the second group' });
  });

  it('each dialect can be turned off, leaving the other serving', async () => {
    const cases: [string, { '1.1'?: false; '2.0'?: false }, { v1: number; v2: number }][] = [
      ['1.1 off', { '1.1': false }, { v1: 404, v2: 200 }],
      ['2.0 off', { '2.0': false }, { v1: 200, v2: 404 }],
    ];
    for (const [name, dialects, want] of cases) {
      const { server: one } = await exampleServer({ server: { dialects } });
      try {
        assert.equal((await send11(one, 'GET', '/Users/101')).statusCode, want.v1, name);
        assert.equal((await send20(one, 'GET', '/Users/101')).statusCode, want.v2, name);
      } finally {
        await one.close();
      }
    }
  });

  it('the 1.0 enterprise extension: managerId in 1.1 is manager.value in 2.0, both ways', async () => {
    const body = {
      schemas: [CORE_11, URN.enterpriseUser11],
      userName: 'managed@domain.com',
      [URN.enterpriseUser11]: {
        employeeNumber: '42',
        manager: { managerId: '101', displayName: 'John Smith' },
      },
    };
    const created = await send11(server, 'POST', '/Users', { body });
    assert.equal(created.statusCode, 201, created.body);
    const user11 = created.json<Resource>();
    assert.deepEqual(user11[URN.enterpriseUser11], { employeeNumber: '42', manager: { managerId: '101' } });
    const user20 = (await send20(server, 'GET', `/Users/${user11.id}`)).json<Resource>();
    assert.deepEqual(user20[URN.enterpriseUser], { employeeNumber: '42', manager: { value: '101' } });
  });

  it("maps the custom user URN from the server's okta names", async () => {
    const hr = createAliasTable({ oktaAppName: 'hr_app', oktaUserSchemaName: 'people' });
    const extension = { ...USER_EXTENSION, id: hr.userExtensionUrn };
    const service = new MemoryStore({ schemas: createSchemaRegistry({ userExtensions: [extension] }) });
    const hrServer = await createScimServer({
      service,
      capabilities: [...CAPABILITIES],
      schemas: { userExtensions: [extension] },
      okta: { appName: 'hr_app', userSchemaName: 'people' },
      auth: { bearerTokens: [TOKEN] },
      logger: false,
    });
    try {
      const body = {
        schemas: [CORE_11, 'urn:okta:hr_app:1.0:user:people'],
        userName: 'hr.user',
        'urn:okta:hr_app:1.0:user:people': { departmentName: 'HR' },
      };
      const created = await send11(hrServer, 'POST', '/Users', { body });
      assert.equal(created.statusCode, 201, created.body);
      const user11 = created.json<Resource>();
      assert.deepEqual(user11['urn:okta:hr_app:1.0:user:people'], { departmentName: 'HR' });
      const user20 = (await send20(hrServer, 'GET', `/Users/${user11.id}`)).json<Resource>();
      assert.deepEqual(user20['urn:ietf:params:scim:schemas:extension:hr_app:2.0:User'], {
        departmentName: 'HR',
      });
      const filter = encodeURIComponent('urn:okta:hr_app:1.0:user:people:departmentName eq "HR"');
      const found = await send11(hrServer, 'GET', `/Users?filter=${filter}`);
      assert.deepEqual(
        found.json<List11>().Resources.map((r) => r['id']),
        [user11.id],
      );
    } finally {
      await hrServer.close();
    }
  });

  it('maps the custom user URN to the 2.0 extension URN the connector chose', async () => {
    const chosen = 'urn:example:params:scim:schemas:extension:hr:2.0:User';
    const extension = { ...USER_EXTENSION, id: chosen };
    const service = new MemoryStore({ schemas: createSchemaRegistry({ userExtensions: [extension] }) });
    const hrServer = await createScimServer({
      service,
      capabilities: [...CAPABILITIES],
      schemas: { userExtensions: [extension] },
      okta: { appName: 'onprem_app', userSchemaName: 'custom', userExtensionUrn: chosen },
      auth: { bearerTokens: [TOKEN] },
      logger: false,
    });
    try {
      const body = {
        schemas: [CORE_11, 'urn:okta:onprem_app:1.0:user:custom'],
        userName: 'chosen.urn',
        'urn:okta:onprem_app:1.0:user:custom': { departmentName: 'Finance' },
      };
      const created = await send11(hrServer, 'POST', '/Users', { body });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json<Resource>().id;
      const user20 = (await send20(hrServer, 'GET', `/Users/${id}`)).json<Resource>();
      assert.deepEqual(user20[chosen], { departmentName: 'Finance' });
      const user11 = (await send11(hrServer, 'GET', `/Users/${id}`)).json<Resource>();
      assert.deepEqual(user11['urn:okta:onprem_app:1.0:user:custom'], { departmentName: 'Finance' });
    } finally {
      await hrServer.close();
    }
  });

  it('serves 1.1 under a configured base path', async () => {
    const { server: moved } = await exampleServer({
      server: { dialects: { '1.1': { basePath: '/okta/scim' } } },
    });
    try {
      const response = await moved.app.inject({
        method: 'GET',
        url: '/okta/scim/Users/101',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.json<Resource>().meta['location'] ?? '', /\/okta\/scim\/Users\/101$/);
    } finally {
      await moved.close();
    }
  });
});
