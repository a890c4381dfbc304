// The test slapd: starts on a free port with memberof and ppolicy, loads its tree, fails loudly, cleans up.
import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import { Attribute, Change, Client } from 'ldapts';
import { startSlapd, type Slapd } from 'scim-connector-sdk/testing';
import { findSlapdInstall } from '../../src/ldap/testing/slapd-install.js';

const tree = `dn: dc=example,dc=org
objectClass: dcObject
objectClass: organization
o: example
dc: example

dn: ou=people,dc=example,dc=org
objectClass: organizationalUnit
ou: people

dn: uid=ada,ou=people,dc=example,dc=org
objectClass: inetOrgPerson
uid: ada
cn: Ada Lovelace
sn: Lovelace
`;

function portOpen(url: string): Promise<boolean> {
  const port = Number(new URL(url).port);
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('startSlapd', function () {
  let slapd: Slapd;
  before(async () => {
    slapd = await startSlapd({ ldif: tree });
  });
  after(() => slapd.stop());

  it('listens on 127.0.0.1 with the loaded tree and entryUUIDs', async () => {
    assert.match(slapd.url, /^ldap:\/\/127\.0\.0\.1:\d+$/);
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const { searchEntries } = await client.search('ou=people,dc=example,dc=org', {
      filter: '(uid=ada)',
      attributes: ['cn', 'entryUUID'],
    });
    await client.unbind();
    assert.equal(searchEntries.length, 1);
    assert.equal(searchEntries[0]?.['cn'], 'Ada Lovelace');
    assert.match(String(searchEntries[0]?.['entryUUID']), /^[0-9a-f-]{36}$/);
  });

  it('runs the memberof and ppolicy overlays', async () => {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDn, slapd.password);
    const ada = 'uid=ada,ou=people,dc=example,dc=org';
    await client.add('cn=staff,dc=example,dc=org', { objectClass: 'groupOfNames', cn: 'staff', member: ada });
    await client.modify(ada, [
      new Change({
        operation: 'replace',
        modification: new Attribute({
          type: 'pwdAccountLockedTime',
          values: ['000001010000Z'],
        }),
      }),
    ]);
    const { searchEntries } = await client.search(ada, { attributes: ['memberOf', 'pwdAccountLockedTime'] });
    await client.unbind();
    assert.equal(searchEntries[0]?.['memberOf'], 'cn=staff,dc=example,dc=org');
    assert.equal(searchEntries[0]?.['pwdAccountLockedTime'], '000001010000Z');
  });

  it('fails (never skips) when the tree cannot be loaded', async () => {
    await assert.rejects(startSlapd({ ldif: 'dn: not a dn\nobjectClass: nothing\n' }), /slapd did not start/);
  });

  it('names the missing binary and the install script when OpenLDAP is absent', () => {
    assert.throws(
      () => findSlapdInstall({ SLAPD: '/nonexistent/slapd' }),
      /slapd \(set SLAPD\).*install-servers\.sh/,
    );
  });

  it('stops: the port closes', async () => {
    const other = await startSlapd();
    assert.equal(await portOpen(other.url), true);
    await other.stop();
    assert.equal(await portOpen(other.url), false);
  });
});
