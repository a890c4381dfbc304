// Group membership through the generated acme-hr connector against the reference server: display names from the app, and what a part-way failure says.
import assert from 'node:assert/strict';
import { ScimError } from 'scim-connector-sdk';
import { Connector } from '../golden/acme-hr/src/connector.js';
import { readConfig } from '../golden/acme-hr/src/generated/config.js';
import { changeMembers, type MembershipCall } from '../golden/acme-hr/src/generated/app-runtime.js';
import { AppUnavailableError, NotFoundError } from 'scim-connector-sdk';
import { startAcmeHr, type AcmeHr } from './acme-hr/acme-hr-server.js';

const ctx = { requestId: 'membership-test', dialect: '2.0' } as const;

describe('group membership of the generated acme-hr connector (reference server)', () => {
  let app: AcmeHr;
  let connector: Connector;
  const userIds: string[] = [];

  before(async () => {
    app = await startAcmeHr();
    connector = new Connector(
      readConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        SCIM_BEARER_TOKEN: 't',
        ACME_BASE_URL: app.url,
        ACME_API_TOKEN: app.token,
      }),
    );
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

describe('changeMembers: the order of membership calls and a part-way failure', () => {
  const failing = (error: Error) => async (): Promise<void> => Promise.reject(error);
  const CASES: {
    title: string;
    fail: Error;
    applied: string[];
    wanted: string[];
    status: number;
    retryAfter?: number;
  }[] = [
    {
      title: 'app unavailable after a call: 503 with its Retry-After',
      fail: new AppUnavailableError('503 from POST /x', 7),
      applied: ['PUT /g'],
      wanted: ['b', 'c'],
      status: 503,
      retryAfter: 7,
    },
    {
      title: 'app refuses after a call: 502',
      fail: new NotFoundError('Group', 'g'),
      applied: ['PUT /g'],
      wanted: ['b', 'c'],
      status: 502,
    },
    {
      title: "nothing applied yet: the call's own error",
      fail: new NotFoundError('Group', 'g'),
      applied: [],
      wanted: ['b'],
      status: 404,
    },
  ];
  for (const c of CASES) {
    it(c.title, async () => {
      const made: string[] = [];
      const add: MembershipCall = { call: 'POST /m', run: async (id) => void made.push(`add ${id}`) };
      const remove: MembershipCall = { call: 'DELETE /m', run: failing(c.fail) };
      await assert.rejects(
        changeMembers({ add, remove }, ['a', 'b'], c.wanted, [...c.applied]),
        (error: unknown) => {
          assert.ok(error instanceof ScimError);
          assert.equal(error.status, c.status);
          if (c.retryAfter !== undefined) assert.equal(error.retryAfter, c.retryAfter);
          if (c.applied.length === 0) assert.equal(error, c.fail);
          else
            assert.match(
              error.message,
              /\(DELETE \/m \(member a\) failed with \d+; applied, in order: PUT \/g, POST \/m \(member c\); not applied: DELETE \/m \(member a\)\)/,
            );
          return true;
        },
      );
      // Adds come before removes: the one add (of c) is made before the failing remove.
      assert.deepEqual(made, c.wanted.includes('c') ? ['add c'] : []);
    });
  }
});
