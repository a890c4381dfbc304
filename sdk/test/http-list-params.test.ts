// Reading list parameters: SCIM 2.0 paging rules, sortBy paths, parameter names in any case, the filter parsed.
import { strict as assert } from 'node:assert';
import {
  clamp20,
  LIST_PARAM_NAMES,
  MAX_ATTRIBUTE_NAMES,
  listParamsOfQuery,
  pagingInteger,
  parseSortBy,
  queryParam,
  readListQuery,
  type QueryParams,
} from '../src/http/list-params.js';
import { ScimError } from '../src/protocol/errors.js';

const rules = { maxResults: 100, clamp: clamp20 };

describe('http: list parameters', () => {
  const integers: [string, { given: unknown; want: number | undefined }][] = [
    ['absent', { given: undefined, want: undefined }],
    ['a number', { given: 7, want: 7 }],
    ['a numeric string', { given: '42', want: 42 }],
    ['a signed string', { given: '-3', want: -3 }],
    ['surrounding spaces', { given: ' 5 ', want: 5 }],
    ['a string beyond 2^53', { given: '100000000000000000000', want: Number.MAX_SAFE_INTEGER }],
    ['a negative string beyond 2^53', { given: '-9999999999999999', want: -Number.MAX_SAFE_INTEGER }],
    ['a number beyond 2^53', { given: 1e20, want: Number.MAX_SAFE_INTEGER }],
  ];
  for (const [name, { given, want }] of integers) {
    it(`reads an integer: ${name}`, () => assert.equal(pagingInteger('count', given), want));
  }
  for (const bad of ['abc', '1.5', '1e3', '', '0x10', 1.5, true, {}, Number.NaN]) {
    it(`refuses ${JSON.stringify(bad)} with SCIM_ERR_INVALID_PAGING`, () => {
      assert.throws(
        () => pagingInteger('startIndex', bad),
        (err: unknown) => err instanceof ScimError && err.code === 'SCIM_ERR_INVALID_PAGING',
      );
    });
  }

  const pages: [string, { given: Record<string, string>; want: { startIndex: number; count: number } }][] = [
    ['defaults: first page, capped at maxResults', { given: {}, want: { startIndex: 1, count: 100 } }],
    ['startIndex 0 is 1', { given: { startIndex: '0' }, want: { startIndex: 1, count: 100 } }],
    ['negative count is 0', { given: { count: '-1' }, want: { startIndex: 1, count: 0 } }],
    [
      'count above maxResults is maxResults',
      { given: { count: '5000' }, want: { startIndex: 1, count: 100 } },
    ],
    ['as given', { given: { startIndex: '101', count: '100' }, want: { startIndex: 101, count: 100 } }],
  ];
  for (const [name, { given, want }] of pages) {
    it(`pages: ${name}`, () => {
      const query = readListQuery(listParamsOfQuery(given), rules);
      assert.deepEqual({ startIndex: query.startIndex, count: query.count }, want);
    });
  }

  it('reads parameter names in any case and parses the filter', () => {
    const query = readListQuery(
      listParamsOfQuery({ FILTER: 'userName eq "a"', SortBy: 'name.familyName', sortorder: 'Descending' }),
      rules,
    );
    assert.equal(query.filter?.kind, 'compare');
    assert.deepEqual(query.sortBy, { name: 'name', subAttr: 'familyName' });
    assert.equal(query.sortOrder, 'descending');
  });

  const repeats: [string, QueryParams, string | undefined][] = [
    ['a name twice in one case', { count: ['1', '2'] }, 'count'],
    ['a name in two cases', { count: '1', COUNT: '2' }, 'count'],
    ['a filter in two cases', { filter: 'a pr', Filter: 'b pr' }, 'filter'],
    ['an empty list of values', { count: [], startIndex: '3' }, undefined],
    ['other parameters, repeated', { access_token: ['x', 'y'], count: '4' }, undefined],
  ];
  for (const [name, given, refused] of repeats) {
    it(`${refused === undefined ? 'reads' : 'refuses'} ${name}, as queryParam does for each name`, () => {
      const each = () => {
        const params: Record<string, string> = {};
        for (const parameter of LIST_PARAM_NAMES) {
          const value = queryParam(given, parameter);
          if (value !== undefined) params[parameter] = value;
        }
        return params;
      };
      if (refused === undefined) {
        assert.deepEqual(listParamsOfQuery(given), each());
        return;
      }
      for (const read of [() => listParamsOfQuery(given), each]) {
        assert.throws(read, (err: unknown) => err instanceof ScimError && err.status === 400);
      }
    });
  }

  it('reads a URN-qualified sortBy', () => {
    assert.deepEqual(
      parseSortBy('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'),
      {
        uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        name: 'employeeNumber',
      },
    );
  });

  it('treats an empty filter as none', () => {
    assert.equal(readListQuery({ filter: '  ' }, rules).filter, undefined);
  });
});

describe('http: attribute name lists', () => {
  const names = (count: number) => Array.from({ length: count }, (_, i) => `name${i}`);
  const given: [string, (count: number) => unknown][] = [
    ['a query string list', (count) => names(count).join(',')],
    ['a .search body list', (count) => names(count)],
  ];
  for (const [name, list] of given) {
    it(`takes ${MAX_ATTRIBUTE_NAMES} names in ${name} and refuses one more`, () => {
      for (const parameter of ['attributes', 'excludedAttributes'] as const) {
        const at = readListQuery({ [parameter]: list(MAX_ATTRIBUTE_NAMES) }, rules);
        assert.equal(at[parameter]?.length, MAX_ATTRIBUTE_NAMES);
        assert.throws(
          () => readListQuery({ [parameter]: list(MAX_ATTRIBUTE_NAMES + 1) }, rules),
          (err: unknown) =>
            err instanceof ScimError &&
            err.code === 'SCIM_ERR_TOO_MANY_ATTRIBUTE_NAMES' &&
            err.status === 400 &&
            err.scimType === 'invalidValue',
        );
      }
    });
  }
});
