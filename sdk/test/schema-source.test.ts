// One schema source: the server given the store's SchemaRegistry serves and checks the same custom attributes.
import { strict as assert } from 'node:assert';
import { createScimServer } from '../src/http/create-scim-server.js';
import { createSchemaRegistry, schemaRegistryOf } from '../src/protocol/resource-schema.js';
import type { SchemaDefinition } from '../src/protocol/schema-types.js';
import { attribute } from '../src/protocol/schemas/attribute.js';
import { CAPABILITIES } from '../src/service/capabilities.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { send, TOKEN } from './support/scim-test-server.js';

const ACME: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:acme:2.0:User',
  name: 'AcmeUser',
  attributes: [attribute('isAdmin', 'boolean')],
};

describe('schema source', () => {
  it('uses a registry as it is and builds one from options', () => {
    const registry = createSchemaRegistry({ userExtensions: [ACME] });
    assert.equal(schemaRegistryOf(registry), registry);
    assert.equal(schemaRegistryOf({ userExtensions: [ACME] }).user.extension(ACME.id), ACME);
    assert.equal(schemaRegistryOf().user.extension(ACME.id), undefined);
  });

  it("serves and checks the store's registry when the server is given store.schemas", async () => {
    const store = new MemoryStore({ schemas: createSchemaRegistry({ userExtensions: [ACME] }) });
    const server = await createScimServer({
      service: store,
      capabilities: [...CAPABILITIES],
      auth: { bearerTokens: [TOKEN] },
      logger: false,
      schemas: store.schemas,
    });
    try {
      const schema = await send(server, 'GET', `/Schemas/${ACME.id}`);
      assert.equal(schema.statusCode, 200, schema.body);
      const created = await send(server, 'POST', '/Users', {
        body: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ACME.id],
          userName: 'a',
          [ACME.id]: { isAdmin: 'yes' },
        },
      });
      assert.equal(created.statusCode, 400, created.body);
      assert.equal((JSON.parse(created.body) as { scimType?: string }).scimType, 'invalidValue');
    } finally {
      await server.close();
    }
  });
});
