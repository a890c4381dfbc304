// The SCIM 2.0 discovery documents: built from the registered schemas and what the service really serves.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import type { SchemaDefinition } from '../src/protocol/schema-types.js';
import type { ScimService } from '../src/service/scim-service.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { BASE, send, testServer } from './support/scim-test-server.js';
import { attribute } from '../src/protocol/schemas/attribute.js';

interface Config {
  schemas: string[];
  patch: { supported: boolean };
  bulk: { supported: boolean };
  filter: { supported: boolean; maxResults: number };
  changePassword: { supported: boolean };
  sort: { supported: boolean };
  etag: { supported: boolean };
  authenticationSchemes: { type: string; name: string; description: string; primary?: boolean }[];
  'urn:okta:schemas:scim:providerconfig:1.0': { userManagementCapabilities: string[] };
  meta: { resourceType: string; location: string };
}

interface ListOf<T> {
  totalResults: number;
  Resources: T[];
}

const CUSTOM: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:acme:2.0:User',
  name: 'AcmeUser',
  description: 'Acme attributes',
  attributes: [attribute('badge')],
};

describe('http: discovery (SCIM 2.0)', () => {
  let server: ScimServer;
  before(async () => {
    ({ server } = await testServer({
      capabilities: ['PUSH_NEW_USERS', 'IMPORT_NEW_USERS'],
      maxResults: 200,
      schemas: { userExtensions: [CUSTOM] },
    }));
  });
  after(() => server.close());

  it('serves the ServiceProviderConfig with features, limits, auth schemes and Okta capabilities', async () => {
    const response = await send(server, 'GET', '/ServiceProviderConfig');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/scim+json; charset=utf-8');
    const config = response.json<Config>();
    assert.deepEqual(config.schemas, [
      'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
      'urn:okta:schemas:scim:providerconfig:1.0',
    ]);
    assert.equal(config.patch.supported, true);
    assert.equal(config.bulk.supported, false);
    assert.deepEqual(config.filter, { supported: true, maxResults: 200 });
    assert.equal(config.changePassword.supported, true);
    assert.equal(config.etag.supported, true);
    assert.deepEqual(
      config.authenticationSchemes.map((s) => [s.type, s.primary === true]),
      [
        ['oauthbearertoken', true],
        ['httpbasic', false],
      ],
    );
    for (const scheme of config.authenticationSchemes) assert.ok(scheme.description.length > 0);
    assert.deepEqual(config['urn:okta:schemas:scim:providerconfig:1.0'].userManagementCapabilities, [
      'PUSH_NEW_USERS',
      'IMPORT_NEW_USERS',
    ]);
    assert.equal(config.meta.location, `http://localhost:80${BASE}/ServiceProviderConfig`);
  });

  it('says patch and changePassword are unsupported when nothing serves them', async () => {
    const store = new MemoryStore();
    const service: ScimService = {
      getUsers: store.getUsers.bind(store),
      createUser: store.createUser.bind(store),
    };
    const { server: small } = await testServer({ service, capabilities: ['PUSH_NEW_USERS'] });
    try {
      const config = (await send(small, 'GET', '/ServiceProviderConfig')).json<Config>();
      assert.equal(config.patch.supported, false);
      assert.equal(config.changePassword.supported, false);
      assert.equal(config.filter.supported, true);
      const types = (await send(small, 'GET', '/ResourceTypes')).json<ListOf<{ id: string }>>();
      assert.deepEqual(
        types.Resources.map((t) => t.id),
        ['User'],
      );
    } finally {
      await small.close();
    }
  });

  it('lists the resource types with their schema extensions, and serves each by id', async () => {
    const list = (await send(server, 'GET', '/ResourceTypes')).json<
      ListOf<{
        id: string;
        endpoint: string;
        schema: string;
        schemaExtensions: { schema: string; required: boolean }[];
      }>
    >();
    assert.equal(list.totalResults, 2);
    const [userType, groupType] = list.Resources;
    assert.equal(userType?.endpoint, '/Users');
    assert.equal(userType?.schema, 'urn:ietf:params:scim:schemas:core:2.0:User');
    assert.deepEqual(
      userType?.schemaExtensions.map((e) => e.schema),
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', CUSTOM.id],
    );
    assert.equal(groupType?.endpoint, '/Groups');
    const one = await send(server, 'GET', '/ResourceTypes/Group');
    assert.equal(one.statusCode, 200);
    assert.equal(one.json<{ id: string }>().id, 'Group');
  });

  it('lists the schemas, core and extensions, and serves each by URN', async () => {
    const list = (await send(server, 'GET', '/Schemas')).json<
      ListOf<{ id: string; attributes: { name: string }[]; meta: { location: string } }>
    >();
    assert.deepEqual(
      list.Resources.map((s) => s.id),
      [
        'urn:ietf:params:scim:schemas:core:2.0:User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        CUSTOM.id,
        'urn:ietf:params:scim:schemas:core:2.0:Group',
        'urn:okta:schemas:scim:providerconfig:1.0',
      ],
    );
    const userSchema = list.Resources[0];
    assert.ok(userSchema?.attributes.some((a) => a.name === 'userName'));
    assert.equal(
      userSchema?.meta.location,
      `http://localhost:80${BASE}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`,
    );
    const custom = await send(server, 'GET', `/Schemas/${CUSTOM.id}`);
    assert.equal(custom.statusCode, 200);
    assert.deepEqual(
      custom.json<{ attributes: { name: string }[] }>().attributes.map((a) => a.name),
      ['badge'],
    );
  });
});
