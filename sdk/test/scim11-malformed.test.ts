// Replays the malformed-request corpus through /scim/v1: the 2.0 statuses except where 1.1 differs, a 1.1 error body, never a 5xx.
import { strict as assert } from 'node:assert';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { parseJsonBody } from '../src/http/json-body.js';
import { MALFORMED_REQUESTS, type MalformedRequest } from './support/malformed-requests.js';
import { CORE_11, exampleServer, send11, type ErrorBody11 } from './support/okta-example-server.js';
import { group, user } from './support/scim-test-server.js';

/**
 * Where SCIM 1.1 rightly answers otherwise than 2.0. 1.1 has no `.search`: a POST there meets
 * `POST /Users/:id` (405, before its body is read) or no route (404), unless its JSON fails to parse
 * on a route that reads it. A 1.1 PATCH body is a partial resource, so a PatchOp without Operations
 * is an empty change (200).
 */
function failsToParse(body: MalformedRequest['body']): boolean {
  if (typeof body !== 'string') return false;
  try {
    parseJsonBody(body);
    return false;
  } catch {
    return true;
  }
}

function want11(request: MalformedRequest): { status: number; scimType?: string } {
  if (request.path.includes('.search')) {
    if (request.method === 'GET') return { status: 404 };
    if (!request.path.startsWith('/.search')) return { status: 405 };
    if (!failsToParse(request.body)) return { status: 404 };
  }
  if (request.name === 'PATCH without Operations') return { status: 200 };
  return request.want;
}

function resolvePath(path: string, ids: { userId: string; groupId: string }): string {
  return path.replace('{userId}', ids.userId).replace('{groupId}', ids.groupId);
}

describe(`scim 1.1: malformed-request corpus through /scim/v1 (${MALFORMED_REQUESTS.length} requests)`, () => {
  let server: ScimServer;
  let ids: { userId: string; groupId: string };

  before(async () => {
    ({ server } = await exampleServer());
    const created = await send11(server, 'POST', '/Users', { body: user('seeded.user') });
    const createdGroup = await send11(server, 'POST', '/Groups', { body: group('Seeded Group') });
    ids = { userId: created.json<{ id: string }>().id, groupId: createdGroup.json<{ id: string }>().id };
  });
  after(() => server.close());

  for (const request of MALFORMED_REQUESTS) {
    const want = want11(request);
    it(`${request.name}: ${want.status}${want.scimType === undefined ? '' : ` ${want.scimType}`}`, async () => {
      const response = await send11(server, request.method, resolvePath(request.path, ids), {
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
        ...(request.headers === undefined ? {} : { headers: request.headers }),
      });
      assert.ok(response.statusCode < 500, `a ${response.statusCode}: ${response.body.slice(0, 300)}`);
      assert.equal(response.statusCode, want.status, response.body.slice(0, 300));
      assert.match(String(response.headers['content-type']), /^application\/json/);
      if (want.status < 400) {
        assert.equal(response.json<{ userName: string }>().userName, 'seeded.user');
      } else {
        const body = response.json<ErrorBody11>();
        assert.deepEqual(body.schemas, [CORE_11]);
        assert.equal(body.errors[0]?.statusCode, want.status);
        assert.equal(body.status, String(want.status));
        assert.equal(typeof body.detail, 'string');
        if (want.scimType !== undefined) assert.equal(body.scimType, want.scimType, body.detail);
      }
      const health = await send11(server, 'GET', `/Users/${ids.userId}`);
      assert.equal(health.statusCode, 200);
    });
  }

  it('left the seeded user, group and example data as they were, and nothing polluted Object.prototype', async () => {
    const seeded = await send11(server, 'GET', `/Users/${ids.userId}`);
    assert.equal(seeded.json<{ userName: string; active: boolean }>().userName, 'seeded.user');
    assert.equal(seeded.json<{ active: boolean }>().active, true);
    const groups = await send11(server, 'GET', '/Groups');
    assert.equal(groups.json<{ totalResults: number }>().totalResults, 3);
    assert.equal(({} as Record<string, unknown>)['admin'], undefined);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });
});
