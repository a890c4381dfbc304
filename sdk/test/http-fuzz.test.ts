// Property tests over HTTP: random bodies, filters, paging values and PATCH operations never get a 5xx.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { send, testServer, user } from './support/scim-test-server.js';
import { jsonValue } from './support/json-arbitrary.js';

const seed = 20261128;
const numRuns = 150;

/** JSON values shaped like SCIM input: known attribute names (in any case), odd values, nesting. */
const attributeName = fc.constantFrom(
  'userName',
  'USERNAME',
  'name',
  'name.givenName',
  'emails',
  'active',
  'password',
  'groups',
  'id',
  'meta',
  'schemas',
  'members',
  'displayName',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
  '__proto__',
  'constructor',
  'x',
);
const scimValue = jsonValue(attributeName, ['True', 'False', '', 'work']);

describe(`http: property tests (fast-check seed ${seed}, ${numRuns} runs each)`, () => {
  let server: ScimServer;
  let userId: string;
  before(async () => {
    ({ server } = await testServer());
    userId = (await send(server, 'POST', '/Users', { body: user('fuzz.target') })).json<{ id: string }>().id;
  });
  after(() => server.close());

  function noServerError(status: number, body: string): void {
    assert.ok(status < 500, `${status}: ${body.slice(0, 300)}`);
  }

  it('POST /Users with any JSON object answers 201 or a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(attributeName, scimValue, { maxKeys: 6 }), async (body) => {
        const response = await send(server, 'POST', '/Users', { body: JSON.stringify(body) });
        noServerError(response.statusCode, response.body);
        if (response.statusCode !== 201)
          assert.equal(response.json<{ status: string }>().status, String(response.statusCode));
      }),
      { seed, numRuns },
    );
  });

  it('any text as a body answers a 4xx or 201, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (text) => {
        const response = await send(server, 'POST', '/Groups', { body: text });
        noServerError(response.statusCode, response.body);
      }),
      { seed, numRuns },
    );
  });

  it('any filter text answers 200 or 400 (invalidFilter or invalidValue)', async () => {
    const filterText = fc.oneof(
      fc.string(),
      fc
        .tuple(
          attributeName,
          fc.constantFrom('eq', 'ne', 'co', 'sw', 'pr', 'gt', 'xx', 'and', 'or'),
          fc.oneof(fc.string(), fc.integer()),
        )
        .map(([a, op, v]) => `${a} ${op} ${typeof v === 'string' ? JSON.stringify(v) : v}`),
    );
    await fc.assert(
      fc.asyncProperty(filterText, async (filter) => {
        const response = await send(server, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);
        noServerError(response.statusCode, response.body);
        if (response.statusCode !== 200) {
          assert.equal(response.statusCode, 400);
          assert.ok(
            ['invalidFilter', 'invalidValue'].includes(response.json<{ scimType: string }>().scimType),
            response.body,
          );
        }
      }),
      { seed, numRuns },
    );
  });

  it('any paging values answer 200 with integer fields, or 400 invalidValue', async () => {
    const pagingValue = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(pagingValue, pagingValue, async (startIndex, count) => {
        const response = await send(
          server,
          'GET',
          `/Users?startIndex=${encodeURIComponent(startIndex)}&count=${encodeURIComponent(count)}`,
        );
        noServerError(response.statusCode, response.body);
        if (response.statusCode === 200) {
          const body = response.json<{ startIndex: number; itemsPerPage: number; totalResults: number }>();
          assert.ok(
            body.startIndex >= 1 &&
              Number.isInteger(body.itemsPerPage) &&
              Number.isInteger(body.totalResults),
          );
        } else {
          assert.equal(response.json<{ scimType: string }>().scimType, 'invalidValue');
        }
      }),
      { seed, numRuns },
    );
  });

  it('any PATCH operations answer 200 or a 4xx, and the user stays readable', async () => {
    const operation = fc.record(
      {
        op: fc.constantFrom('add', 'remove', 'replace', 'Replace', 'delete'),
        path: fc.oneof(
          attributeName,
          fc.constantFrom('emails[type eq "work"].value', 'members[value eq "x"]', 'name.familyName'),
        ),
        value: scimValue,
      },
      { requiredKeys: ['op'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 4 }), async (operations) => {
        const response = await send(server, 'PATCH', `/Users/${userId}`, {
          body: { Operations: operations },
        });
        noServerError(response.statusCode, response.body);
        const after = await send(server, 'GET', `/Users/${userId}`);
        assert.equal(after.statusCode, 200);
      }),
      { seed, numRuns },
    );
  });
});
