// Group membership through the generated acme-hr connector against the reference server: display names from the app, and what a part-way failure says.
import assert from 'node:assert/strict';
import { ScimError } from 'scim-connector-sdk';
import type { Connector } from '../golden/acme-hr/src/connector.js';
import { startAcmeHr, type AcmeHr } from './acme-hr/acme-hr-server.js';
import { acmeConnector, ctx } from './reference-connectors.js';

describe('group membership of the generated acme-hr connector (reference server)', () => {
  let app: AcmeHr;
  let connector: Connector;
  const userIds: string[] = [];

  before(async () => {
    app = await startAcmeHr();
    connector = acmeConnector(app);
    const names: [string, string][] = [
      ['Ada', 'Lovelace'],
      ['Alan', 'Turing'],
    ];
    for (const [given, family] of names) {
      const user = await connector.createUser(
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: `${given.toLowerCase()}@acme.example`,
          name: { givenName: given, familyName: family },
          'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee': { employeeNumber: `E-${given}` },
        },
        ctx,
      );
      userIds.push(user.id!);
    }
  });
  after(() => app.close());

  it('creates a group with its members, each display name read from the app', async () => {
    const group = await connector.createGroup(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Engines',
        members: [{ value: userIds[0]! }],
      },
      ctx,
    );
    assert.deepEqual(group.members, [{ value: userIds[0], display: 'Ada Lovelace' }]);
  });

  it('replaces the members with the add and remove calls of the difference', async () => {
    const created = await connector.createGroup(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Analysts',
        members: [{ value: userIds[0]! }],
      },
      ctx,
    );
    const updated = await connector.updateGroup(
      created.id!,
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Analysts',
        members: [{ value: userIds[1]! }],
      },
      ctx,
    );
    assert.deepEqual(updated.members, [{ value: userIds[1], display: 'Alan Turing' }]);
  });

  it('a failure part-way answers 502 naming the calls applied and those not', async () => {
    const created = await connector.createGroup(
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Partial', members: [] },
      ctx,
    );
    const members = [{ value: userIds[0]! }, { value: 'no-such-employee' }, { value: userIds[1]! }];
    const update = connector.updateGroup(
      created.id!,
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Partial', members },
      ctx,
    );
    await assert.rejects(update, (error: unknown) => {
      assert.ok(error instanceof ScimError);
      assert.equal(error.status, 502);
      assert.match(
        error.message,
        /applied, in order: PUT \/teams\/\{teamId\} \(group [^)]+\), POST \/teams\/\{teamId\}\/members \(member [^)]+\); not applied: POST \/teams\/\{teamId\}\/members \(member no-such-employee\), POST/,
      );
      return true;
    });
    const after = await connector.getGroup(created.id!, ctx);
    assert.deepEqual(
      after?.members?.map((m) => m.value),
      [userIds[0]],
    );
  });
});
