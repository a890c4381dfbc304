// The HTTP client: timeouts, transport errors, non-JSON bodies, auth headers, masking of what it records.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, TransportError } from '../src/http-client.js';
import { runMethod } from '../src/run.js';

describe('HttpClient', () => {
  let server: http.Server;
  let base: string;
  const seen: http.IncomingHttpHeaders[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      if (req.url?.endsWith('/hang')) return; // never answers
      if (req.url?.endsWith('/drip')) {
        // Headers at once, then a byte every 50 ms for ever: no idle gap long enough for a socket timeout.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (req.url?.endsWith('/escape')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        return res.end('boom\u001b[2J\u001b]0;owned\u0007\r\nline two');
      }
      if (req.url?.endsWith('/huge')) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<p>'.repeat(100_000));
      }
      if (req.url?.endsWith('/text')) {
        res.writeHead(502, { 'Content-Type': 'text/plain', 'Set-Cookie': 'session=secret' });
        return res.end('Bad Gateway');
      }
      res.writeHead(200, { 'Content-Type': 'application/scim+json' });
      res.end(JSON.stringify({ ok: true, password: 'leak' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2/`;
  });
  after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('joins paths below the base URL, sends Basic credentials, and records the exchange masked', async () => {
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'basic', user: 'okta', password: 'pw' } });
    const response = await client.send({
      method: 'POST',
      path: '/Users',
      body: { userName: 'u', password: 'secret' },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { ok: true, password: 'leak' });
    assert.equal(seen.at(-1)?.authorization, `Basic ${Buffer.from('okta:pw').toString('base64')}`);
    assert.equal(response.exchange.request.url, base.replace(/\/$/, '') + '/Users');
    assert.equal(response.exchange.request.headers['Authorization'], 'Basic ***');
    assert.deepEqual(response.exchange.request.body, { userName: 'u', password: '***' });
    assert.deepEqual(response.exchange.response?.body, { ok: true, password: '***' });
  });

  it('keeps a body that is not JSON as text and masks cookies', async () => {
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'none' } });
    const response = await client.send({ method: 'GET', path: '/text' });
    assert.equal(response.status, 502);
    assert.equal(response.body, 'Bad Gateway');
    assert.equal(response.headers['set-cookie'], '***');
  });

  it('gives up after the timeout with a TransportError carrying the exchange', async () => {
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'bearer', token: 't' }, timeoutMs: 200 });
    await assert.rejects(client.send({ method: 'GET', path: '/hang' }), (err: unknown) => {
      assert.ok(err instanceof TransportError);
      assert.match(err.message, /no response within 200 ms/);
      assert.equal(err.exchange.request.headers['Authorization'], 'Bearer ***');
      return true;
    });
  });

  it('gives up after the timeout even when the server keeps sending a byte now and then', async () => {
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'none' }, timeoutMs: 300 });
    await assert.rejects(client.send({ method: 'GET', path: '/drip' }), /no response within 300 ms/);
  });

  it('refuses a body larger than its limit, and records at most the start of a long text body', async () => {
    const limited = new HttpClient({ baseUrl: base, auth: { kind: 'none' }, maxBodyBytes: 1000 });
    await assert.rejects(
      limited.send({ method: 'GET', path: '/huge' }),
      (err: unknown) =>
        err instanceof TransportError && /response body larger than 1000 bytes/.test(err.message),
    );
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'none' } });
    const response = await client.send({ method: 'GET', path: '/huge' });
    assert.equal((response.body as string).length, 300_000);
    const recorded = response.exchange.response?.body as string;
    assert.ok(recorded.length < 5000, `recorded ${recorded.length} characters`);
    assert.match(recorded, /… \(300000 characters, truncated\)$/);
  });

  it("lets --header override the client's own headers, whatever their case", async () => {
    await runMethod('getImplementedUserManagementCapabilities', {
      url: base,
      headers: { accept: 'application/json', 'User-Agent': 'mine/1' },
    });
    assert.equal(seen.at(-1)?.accept, 'application/json');
    assert.equal(seen.at(-1)?.['user-agent'], 'mine/1');
  });

  it('records a text body without the control characters a terminal would obey', async () => {
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'none' } });
    const response = await client.send({ method: 'GET', path: '/escape' });
    assert.equal(response.exchange.response?.body, 'boom?[2J?]0;owned?\nline two');
  });

  it('refuses a base URL that carries credentials', () => {
    assert.throws(
      () => new HttpClient({ baseUrl: 'https://u:p@x/', auth: { kind: 'none' } }),
      /must not carry credentials/,
    );
  });

  it('refuses a base URL that is not http(s)', () => {
    assert.throws(
      () => new HttpClient({ baseUrl: 'ftp://x/', auth: { kind: 'none' } }),
      /must be http: or https:/,
    );
  });
});
