// Pure response checks and paging comparisons, and secret masking.
import assert from 'node:assert/strict';
import { listingProblems, orderProblem } from '../src/checks/paging-consistency.js';
import {
  createdStatusProblem,
  idProblem,
  passwordPath,
  readListPage,
} from '../src/checks/response-checks.js';
import { maskBody, maskHeaders } from '../src/mask.js';

describe('response checks', () => {
  it('finds a password anywhere, by any case, and in an extension', () => {
    assert.equal(passwordPath({ Resources: [{}, { Password: 'x' }] }), '$.Resources[1].Password');
    assert.equal(passwordPath({ 'urn:x:User:password': 'x' }), '$.urn:x:User:password');
    assert.equal(passwordPath({ userName: 'password' }), undefined);
  });

  const created: [string, { status: number; dialect: '2.0' | '1.1'; want: RegExp | undefined }][] = [
    ['201 over 2.0', { status: 201, dialect: '2.0', want: undefined }],
    ['200 over 2.0', { status: 200, dialect: '2.0', want: /requires 201 Created/ }],
    ['200 over 1.1', { status: 200, dialect: '1.1', want: undefined }],
    ['409 over 1.1', { status: 409, dialect: '1.1', want: /answered 409, expected 201/ }],
  ];
  for (const [name, { status, dialect, want }] of created) {
    it(`create status: ${name}`, () => {
      const problem = createdStatusProblem(status, dialect, 'POST /Users');
      if (want === undefined) assert.equal(problem, undefined);
      else assert.match(problem ?? '', want);
    });
  }

  it('wants a non-empty string id', () => {
    assert.equal(idProblem({ id: 'a' }, 'x'), undefined);
    assert.match(idProblem({ id: 7 }, 'x') ?? '', /without an `id` \(got 7\)/);
    assert.match(idProblem('text', 'x') ?? '', /no JSON resource/);
  });

  const lists: [string, { body: unknown; want: RegExp | number }][] = [
    [
      'a good page',
      {
        body: { totalResults: 2, startIndex: 1, itemsPerPage: 2, Resources: [{ id: 'a' }, { id: 'b' }] },
        want: 2,
      },
    ],
    ['an empty list without Resources', { body: { totalResults: 0 }, want: 0 }],
    [
      'totalResults as a string',
      { body: { totalResults: '2', Resources: [] }, want: /`totalResults` is "2" \(string\)/ },
    ],
    [
      'itemsPerPage as a float',
      {
        body: { totalResults: 1, itemsPerPage: 1.5, Resources: [{ id: 'a' }] },
        want: /`itemsPerPage` is 1\.5/,
      },
    ],
    ['Resources missing', { body: { totalResults: 1 }, want: /`Resources` is missing/ }],
    [
      'a resource without id',
      { body: { totalResults: 1, Resources: [{}] }, want: /`Resources\[0\]` is not a resource with an `id`/ },
    ],
  ];
  for (const [name, { body, want }] of lists) {
    it(`list page: ${name}`, () => {
      const page = readListPage(body, 'GET /Users');
      if (typeof want === 'number')
        assert.equal(typeof page === 'string' ? page : page.resources.length, want);
      else assert.match(typeof page === 'string' ? page : 'no problem', want);
    });
  }

  it('compares pagings: gaps, extras, duplicates, order', () => {
    assert.deepEqual(listingProblems(['a', 'b'], 2, 'x'), []);
    assert.match(
      listingProblems(['a'], 2, 'x').join(),
      /a gap: the pages held 1 distinct resources but totalResults is 2/,
    );
    assert.match(listingProblems(['a', 'a', 'b'], 2, 'x').join(), /ids returned on more than one page: a/);
    assert.match(listingProblems(['a', 'b', 'c'], 2, 'x').join(), /more than totalResults 2/);
    assert.equal(orderProblem(['a', 'b', 'c'], ['a', 'b', 'c'], 100, 1, 'x'), undefined);
    assert.match(
      orderProblem(['a', 'b', 'c'], ['a', 'c', 'b'], 100, 1, 'x') ?? '',
      /position 2 is c when paging by 1 but b when paging by 100/,
    );
    assert.match(orderProblem(['a', 'b'], ['a'], 100, 1, 'x') ?? '', /missed 1 resource/);
  });
});

describe('masking', () => {
  it('masks credentials in headers but keeps the scheme', () => {
    assert.deepEqual(
      maskHeaders({ Authorization: 'Bearer abc', 'X-Api-Key': 'k', Accept: 'a', cookie: 's=1' }),
      {
        Authorization: 'Bearer ***',
        'X-Api-Key': '***',
        Accept: 'a',
        cookie: '***',
      },
    );
    assert.deepEqual(maskHeaders({ authorization: 'Basic dTpw' }), { authorization: 'Basic ***' });
    // API gateways in front of SCIM servers take keys under names of their own.
    assert.deepEqual(
      maskHeaders({
        'Ocp-Apim-Subscription-Key': 'k1',
        'X-Auth': 'k2',
        'X-Session-Id': 'k3',
        'Keep-Alive': 'timeout=5',
      }),
      {
        'Ocp-Apim-Subscription-Key': '***',
        'X-Auth': '***',
        'X-Session-Id': '***',
        'Keep-Alive': 'timeout=5',
      },
    );
  });

  it('masks passwords at any depth and leaves the original alone', () => {
    const body = { password: 'p', nested: [{ Password: 'q' }], 'urn:x:password': 'r', userName: 'u' };
    assert.deepEqual(maskBody(body), {
      password: '***',
      nested: [{ Password: '***' }],
      'urn:x:password': '***',
      userName: 'u',
    });
    assert.equal(body.password, 'p');
  });

  it("keeps a `__proto__` member of a response as a member, not as the copy's prototype", () => {
    const masked = maskBody(JSON.parse('{"__proto__":{"password":"x","a":1}}')) as object;
    assert.equal(Object.getPrototypeOf(masked), Object.prototype);
    assert.equal(JSON.stringify(masked), '{"__proto__":{"password":"***","a":1}}');
  });
});
