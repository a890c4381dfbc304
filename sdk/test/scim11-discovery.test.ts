// SCIM 1.1 discovery at /scim/v1: ServiceProviderConfigs with Okta's capabilities, ResourceTypes and Schemas in 1.1 form.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { URN } from '../src/protocol/resource.js';
import {
  CORE_11,
  exampleServer,
  LIST_11,
  OKTA_GROUP_URN,
  OKTA_USER_URN,
  send11,
  type ErrorBody11,
  type List11,
} from './support/okta-example-server.js';

const PROVIDER_CONFIG = 'urn:okta:schemas:scim:providerconfig:1.0';

interface Config11 {
  schemas: string[];
  filter: { supported: boolean; maxResults: number };
  patch: { supported: boolean };
  authenticationSchemes: { type: string; name: string; description: string }[];
  [PROVIDER_CONFIG]: { userManagementCapabilities: string[] };
}

describe('scim 1.1: discovery', () => {
  let server: ScimServer;
  before(async () => {
    ({ server } = await exampleServer({
      server: { capabilities: ['PUSH_NEW_USERS', 'IMPORT_NEW_USERS', 'GROUP_PUSH'], maxResults: 250 },
    }));
  });
  after(() => server.close());

  for (const path of ['/ServiceProviderConfigs', '/ServiceProviderConfig']) {
    it(`GET ${path}: the Okta capabilities, auth schemes with type and description, limits`, async () => {
      const response = await send11(server, 'GET', path);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const config = response.json<Config11>();
      assert.deepEqual(config.schemas, [CORE_11, PROVIDER_CONFIG]);
      assert.deepEqual(config[PROVIDER_CONFIG].userManagementCapabilities, [
        'PUSH_NEW_USERS',
        'IMPORT_NEW_USERS',
        'GROUP_PUSH',
      ]);
      assert.equal(config.filter.maxResults, 250);
      assert.equal(config.patch.supported, true);
      assert.ok(config.authenticationSchemes.length > 0);
      for (const scheme of config.authenticationSchemes) {
        assert.equal(typeof scheme.type, 'string');
        assert.equal(typeof scheme.description, 'string');
      }
    });
  }

  it('GET /ResourceTypes: a 1.1 list of User and Group with their 1.1 schema URNs', async () => {
    const response = await send11(server, 'GET', '/ResourceTypes');
    assert.equal(response.statusCode, 200);
    const list = response.json<List11>();
    assert.deepEqual(list.schemas, [CORE_11, LIST_11]);
    assert.equal(list.totalResults, 2);
    const [user, group] = list.Resources as {
      id: string;
      endpoint: string;
      schema: string;
      schemaExtensions: { schema: string }[];
      schemas: string[];
    }[];
    assert.equal(user?.id, 'User');
    assert.equal(user?.endpoint, '/Users');
    assert.equal(user?.schema, CORE_11);
    assert.deepEqual(
      user?.schemaExtensions.map((e) => e.schema),
      [URN.enterpriseUser11, OKTA_USER_URN],
    );
    assert.deepEqual(
      group?.schemaExtensions.map((e) => e.schema),
      [OKTA_GROUP_URN],
    );
    assert.ok(user?.schemas.includes(CORE_11));
    const one = await send11(server, 'GET', '/ResourceTypes/Group');
    assert.equal(one.json<{ id: string }>().id, 'Group');
  });

  it('GET /Schemas: every served schema under its 1.1 id, attributes in 1.1 form', async () => {
    const response = await send11(server, 'GET', '/Schemas');
    assert.equal(response.statusCode, 200);
    const list = response.json<List11>();
    assert.deepEqual(list.schemas, [CORE_11, LIST_11]);
    assert.deepEqual(
      list.Resources.map((s) => s['id']),
      [
        `${CORE_11}:User`,
        URN.enterpriseUser11,
        OKTA_USER_URN,
        `${CORE_11}:Group`,
        OKTA_GROUP_URN,
        URN.oktaProviderConfig,
      ],
    );
    const custom = list.Resources.find((s) => s['id'] === OKTA_USER_URN) as {
      attributes: Record<string, unknown>[];
    };
    assert.deepEqual(
      custom.attributes.map((a) => [a['name'], a['type'], a['schema'], a['readOnly']]),
      [
        ['isAdmin', 'boolean', OKTA_USER_URN, false],
        ['isOkta', 'boolean', OKTA_USER_URN, false],
        ['departmentName', 'string', OKTA_USER_URN, false],
      ],
    );
    const users = await send11(server, 'GET', '/Schemas/Users');
    assert.equal(users.statusCode, 200);
    assert.equal(users.json<{ id: string }>().id, `${CORE_11}:User`);
    const byId = await send11(server, 'GET', `/Schemas/${encodeURIComponent(OKTA_USER_URN)}`);
    assert.equal(byId.json<{ id: string }>().id, OKTA_USER_URN);
    const groups = users
      .json<{ attributes: { name: string; readOnly: boolean }[] }>()
      .attributes.find((a) => a.name === 'groups');
    assert.equal(groups?.readOnly, true);
  });

  const errors: [string, string, string, number][] = [
    ['an unknown schema', 'GET', '/Schemas/urn:nope', 404],
    ['an unknown resource type', 'GET', '/ResourceTypes/Nope', 404],
    ['a POST to /ServiceProviderConfigs', 'POST', '/ServiceProviderConfigs', 405],
    ['an unknown endpoint', 'GET', '/Bulk', 404],
  ];
  for (const [name, method, path, status] of errors) {
    it(`${name}: ${status} with a 1.1 error body`, async () => {
      const response = await send11(server, method, path, method === 'POST' ? { body: {} } : {});
      assert.equal(response.statusCode, status);
      const error = response.json<ErrorBody11>();
      assert.equal(error.errors[0]?.statusCode, status);
      assert.deepEqual(error.schemas, [CORE_11]);
      assert.equal(error.status, String(status));
    });
  }

  it('without credentials: 401 with a 1.1 error body', async () => {
    const response = await send11(server, 'GET', '/ServiceProviderConfigs', { authorization: null });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json<ErrorBody11>().errors[0]?.statusCode, 401);
  });
});
