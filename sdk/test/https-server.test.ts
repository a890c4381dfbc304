// HTTPS with a certificate made at test time (PEM and PKCS#12), clients that trust only it, and refused plain HTTP off loopback.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { connect, type SecureVersion } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScimServer, type ScimServer } from '../src/http/create-scim-server.js';
import type { ScimServerOptions, ServerTlsOptions } from '../src/http/server-options.js';
import { CAPABILITIES } from '../src/service/capabilities.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import {
  createSelfSignedCertificate,
  type SelfSignedCertificate,
} from '../src/tls/self-signed-certificate.js';
import { readTlsOptions } from '../src/tls/tls-options.js';
import { TOKEN } from './support/scim-test-server.js';

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** One GET over HTTPS with its own connection, trusting exactly `ca` (or Node's default roots when absent). */
function get(url: string, ca: string | undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        agent: false,
        headers: { authorization: `Bearer ${TOKEN}` },
        ...(ca === undefined ? {} : { ca }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens a TLS connection offering only `ciphers` up to `maxVersion`: the suite agreed on, or the error's code. */
function handshake(url: string, ciphers: string | undefined, maxVersion: SecureVersion): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({
      host: hostname,
      port: Number(port),
      rejectUnauthorized: false,
      maxVersion,
      minVersion: maxVersion === 'TLSv1.1' ? 'TLSv1.1' : 'TLSv1.2',
      ...(ciphers === undefined ? {} : { ciphers }),
    });
    socket.once('secureConnect', () => {
      resolve(socket.getCipher().standardName);
      socket.destroy();
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(`refused: ${err.code ?? err.message}`));
  });
}

function options(overrides: Partial<ScimServerOptions>): ScimServerOptions {
  return {
    service: new MemoryStore(),
    capabilities: [...CAPABILITIES],
    auth: { bearerTokens: [TOKEN] },
    logger: false,
    ...overrides,
  };
}

describe('https: the server with a self-signed certificate made at test time', function () {
  this.timeout(60_000);
  let dir: string;
  let cert: SelfSignedCertificate;
  let other: SelfSignedCertificate;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scim-https-'));
    cert = await createSelfSignedCertificate({
      hosts: ['localhost', '127.0.0.1'],
      outDir: join(dir, 'ours'),
    });
    other = await createSelfSignedCertificate({ hosts: ['scim.example.test'], outDir: join(dir, 'other') });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const setups: [string, () => ServerTlsOptions][] = [
    [
      'PEM key and certificate read from files',
      () =>
        readTlsOptions({
          keyFile: cert.files?.key ?? '',
          certFile: cert.files?.cert ?? '',
        }) as ServerTlsOptions,
    ],
    [
      'PKCS#12 keystore and passphrase read from a file',
      () =>
        readTlsOptions({ pfxFile: cert.files?.pfx ?? '', passphrase: cert.passphrase }) as ServerTlsOptions,
    ],
    ['PEM key and certificate in memory', () => ({ key: cert.keyPem, cert: cert.certPem })],
  ];

  for (const [name, tls] of setups) {
    describe(name, () => {
      let server: ScimServer;
      let url: string;
      before(async () => {
        server = await createScimServer(options({ tls: tls(), host: '127.0.0.1', port: 0 }));
        url = await server.listen();
      });
      after(() => server.close());

      it('listens on an https:// URL on loopback', () => {
        assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
      });

      it('answers both dialects to a client that trusts only this certificate', async () => {
        const v2 = await get(`${url}/scim/v2/ServiceProviderConfig`, cert.certPem);
        assert.equal(v2.status, 200);
        assert.ok(
          (v2.body['schemas'] as string[]).includes(
            'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
          ),
        );
        const v1 = await get(`${url}/scim/v1/ServiceProviderConfigs`, cert.certPem);
        assert.equal(v1.status, 200);
        assert.deepEqual(v1.body['schemas'], [
          'urn:scim:schemas:core:1.0',
          'urn:okta:schemas:scim:providerconfig:1.0',
        ]);
      });

      const handshakes: [string, string | undefined, SecureVersion, RegExp][] = [
        ['refuses TLS 1.2 without forward secrecy (AES128-SHA)', 'AES128-SHA', 'TLSv1.2', /^refused/],
        [
          'refuses TLS 1.2 without forward secrecy (AES256-GCM-SHA384)',
          'AES256-GCM-SHA384',
          'TLSv1.2',
          /^refused/,
        ],
        [
          'refuses TLS 1.2 without forward secrecy (AES128-GCM-SHA256)',
          'AES128-GCM-SHA256',
          'TLSv1.2',
          /^refused/,
        ],
        ['refuses TLS 1.1', 'ECDHE-RSA-AES128-SHA:@SECLEVEL=0', 'TLSv1.1', /^refused/],
        [
          'accepts TLS 1.2 with ECDHE and AES-GCM',
          'ECDHE-RSA-AES128-GCM-SHA256',
          'TLSv1.2',
          /ECDHE_RSA_WITH_AES_128_GCM/,
        ],
        [
          'accepts TLS 1.2 with ECDHE and AES-256-GCM',
          'ECDHE-RSA-AES256-GCM-SHA384',
          'TLSv1.2',
          /ECDHE_RSA_WITH_AES_256_GCM/,
        ],
        [
          'accepts TLS 1.2 with ECDHE and ChaCha20',
          'ECDHE-RSA-CHACHA20-POLY1305',
          'TLSv1.2',
          /ECDHE_RSA_WITH_CHACHA20/,
        ],
        ["accepts TLS 1.3 with Node's default client", undefined, 'TLSv1.3', /^TLS_(AES|CHACHA20)/],
      ];
      for (const [what, ciphers, maxVersion, want] of handshakes) {
        it(what, async () => assert.match(await handshake(url, ciphers, maxVersion), want));
      }

      it("is refused by a client with no ca (Node's default roots)", async () => {
        await assert.rejects(
          get(`${url}/scim/v2/ServiceProviderConfig`, undefined),
          (err: NodeJS.ErrnoException) => {
            assert.match(String(err.code), /SELF_SIGNED_CERT|UNABLE_TO_VERIFY/);
            return true;
          },
        );
      });

      it('is refused by a client that trusts another certificate', async () => {
        await assert.rejects(
          get(`${url}/scim/v1/ServiceProviderConfigs`, other.certPem),
          (err: NodeJS.ErrnoException) => {
            assert.match(String(err.code), /SELF_SIGNED_CERT|UNABLE_TO_VERIFY/);
            return true;
          },
        );
      });
    });
  }

  it('with tls, binds 0.0.0.0 without allowHttp (and closes at once, no traffic sent)', async () => {
    const server = await createScimServer(
      options({ tls: { key: cert.keyPem, cert: cert.certPem }, host: '0.0.0.0', port: 0 }),
    );
    try {
      assert.match(await server.listen(), /^https:\/\/0\.0\.0\.0:\d+$/);
    } finally {
      await server.close();
    }
  });

  it('a certificate without the host in its SANs is refused even when trusted', async () => {
    const server = await createScimServer(
      options({ tls: { key: other.keyPem, cert: other.certPem }, host: '127.0.0.1', port: 0 }),
    );
    const url = await server.listen();
    try {
      await assert.rejects(
        get(`${url}/scim/v2/ServiceProviderConfig`, other.certPem),
        (err: NodeJS.ErrnoException) => {
          assert.equal(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
          return true;
        },
      );
    } finally {
      await server.close();
    }
  });
});

describe('https: plain HTTP only on loopback unless allowHttp', () => {
  const refused = ['0.0.0.0', '::', '10.1.2.3', 'scim.example.com'];
  for (const host of refused) {
    it(`refuses to start plain HTTP on ${host}, saying how to fix it`, async () => {
      await assert.rejects(createScimServer(options({ host, port: 0 })), (err: Error) => {
        assert.match(err.message, new RegExp(`refusing plain HTTP on ${host.replace(/\./g, '\\.')}`));
        assert.match(err.message, /tls/);
        assert.match(err.message, /allowHttp: true/);
        return true;
      });
    });
  }

  for (const host of ['127.0.0.1', 'localhost', '::1']) {
    it(`serves plain HTTP on loopback ${host} by default`, async () => {
      const server = await createScimServer(options({ host, port: 0 }));
      try {
        const url = await server.listen();
        assert.match(url, /^http:\/\//);
        const response = await fetch(`${url}/healthz`);
        assert.equal(response.status, 200);
      } finally {
        await server.close();
      }
    });
  }

  it('binds 0.0.0.0 with allowHttp: true (and closes at once, no traffic sent)', async () => {
    const server = await createScimServer(options({ host: '0.0.0.0', port: 0, allowHttp: true }));
    try {
      const url = await server.listen();
      assert.match(url, /^http:\/\/0\.0\.0\.0:\d+$/);
      assert.equal(server.address?.address, '0.0.0.0');
    } finally {
      await server.close();
    }
  });
});
