// StartTLS to the directory: trusted through the configured CA file, refused (503) without it.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLdapService } from 'scim-connector-sdk/ldap';
import { startSlapd, testCertificate, type Slapd } from 'scim-connector-sdk/testing';
import { CTX, serviceOptions, TREE, user } from './directory-fixture.js';

describe('LDAP over StartTLS (slapd)', function () {
  this.timeout(60_000);
  let slapd: Slapd;
  let folder: string;
  let caFile: string;

  before(async () => {
    const certificate = await testCertificate();
    slapd = await startSlapd({
      ldif: TREE,
      tls: { certPem: certificate.certPem, keyPem: certificate.keyPem },
    });
    folder = await mkdtemp(join(tmpdir(), 'ldap-ca-'));
    caFile = join(folder, 'ca.pem');
    await writeFile(caFile, certificate.certPem);
  });
  after(async () => {
    await slapd?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('binds after StartTLS, trusting the CA file, and works', async () => {
    const options = serviceOptions(slapd);
    const service = createLdapService({
      ...options,
      connection: { ...options.connection, startTls: true, caFile },
    });
    const created = await service.createUser(user('tls-user'), CTX);
    assert.equal((await service.getUser(created.id ?? '', CTX))?.userName, 'tls-user');
  });

  it('refuses a certificate it cannot verify: 503, no plain-text fallback', async () => {
    const options = serviceOptions(slapd);
    const service = createLdapService({ ...options, connection: { ...options.connection, startTls: true } });
    await assert.rejects(service.getUser('x', CTX), (error: { status?: number }) => error.status === 503);
  });
});
