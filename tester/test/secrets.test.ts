// Secrets never reach a report, even when the server echoes them back in an error text or a field of its own.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../src/http-client.js';
import { jsonReport } from '../src/report/json.js';
import { junitReport } from '../src/report/junit.js';
import { textReport } from '../src/report/text.js';
import { runMethod } from '../src/run.js';

const TOKEN = 'echoed-bearer-token-5f1c';
const PASSWORD = 'echoed-password-9d2b';

describe('secrets echoed by the server', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    // Answers everything with what it received: the request body as text, the credentials in a `detail`.
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = Buffer.concat(chunks).toString('utf8');
        if (req.url?.endsWith('/text')) {
          res.writeHead(400, { 'Content-Type': 'text/plain' });
          return res.end(`cannot parse ${received} (auth ${req.headers.authorization ?? ''})`);
        }
        res.writeHead(501, {
          'Content-Type': 'application/scim+json',
          'X-Seen': req.headers.authorization ?? '',
        });
        res.end(
          JSON.stringify({
            schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
            status: '501',
            detail: `not implemented for ${req.headers.authorization ?? ''} with ${received}`,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('are masked in what the client records, text bodies and response headers included', async () => {
    const user = 'okta-admin';
    const client = new HttpClient({ baseUrl: base, auth: { kind: 'basic', user, password: PASSWORD } });
    const response = await client.send({
      method: 'POST',
      path: '/text',
      body: { password: 'sent-password-77' },
    });
    assert.equal(response.status, 400);
    const recorded = JSON.stringify(response.exchange);
    for (const secret of [
      PASSWORD,
      'sent-password-77',
      Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
    ])
      assert.ok(!recorded.includes(secret), `${secret} reached the record: ${recorded}`);
  });

  it('are masked in step messages and in every report', async () => {
    const report = await runMethod('createNewUser', { url: base, auth: { kind: 'bearer', token: TOKEN } });
    assert.equal(report.steps[0]?.status, 'not-implemented');
    assert.match(report.steps[0]?.message ?? '', /answered 501 \(not implemented for Bearer \*\*\* with /);
    for (const text of [textReport(report), jsonReport(report), junitReport(report)]) {
      assert.ok(!text.includes(TOKEN), 'the token leaked');
      assert.ok(!text.includes('verySecure'), 'the password sent leaked');
    }
  });
});
