// The standalone server on a real socket: listen on 127.0.0.1 port 0, serve over HTTP, drain in-flight requests on close.
import { strict as assert } from 'node:assert';
import { request as httpsRequest } from 'node:https';
import { createScimServer } from '../src/http/create-scim-server.js';
import { installShutdownHandlers } from '../src/http/shutdown.js';
import type { ScimService } from '../src/service/scim-service.js';
import { MemoryStore } from '../src/stores/memory-store.js';
import { createSelfSignedCertificate } from '../src/tls/self-signed-certificate.js';
import { TOKEN, user } from './support/scim-test-server.js';

const auth = { authorization: `Bearer ${TOKEN}` };

/** GET over HTTPS trusting only `ca`; resolves with the status and body. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, headers: auth }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http: standalone server on a socket', () => {
  it('listens on a free loopback port, serves SCIM and /healthz, and closes', async () => {
    const server = await createScimServer({
      service: new MemoryStore(),
      capabilities: ['PUSH_NEW_USERS'],
      auth: { bearerTokens: [TOKEN] },
      logger: false,
    });
    const url = await server.listen();
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(server.url, url);
      assert.ok((server.address?.port ?? 0) > 0);
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      const created = await fetch(`${url}/scim/v2/Users`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/scim+json' },
        body: JSON.stringify(user('socket.user')),
      });
      assert.equal(created.status, 201);
      assert.equal(
        created.headers.get('location'),
        `${url}/scim/v2/Users/${((await created.json()) as { id: string }).id}`,
      );
      const refused = await fetch(`${url}/scim/v2/Users`);
      assert.equal(refused.status, 401);
    } finally {
      await server.close();
    }
    assert.equal(server.address, undefined);
    await assert.rejects(fetch(`${url}/healthz`));
  });

  it('serves HTTPS with a PEM key and certificate, and with a PKCS#12 keystore', async () => {
    const certificate = await createSelfSignedCertificate({
      hosts: ['127.0.0.1'],
      passphrase: 'keystore-pass',
    });
    const variants = [
      { key: certificate.keyPem, cert: certificate.certPem },
      { pfx: certificate.pfx, passphrase: certificate.passphrase },
    ];
    for (const tls of variants) {
      const server = await createScimServer({
        service: new MemoryStore(),
        capabilities: [],
        auth: { bearerTokens: [TOKEN] },
        tls,
        logger: false,
      });
      const url = await server.listen();
      try {
        assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
        const response = await httpsGet(`${url}/scim/v2/ServiceProviderConfig`, certificate.certPem);
        assert.equal(response.status, 200);
        assert.match(response.body, /userManagementCapabilities/);
      } finally {
        await server.close();
      }
    }
  });

  it('answers a request in flight before closing', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => {
      started = resolve;
    });
    const service: ScimService = {
      async getUsers() {
        started();
        await gate;
        return { resources: [], totalResults: 0 };
      },
    };
    const server = await createScimServer({
      service,
      capabilities: [],
      auth: { bearerTokens: [TOKEN] },
      logger: false,
    });
    const url = await server.listen();
    const inFlight = fetch(`${url}/scim/v2/Users`, { headers: auth });
    await entered;
    const closed = server.close();
    release();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { totalResults: number }).totalResults, 0);
    await closed;
  });

  it('closes on SIGTERM once shutdown handlers are installed, and the handlers can be removed', async () => {
    const server = await createScimServer({
      service: new MemoryStore(),
      capabilities: [],
      auth: 'none',
      logger: false,
    });
    await server.listen();
    const before = process.listenerCount('SIGTERM');
    const uninstall = installShutdownHandlers(server);
    assert.equal(process.listenerCount('SIGTERM'), before + 1);
    process.emit('SIGTERM', 'SIGTERM');
    for (let i = 0; i < 50 && server.address !== undefined; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(server.address, undefined, 'the server closed');
    assert.equal(process.listenerCount('SIGTERM'), before, 'the handler removed itself');
    uninstall();
    const other = installShutdownHandlers(server, ['SIGINT']);
    const withInt = process.listenerCount('SIGINT');
    other();
    assert.equal(process.listenerCount('SIGINT'), withInt - 1);
  });
});
