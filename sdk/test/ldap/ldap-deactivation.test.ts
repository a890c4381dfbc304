// The three ways a directory keeps a deactivated user: an attribute value, a ppolicy lock, a move to another OU.
import { strict as assert } from 'node:assert';
import { Client } from 'ldapts';
import { createLdapService, type LdapDeactivation } from 'scim-connector-sdk/ldap';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { CTX, DISABLED, PEOPLE, serviceOptions, TREE, user } from './directory-fixture.js';

/** Each way, and what the user's entry holds while deactivated. */
const WAYS: [string, { way: LdapDeactivation; dn: (uid: string) => string; attribute?: [string, string] }][] =
  [
    [
      'attribute',
      {
        way: { kind: 'attribute', attribute: 'employeeType', active: 'active', inactive: 'disabled' },
        dn: (uid) => `uid=${uid},${PEOPLE}`,
        attribute: ['employeeType', 'disabled'],
      },
    ],
    [
      'ppolicy',
      {
        way: { kind: 'ppolicy' },
        dn: (uid) => `uid=${uid},${PEOPLE}`,
        attribute: ['pwdAccountLockedTime', '000001010000Z'],
      },
    ],
    ['move', { way: { kind: 'move', dn: DISABLED }, dn: (uid) => `uid=${uid},${DISABLED}` }],
  ];

describe('LDAP deactivation (slapd)', function () {
  let slapd: Slapd;
  before(async () => {
    slapd = await startSlapd({ ldif: TREE });
  });
  after(() => slapd.stop());

  async function read(dn: string, attribute: string): Promise<unknown> {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: [attribute, 'uid'] });
    await client.unbind();
    return searchEntries[0]?.[attribute];
  }

  for (const [name, { way, dn, attribute }] of WAYS) {
    it(`${name}: deactivates, is found by active eq false, reactivates; created inactive too`, async () => {
      const service = createLdapService(serviceOptions(slapd, way));
      const uid = `off-${name}`;
      const created = await service.createUser(user(uid), CTX);
      const id = created.id ?? '';
      const off = await service.updateUser(id, user(uid, { active: false }), CTX);
      assert.equal(off.active, false);
      if (attribute !== undefined) assert.equal(await read(dn(uid), attribute[0]), attribute[1]);
      else assert.equal(await read(dn(uid), 'uid'), uid);
      const inactive = await service.getUsers(
        {
          filter: parseFilter(`active eq false and userName eq "${uid}"`),
          startIndex: 1,
          count: 5,
          sortOrder: 'ascending',
        },
        CTX,
      );
      assert.deepEqual(
        inactive.resources.map((u) => u.id),
        [id],
      );
      const on = await service.updateUser(id, user(uid, { active: true }), CTX);
      assert.equal(on.active, true);
      const pending = await service.createUser(user(`${uid}-pending`, { active: false }), CTX);
      assert.equal(pending.active, false);
      await service.close();
    });
  }

  it('ppolicy: a locked user cannot bind until reactivated', async () => {
    const service = createLdapService(serviceOptions(slapd, { kind: 'ppolicy' }));
    const created = await service.createUser(
      user('locked', { password: 'Locked-Secret1', active: false }),
      CTX,
    );
    const client = new Client({ url: slapd.url });
    await assert.rejects(client.bind(`uid=locked,${PEOPLE}`, 'Locked-Secret1'));
    await service.updateUser(created.id ?? '', user('locked', { active: true }), CTX);
    await client.bind(`uid=locked,${PEOPLE}`, 'Locked-Secret1');
    await client.unbind();
  });
});
