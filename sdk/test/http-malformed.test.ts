// Replays the malformed-request corpus: each gets its 4xx with a SCIM error body, and the server keeps answering.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { MALFORMED_REQUESTS, type MalformedRequest } from './support/malformed-requests.js';
import { group, send, testServer, user } from './support/scim-test-server.js';

const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

function resolvePath(path: string, ids: { userId: string; groupId: string }): string {
  return path.replace('{userId}', ids.userId).replace('{groupId}', ids.groupId);
}

describe(`http: malformed-request corpus (${MALFORMED_REQUESTS.length} requests)`, () => {
  let server: ScimServer;
  let ids: { userId: string; groupId: string };

  before(async () => {
    ({ server } = await testServer());
    const created = await send(server, 'POST', '/Users', { body: user('seeded.user') });
    const createdGroup = await send(server, 'POST', '/Groups', { body: group('Seeded Group') });
    ids = { userId: created.json<{ id: string }>().id, groupId: createdGroup.json<{ id: string }>().id };
  });
  after(() => server.close());

  it('holds at least 60 requests with distinct names', () => {
    assert.ok(MALFORMED_REQUESTS.length >= 60);
    assert.equal(new Set(MALFORMED_REQUESTS.map((r) => r.name)).size, MALFORMED_REQUESTS.length);
  });

  for (const request of MALFORMED_REQUESTS as MalformedRequest[]) {
    it(`${request.name}: ${request.want.status}${request.want.scimType === undefined ? '' : ` ${request.want.scimType}`}`, async () => {
      const response = await send(server, request.method, resolvePath(request.path, ids), {
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
        ...(request.headers === undefined ? {} : { headers: request.headers }),
      });
      assert.equal(response.statusCode, request.want.status, response.body.slice(0, 300));
      assert.match(String(response.headers['content-type']), /^application\/scim\+json/);
      const body = response.json<{ schemas: string[]; status: string; scimType?: string; detail: string }>();
      assert.deepEqual(body.schemas, [ERROR_URN]);
      assert.equal(body.status, String(request.want.status));
      assert.equal(typeof body.detail, 'string');
      if (request.want.scimType !== undefined)
        assert.equal(body.scimType, request.want.scimType, body.detail);
      const health = await send(server, 'GET', `/Users/${ids.userId}`);
      assert.equal(health.statusCode, 200);
    });
  }

  it('left the seeded user and group as they were, and nothing polluted Object.prototype', async () => {
    const seeded = await send(server, 'GET', `/Users/${ids.userId}`);
    assert.equal(seeded.json<{ userName: string }>().userName, 'seeded.user');
    const list = await send(server, 'GET', '/Groups');
    assert.equal(list.json<{ totalResults: number }>().totalResults, 1);
    assert.equal(({} as Record<string, unknown>)['admin'], undefined);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });
});
