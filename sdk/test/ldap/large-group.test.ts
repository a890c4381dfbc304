// A group of 10,000 members: adding or removing one member sends one modify with one value, and reads no member list.
import { strict as assert } from 'node:assert';
import { Client } from 'ldapts';
import { createLdapService, ldapConnector, type LdapService } from 'scim-connector-sdk/ldap';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { countingConnect, type Recorded } from './counting-client.js';
import { CTX, GROUPS, PEOPLE, PLACEHOLDER, serviceOptions, TREE } from './directory-fixture.js';

const MEMBERS = 10_000;

function bigTree(): string {
  const users: string[] = [];
  const members: string[] = [];
  for (let i = 0; i < MEMBERS + 1; i += 1) {
    const uid = `u${String(i).padStart(5, '0')}`;
    users.push(`dn: uid=${uid},${PEOPLE}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: ${uid}\nsn: ${uid}\n`);
    if (i < MEMBERS) members.push(`member: uid=${uid},${PEOPLE}`);
  }
  const group = `dn: cn=everyone,${GROUPS}\nobjectClass: groupOfNames\ncn: everyone\nmember: ${PLACEHOLDER}\n${members.join('\n')}\n`;
  return [TREE, ...users, group].join('\n');
}

describe(`LDAP: a group of ${MEMBERS.toLocaleString('en')} members (slapd)`, function () {
  this.timeout(120_000);
  let slapd: Slapd;
  let service: LdapService;
  const recorded: Recorded = { modifies: [], entriesRead: 0 };

  async function memberCount(): Promise<number> {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search(`cn=everyone,${GROUPS}`, {
      scope: 'base',
      attributes: ['member'],
    });
    await client.unbind();
    const raw = searchEntries[0]?.['member'] ?? [];
    return Array.isArray(raw) ? raw.length : 1;
  }

  async function idOf(filter: string): Promise<string> {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search(`dc=example,dc=org`, { filter, attributes: ['entryUUID'] });
    await client.unbind();
    return String(searchEntries[0]?.['entryUUID']);
  }

  before(async () => {
    slapd = await startSlapd({ ldif: bigTree() });
    const options = serviceOptions(slapd);
    service = createLdapService(options, {
      connect: countingConnect(ldapConnector(options.connection), recorded),
    });
  });
  after(async () => {
    await service?.close();
    await slapd?.stop();
  });

  for (const [name, op] of [
    ['adding', 'add'],
    ['removing', 'remove'],
  ] as const) {
    it(`PATCH ${name} one member sends exactly one modification with one value`, async () => {
      const group = await idOf('(cn=everyone)');
      const user = await idOf(`(uid=u${MEMBERS})`);
      const before = await memberCount();
      recorded.modifies = [];
      recorded.entriesRead = 0;
      const started = process.hrtime.bigint();
      const operation =
        op === 'add'
          ? { op, path: 'members', value: [{ value: user }] }
          : { op, path: `members[value eq "${user}"]` };
      await service.patchGroup(group, [operation], CTX);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.deepEqual(recorded.modifies, [
        {
          dn: `cn=everyone,${GROUPS}`,
          changes: [{ operation: op === 'add' ? 'add' : 'delete', type: 'member', values: 1 }],
        },
      ]);
      assert.ok(
        recorded.entriesRead <= 2,
        `read ${recorded.entriesRead} entries: the member list was not needed`,
      );
      assert.equal(await memberCount(), before + (op === 'add' ? 1 : -1));
      console.log(
        `      ${name} one of ${before - 1} members: ${recorded.modifies.length} modify, ${recorded.entriesRead} entries read, ${ms.toFixed(1)} ms`,
      );
    });
  }
});
