// Filter and DN injection: hostile userNames and displayNames round-trip, match only themselves, change nothing else.
import { strict as assert } from 'node:assert';
import { Client } from 'ldapts';
import { createLdapService, type LdapService } from 'scim-connector-sdk/ldap';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { CTX, serviceOptions, SUFFIX, TREE, user } from './directory-fixture.js';

/** Values built from the characters RFC 4515 and RFC 4514 treat specially, alone and as attacks. */
const CORPUS = [
  '*',
  'a*b',
  '(',
  ')',
  'a(b)c',
  '\\',
  'a\\2ab',
  'a\\',
  ',',
  'a,ou=groups',
  '+',
  'a+cn=x',
  '=',
  'a=b',
  '#lead',
  ' lead',
  'trail ',
  '*)(uid=*',
  '*)(|(objectClass=*)',
  'x)(!(uid=x',
  '"quoted"',
  '<a>;b',
  'ünï©ødé',
  'nul\u0000byte',
];

/** Mail values the directory cannot hold (mail is an IA5String): a 4xx, never a 5xx or a changed directory. */
const INVALID = ['ünï@example.org', 'ça@example.org'];

/** A user with the corpus value as userName and an email the directory accepts. */
function hostile(userName: string): ReturnType<typeof user> {
  return user(userName, { emails: [{ type: 'work', value: 'hostile@example.org' }] });
}

/** Every entry under the suffix with every user and operational attribute, as sorted text. */
async function exportAll(slapd: Slapd): Promise<string> {
  const client = new Client({ url: slapd.url });
  await client.bind(slapd.bindDn, slapd.password);
  const { searchEntries } = await client.search(SUFFIX, { scope: 'sub', attributes: ['*', '+'] });
  await client.unbind();
  return searchEntries
    .map((entry) =>
      Object.keys(entry)
        .sort()
        .map((key) => `${key}: ${JSON.stringify(entry[key])}`)
        .join('\n'),
    )
    .sort()
    .join('\n\n');
}

function status(error: unknown): number {
  return (error as { status?: number }).status ?? 500;
}

describe('LDAP: injection corpus (slapd)', function () {
  this.timeout(60_000);
  let slapd: Slapd;
  let service: LdapService;
  let baseline: string;
  const controls: Record<string, string> = {};

  before(async () => {
    slapd = await startSlapd({ ldif: TREE });
    service = createLdapService(serviceOptions(slapd));
    // Users and a group the attacks must not touch or match.
    for (const name of ['a', 'b', 'ab', 'leader', 'trailer'])
      controls[name] = (await service.createUser(user(name), CTX)).id ?? '';
    await service.createGroup(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'staff',
        members: [{ value: controls['a'] ?? '' }],
      },
      CTX,
    );
    baseline = await exportAll(slapd);
  });
  after(async () => {
    await service?.close();
    await slapd?.stop();
  });

  for (const value of CORPUS) {
    it(`userName ${JSON.stringify(value)}: round-trips, matches only itself, leaves the rest unchanged`, async () => {
      const created = await service.createUser(hostile(value), CTX);
      const id = created.id ?? '';
      try {
        assert.equal(created.userName, value);
        assert.equal((await service.getUser(id, CTX))?.userName, value);
        for (const op of ['eq', 'sw', 'co', 'ew']) {
          const found = await service.getUsers(
            {
              filter: parseFilter(`userName ${op} ${JSON.stringify(value)}`),
              startIndex: 1,
              count: 50,
              sortOrder: 'ascending',
            },
            CTX,
          );
          const names = found.resources.map((u) => u.userName ?? '');
          // Substring assertions follow RFC 4518's insignificant-space rules: with edge spaces, only eq must find it.
          if (op === 'eq' || value.trim() === value)
            assert.ok(names.includes(value), `${op} finds the value itself`);
          // Whatever else is found must contain the value as the directory compares (case and spaces folded).
          const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
          const wanted = fold(value);
          const matches: Record<string, (name: string) => boolean> = {
            eq: (name) => name === wanted,
            sw: (name) => name.startsWith(wanted),
            ew: (name) => name.endsWith(wanted),
            co: (name) => name.includes(wanted),
          };
          for (const name of names)
            assert.ok(
              matches[op]?.(fold(name)),
              `${op} ${JSON.stringify(value)} matched ${JSON.stringify(name)}`,
            );
        }
        const renamed = await service.updateUser(id, hostile(`${value}-2`), CTX);
        assert.equal(renamed.userName, `${value}-2`);
        assert.equal(renamed.id, id);
      } finally {
        await service.deleteUser(id, CTX);
      }
      assert.equal(await exportAll(slapd), baseline);
    });
  }

  for (const value of CORPUS) {
    it(`group displayName ${JSON.stringify(value)}: round-trips and is found by eq`, async () => {
      const created = await service.createGroup(
        { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: value },
        CTX,
      );
      try {
        assert.equal(created.displayName, value);
        const found = await service.getGroups(
          {
            filter: parseFilter(`displayName eq ${JSON.stringify(value)}`),
            startIndex: 1,
            count: 10,
            sortOrder: 'ascending',
          },
          CTX,
        );
        assert.deepEqual(
          found.resources.map((g) => g.id),
          [created.id],
        );
      } finally {
        await service.deleteGroup(created.id ?? '', CTX);
      }
      assert.equal(await exportAll(slapd), baseline);
    });
  }

  it("names equal under the directory's matching rule (spaces, case) are one name: 409", async () => {
    await assert.rejects(service.createUser(hostile(' leader '), CTX), (e) => status(e) === 409);
    await assert.rejects(service.createUser(hostile('LEADER'), CTX), (e) => status(e) === 409);
    assert.equal(await exportAll(slapd), baseline);
  });

  it('ids and member values are never wildcards: 404 / 400, nothing changed', async () => {
    for (const id of ['*', '*)(objectClass=*', 'a\\2a']) {
      assert.equal(await service.getUser(id, CTX), undefined);
      await assert.rejects(service.deleteUser(id, CTX), (e) => status(e) === 404);
    }
    const [group] = (
      await service.getGroups(
        { filter: parseFilter('displayName eq "staff"'), startIndex: 1, count: 1, sortOrder: 'ascending' },
        CTX,
      )
    ).resources;
    await assert.rejects(
      service.patchGroup(group?.id ?? '', [{ op: 'add', path: 'members', value: [{ value: '*' }] }], CTX),
      (e) => status(e) === 400,
    );
    const byMember = await service.getGroups(
      { filter: parseFilter('members[value eq "*"]'), startIndex: 1, count: 10, sortOrder: 'ascending' },
      CTX,
    );
    assert.equal(byMember.totalResults, 0);
    assert.equal(await exportAll(slapd), baseline);
  });

  for (const value of INVALID) {
    it(`mail ${JSON.stringify(value)} is refused with a 4xx, nothing changed`, async () => {
      const refused = service.createUser(user('refused', { emails: [{ type: 'work', value }] }), CTX);
      await assert.rejects(refused, (e) => status(e) >= 400 && status(e) < 500);
      assert.equal(await exportAll(slapd), baseline);
    });
  }
});
