// Pins the self-signed certificate: SANs for names and IPs, a keystore Node opens, and a TLS handshake that trusts only it.
import { strict as assert } from 'node:assert';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, link, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import {
  createSelfSignedCertificate,
  type SelfSignedCertificate,
} from '../src/tls/self-signed-certificate.js';

function get(port: number, options: { ca?: string; host?: string; servername?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        path: '/',
        method: 'GET',
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        ...(options.servername === undefined ? {} : { servername: options.servername }),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function listen(server: Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return (server.address() as AddressInfo).port;
}

describe('createSelfSignedCertificate', function () {
  this.timeout(20_000);
  let dir: string;
  let made: SelfSignedCertificate;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cert-'));
    made = await createSelfSignedCertificate({
      hosts: ['scim.example.com', '127.0.0.1', '::1', '[fe80::1:2]', '::ffff:10.0.0.7', 'localhost'],
      outDir: join(dir, 'tls'),
      days: 30,
      passphrase: 'correct horse',
    });
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names every host as a DNS or IP subjectAltName, with the first as CN', () => {
    const cert = new X509Certificate(made.certPem);
    assert.equal(cert.subject, 'CN=scim.example.com');
    assert.equal(cert.issuer, 'CN=scim.example.com');
    assert.deepEqual(cert.subjectAltName?.split(', '), [
      'DNS:scim.example.com',
      'IP Address:127.0.0.1',
      'IP Address:0:0:0:0:0:0:0:1',
      'IP Address:FE80:0:0:0:0:0:1:2',
      'IP Address:0:0:0:0:0:FFFF:A00:7',
      'DNS:localhost',
    ]);
    assert.equal(cert.checkHost('scim.example.com'), 'scim.example.com');
    assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(cert.checkIP('::1'), '::1');
    assert.equal(cert.checkHost('other.example.com'), undefined);
  });

  it('is an RSA 2048 key for server authentication, valid for the days asked', () => {
    const cert = new X509Certificate(made.certPem);
    assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.ok(cert.checkPrivateKey(createPrivateKey(made.keyPem)));
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    assert.ok(Math.abs(days - 30) < 1 / 24, `valid for ${days} days`);
    assert.ok(Date.parse(cert.validFrom) <= Date.now());
  });

  it('writes key.pem (owner-only), cert.pem and keystore.p12, with the keytool line for the Okta agent', async () => {
    assert.ok(made.files !== undefined);
    assert.equal(await readFile(made.files.key, 'utf8'), made.keyPem);
    assert.equal(await readFile(made.files.cert, 'utf8'), made.certPem);
    assert.deepEqual(await readFile(made.files.pfx), made.pfx);
    assert.equal((await stat(made.files.key)).mode & 0o777, 0o600);
    assert.equal((await stat(made.files.pfx)).mode & 0o777, 0o600);
    assert.equal(
      made.keytoolCommand,
      `/opt/OktaProvisioningAgent/jre/bin/keytool -import -file ${made.files.cert} -alias scim-connector-scim.example.com ` +
        '-keystore /opt/OktaProvisioningAgent/jre/lib/security/cacerts',
    );
  });

  it('makes a keystore Node opens with the passphrase, and only with it', () => {
    assert.doesNotThrow(() => createSecureContext({ pfx: made.pfx, passphrase: 'correct horse' }));
    assert.throws(() => createSecureContext({ pfx: made.pfx, passphrase: 'wrong' }));
  });

  it('serves HTTPS to a client trusting only this certificate, and a client without it is refused', async () => {
    const server = createServer({ pfx: made.pfx, passphrase: made.passphrase }, (_req, res) => res.end('ok'));
    const port = await listen(server);
    try {
      assert.equal(await get(port, { ca: made.certPem }), 'ok');
      assert.equal(await get(port, { ca: made.certPem, servername: 'scim.example.com' }), 'ok');
      await assert.rejects(
        get(port, {}),
        (error: NodeJS.ErrnoException) => error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT',
      );
      await assert.rejects(
        get(port, { ca: made.certPem, servername: 'other.example.com' }),
        (error: NodeJS.ErrnoException) => error.code === 'ERR_TLS_CERT_ALTNAME_INVALID',
      );
    } finally {
      server.close();
    }
  });

  it('serves HTTPS from the PEM files too, over IPv6 ::1', async function () {
    const server = createServer({ key: made.keyPem, cert: made.certPem }, (_req, res) => res.end('pem'));
    let port: number;
    try {
      port = await listen(server, '::1');
    } catch (error) {
      // Some containers have no IPv6 loopback; the IPv4 handshake above still covers the certificate.
      console.log(`      skipped: cannot listen on ::1 (${(error as NodeJS.ErrnoException).code})`);
      this.skip();
    }
    try {
      assert.equal(await get(port, { ca: made.certPem, host: '::1' }), 'pem');
    } finally {
      server.close();
    }
  });

  it('makes a random passphrase, writes nothing without outDir, and quotes an odd certificate path', async () => {
    const plain = await createSelfSignedCertificate({ hosts: ['localhost'], commonName: 'My Connector' });
    assert.equal(plain.files, undefined);
    assert.match(plain.passphrase, /^[\w-]{24}$/);
    assert.doesNotThrow(() => createSecureContext({ pfx: plain.pfx, passphrase: plain.passphrase }));
    assert.equal(new X509Certificate(plain.certPem).subject, 'CN=My Connector');
    assert.match(plain.keytoolCommand, / -file cert\.pem -alias scim-connector-localhost /);
    const spaced = await createSelfSignedCertificate({
      hosts: ['*.example.com'],
      outDir: join(dir, 'with space'),
    });
    assert.match(
      spaced.keytoolCommand,
      new RegExp(
        ` -file '${join(dir, 'with space', 'cert.pem')}' -alias scim-connector-wildcard\\.example\\.com `,
      ),
    );
  });

  const invalid: [string, Parameters<typeof createSelfSignedCertificate>[0], RegExp][] = [
    ['no host', { hosts: [] }, /at least one host/],
    ['a host with a space', { hosts: ['bad host'] }, /Invalid host "bad host"/],
    ['a URL as host', { hosts: ['https://scim.example.com'] }, /Invalid host "https:\/\/scim.example.com"/],
    ['zero days', { hosts: ['localhost'], days: 0 }, /Invalid number of days "0"/],
    ['fractional days', { hosts: ['localhost'], days: 1.5 }, /Invalid number of days "1.5"/],
    ['an empty passphrase', { hosts: ['localhost'], passphrase: '' }, /passphrase must not be empty/],
  ];
  for (const [name, options, message] of invalid) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(createSelfSignedCertificate(options), message);
    });
  }

  it('refuses to replace existing files unless asked, and leaves them as they were', async () => {
    const out = join(dir, 'existing');
    const first = await createSelfSignedCertificate({ hosts: ['localhost'], outDir: out });
    await writeFile(join(out, 'cert.pem'), 'mine');
    await assert.rejects(
      createSelfSignedCertificate({ hosts: ['localhost'], outDir: out }),
      /key\.pem already exists/,
    );
    assert.equal(await readFile(join(out, 'key.pem'), 'utf8'), first.keyPem);
    const second = await createSelfSignedCertificate({ hosts: ['localhost'], outDir: out, overwrite: true });
    assert.equal(await readFile(join(out, 'cert.pem'), 'utf8'), second.certPem);
    assert.equal((await stat(join(out, 'key.pem'))).mode & 0o777, 0o600);
  });

  it('replaces a key others could read by a new owner-only file, never writing the new key into the old one', async () => {
    const out = join(dir, 'replaced');
    await createSelfSignedCertificate({ hosts: ['localhost'], outDir: out });
    const keyPath = join(out, 'key.pem');
    await chmod(keyPath, 0o644);
    // Another name of the old, readable file (or a reader that has it open) must not see the new key.
    const oldKey = await readFile(keyPath, 'utf8');
    await link(keyPath, join(dir, 'old-key-link.pem'));
    // A key.pem that is a link elsewhere: the new key must not be written through it.
    const elsewhere = join(dir, 'elsewhere.p12');
    await writeFile(elsewhere, 'not yours', { mode: 0o644 });
    await rm(join(out, 'keystore.p12'));
    await symlink(elsewhere, join(out, 'keystore.p12'));
    const made = await createSelfSignedCertificate({ hosts: ['localhost'], outDir: out, overwrite: true });
    assert.equal(await readFile(join(dir, 'old-key-link.pem'), 'utf8'), oldKey, 'the key is a new file');
    assert.equal((await stat(keyPath)).mode & 0o777, 0o600);
    assert.equal(await readFile(keyPath, 'utf8'), made.keyPem);
    assert.equal(await readFile(elsewhere, 'utf8'), 'not yours');
    assert.deepEqual(await readFile(join(out, 'keystore.p12')), made.pfx);
  });
});
