// Property tests through /scim/v1: random 1.1 bodies, PATCH partial resources, filters and paging never get a 5xx.
import { strict as assert } from 'node:assert';
import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import type { ScimServer } from '../src/http/create-scim-server.js';
import { exampleServer, send11, type ErrorBody11 } from './support/okta-example-server.js';
import { jsonValue } from './support/json-arbitrary.js';

const seed = 20261128;
const numRuns = 100;

/** Names a 1.1 client could send: 1.1 URNs alone and in front of attributes, the agent's `email`, odd ones. */
const attributeName = fc.constantFrom(
  'userName',
  'name',
  'name.givenName',
  'emails',
  'email',
  'active',
  'password',
  'groups',
  'members',
  'displayName',
  'id',
  'meta',
  'schemas',
  'operation',
  'urn:scim:schemas:core:1.0',
  'urn:scim:schemas:extension:enterprise:1.0',
  'urn:scim:schemas:extension:enterprise:1.0:manager',
  'urn:okta:onprem_app:1.0:user:custom',
  'urn:okta:onprem_app:1.0:user:custom:departmentName',
  'urn:okta:other_app:1.0:user:x',
  'urn:okta:custom:group:1.0',
  'constructor',
  'x',
);
const value = jsonValue(attributeName, ['delete', 'True', '', '101']);
const body = fc.dictionary(attributeName, value, { maxKeys: 6 });

/** A 4xx carries the 1.1 error body; anything else is a success. */
function check(response: LightMyRequestResponse): void {
  assert.ok(response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 300)}`);
  if (response.statusCode >= 400) {
    const error = response.json<ErrorBody11>();
    assert.equal(error.errors[0]?.statusCode, response.statusCode, response.body);
    assert.equal(error.status, String(response.statusCode));
    assert.equal(typeof error.detail, 'string');
  }
}

describe(`scim 1.1: property tests through /scim/v1 (fast-check seed ${seed}, ${numRuns} runs each)`, () => {
  let server: ScimServer;
  before(async () => {
    ({ server } = await exampleServer());
  });
  after(() => server.close());

  it('POST and PUT of any JSON object answer 2xx or a 4xx with a 1.1 error body', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('POST /Users', 'PUT /Users/102', 'POST /Groups', 'PUT /Groups/1002'),
        async (sent, route) => {
          const [method, path] = route.split(' ') as [string, string];
          check(await send11(server, method, path, { body: JSON.stringify(sent) }));
        },
      ),
      { seed, numRuns },
    );
  });

  it('PATCH of any partial resource answers 200 or a 4xx, and the user stays readable', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        check(await send11(server, 'PATCH', '/Users/101', { body: JSON.stringify(sent) }));
        assert.equal((await send11(server, 'GET', '/Users/101')).statusCode, 200);
      }),
      { seed, numRuns },
    );
  });

  it('any filter answers 200 or 400, with spaces as + or %20', async () => {
    const filter = fc.oneof(
      fc.string(),
      fc
        .tuple(
          attributeName,
          fc.constantFrom('eq', 'EQ', 'co', 'gt', 'pr', 'OR', 'AND', 'zz'),
          fc.oneof(fc.string(), fc.integer(), fc.constantFrom('"2024-01-31T10:00:00Z"')),
          fc.constantFrom('', ' OR email eq "a@b.c"', ' AND active eq true', ' or'),
        )
        .map(([a, op, v, tail]) => `${a} ${op} ${typeof v === 'string' ? JSON.stringify(v) : v}${tail}`),
    );
    await fc.assert(
      fc.asyncProperty(filter, fc.boolean(), async (text, plus) => {
        const encoded = plus ? encodeURIComponent(text).replace(/%20/g, '+') : encodeURIComponent(text);
        const response = await send11(server, 'GET', `/Users?filter=${encoded}`);
        check(response);
        assert.ok([200, 400].includes(response.statusCode), response.body);
      }),
      { seed, numRuns },
    );
  });

  it('paging: 200 (startIndex only when both are given) or 400 invalidValue', async () => {
    const paging = fc.option(
      fc.oneof(fc.integer({ min: -100, max: 100 }).map(String), fc.string({ maxLength: 5 })),
      {
        nil: undefined,
      },
    );
    await fc.assert(
      fc.asyncProperty(paging, paging, async (startIndex, count) => {
        const query = [
          ...(startIndex === undefined ? [] : [`startIndex=${encodeURIComponent(startIndex)}`]),
          ...(count === undefined ? [] : [`count=${encodeURIComponent(count)}`]),
        ].join('&');
        const response = await send11(server, 'GET', `/Users?${query}`);
        check(response);
        if (response.statusCode === 200) {
          const list = response.json<{ startIndex?: number; totalResults: number; Resources: unknown[] }>();
          assert.ok(Number.isInteger(list.totalResults) && list.Resources.length <= list.totalResults);
          if (startIndex !== undefined && count !== undefined) assert.ok(Number.isInteger(list.startIndex));
          if (startIndex === undefined && count === undefined) assert.equal(list.startIndex, undefined);
        } else {
          assert.equal(response.statusCode, 400);
          assert.equal(response.json<ErrorBody11>().scimType, 'invalidValue');
        }
      }),
      { seed, numRuns },
    );
  });
});
