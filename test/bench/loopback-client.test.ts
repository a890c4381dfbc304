// The scale probe's HTTP client: whole bodies awaited, non-200 answers refused, a connection the server closed reopened.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loopbackClient } from '../../bench/loopback-client.mjs';

describe('bench/loopback-client', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; authorization: string | undefined }[] = [];

  before(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.url === '/missing') response.writeHead(404, { 'content-length': 2 }).end('no');
      else if (request.url === '/chunked') response.writeHead(200).end('x');
      else {
        // A body in several writes, larger than one socket read.
        const body = 'a'.repeat(200_000);
        response.writeHead(200, { 'content-length': body.length });
        response.write(body.slice(0, 1000));
        setImmediate(() => response.end(body.slice(1000)));
      }
    });
    // Closes idle connections at once: the client must open another.
    server.keepAliveTimeout = 20;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('resolves once the whole body arrived, with the headers given', async () => {
    const client = await loopbackClient(base, { authorization: 'Bearer t' });
    seen.length = 0;
    await client.get('/big');
    await client.get('/big');
    client.close();
    assert.deepEqual(seen, [
      { url: '/big', authorization: 'Bearer t' },
      { url: '/big', authorization: 'Bearer t' },
    ]);
  });

  const refusals: [string, RegExp][] = [
    ['/missing', /GET \/missing answered HTTP\/1\.1 404 Not Found$/],
    ['/chunked', /GET \/chunked answered HTTP\/1\.1 200 OK without a content-length/],
  ];
  for (const [path, message] of refusals) {
    it(`rejects ${path}`, async () => {
      const client = await loopbackClient(base, {});
      await assert.rejects(client.get(path), message);
      client.close();
    });
  }

  it('opens another connection after the server closed an idle one', async () => {
    const client = await loopbackClient(base, {});
    await client.get('/big');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await client.get('/big');
    client.close();
  });
});
