// Wire details per client: query encoding, filters, list paths, headers, error bodies.
import assert from 'node:assert/strict';
import {
  clientHeaders,
  emailOrFilter,
  errorBodyProblem,
  listPath,
  serviceProviderConfigPath,
  userNameFilter,
} from '../src/dialect.js';

describe('dialect', () => {
  const paths: [string, { got: string; want: string }][] = [
    [
      '1.1 encodes spaces as +',
      {
        got: listPath('Users', { filter: userNameFilter('x y'), startIndex: 1, count: 100 }, '1.1'),
        want: '/Users?filter=userName+eq+%22x+y%22&startIndex=1&count=100',
      },
    ],
    [
      '2.0 encodes spaces as %20',
      {
        got: listPath('Users', { filter: userNameFilter('x'), startIndex: 1, count: 100 }, '2.0'),
        want: '/Users?filter=userName%20eq%20%22x%22&startIndex=1&count=100',
      },
    ],
    [
      'the agent email OR lookup',
      {
        got: listPath('Users', { filter: emailOrFilter(['a@x.com', 'b@x.com']) }, '1.1'),
        want: '/Users?filter=email+eq+%22a%40x.com%22+OR+email+eq+%22b%40x.com%22',
      },
    ],
    [
      'paging only',
      {
        got: listPath('Groups', { startIndex: 101, count: 100 }, '1.1'),
        want: '/Groups?startIndex=101&count=100',
      },
    ],
    ['no parameters', { got: listPath('Groups', {}, '2.0'), want: '/Groups' }],
    [
      '1.1 provider config is plural',
      { got: serviceProviderConfigPath('1.1'), want: '/ServiceProviderConfigs' },
    ],
    [
      '2.0 provider config is singular',
      { got: serviceProviderConfigPath('2.0'), want: '/ServiceProviderConfig' },
    ],
    [
      'quotes and backslashes are escaped in filter values',
      { got: userNameFilter('a"b\\c'), want: 'userName eq "a\\"b\\\\c"' },
    ],
  ];
  for (const [name, { got, want }] of paths) it(name, () => assert.equal(got, want));

  it('sends Content-Type only with a body, and each client its own', () => {
    assert.deepEqual(Object.keys(clientHeaders({ dialect: '2.0', profile: 'okta' }, false)), [
      'Accept',
      'User-Agent',
    ]);
    assert.equal(clientHeaders({ dialect: '1.1', profile: 'okta' }, false)['Accept'], 'application/json');
    assert.equal(
      clientHeaders({ dialect: '1.1', profile: 'okta' }, true)['Content-Type'],
      'application/json',
    );
    assert.equal(
      clientHeaders({ dialect: '2.0', profile: 'entra' }, true)['Content-Type'],
      'application/scim+json',
    );
    assert.match(
      clientHeaders({ dialect: '2.0', profile: 'okta' }, true)['User-Agent'] ?? '',
      /^Okta SCIM Client 1\.0\.0/,
    );
  });

  const errors: [
    string,
    { body: unknown; status: number; dialect: '2.0' | '1.1'; want: RegExp | undefined },
  ][] = [
    [
      'a 2.0 error body',
      {
        body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404', detail: 'x' },
        status: 404,
        dialect: '2.0',
        want: undefined,
      },
    ],
    [
      'a 2.0 status as a number',
      {
        body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: 404 },
        status: 404,
        dialect: '2.0',
        want: /expected the string "404"/,
      },
    ],
    [
      'no Error schema',
      { body: { detail: 'x', status: '404' }, status: 404, dialect: '2.0', want: /schemas lack/ },
    ],
    ['not JSON', { body: 'Not Found', status: 404, dialect: '2.0', want: /not a JSON object/ }],
    [
      'the agent 1.1 body',
      {
        body: { errors: [{ statusCode: 404, description: 'x' }] },
        status: 404,
        dialect: '1.1',
        want: undefined,
      },
    ],
    [
      'a 1.1 body with detail',
      {
        body: { schemas: ['urn:scim:schemas:core:1.0'], detail: 'x' },
        status: 404,
        dialect: '1.1',
        want: undefined,
      },
    ],
    ['a 1.1 body with neither', { body: { message: 'x' }, status: 404, dialect: '1.1', want: /neither/ }],
  ];
  for (const [name, { body, status, dialect, want }] of errors) {
    it(`error body: ${name}`, () => {
      const problem = errorBodyProblem(body, status, dialect);
      if (want === undefined) assert.equal(problem, undefined);
      else assert.match(problem ?? '', want);
    });
  }
});
