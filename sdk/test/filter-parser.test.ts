// Table-driven tests of the filter and PATCH path parser: RFC 7644 examples, the Okta agent's filters, and malformed input.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ScimError } from '../src/protocol/errors.js';
import type { AttrPath, CompareOp, Filter, FilterValue, PatchPath } from '../src/protocol/filter/ast.js';
import { DEFAULT_FILTER_LIMITS, parseFilter, parsePatchPath } from '../src/protocol/filter/parser.js';
import { stringifyAttrPath, stringifyFilter } from '../src/protocol/filter/stringify.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function path(name: string, subAttr?: string, uri?: string): AttrPath {
  const p: AttrPath = uri === undefined ? { name } : { uri, name };
  if (subAttr !== undefined) p.subAttr = subAttr;
  return p;
}
const cmp = (p: AttrPath | string, op: CompareOp, value: FilterValue): Filter => ({
  kind: 'compare',
  path: typeof p === 'string' ? path(p) : p,
  op,
  value,
});
const pr = (p: AttrPath | string): Filter => ({ kind: 'present', path: typeof p === 'string' ? path(p) : p });
const and = (left: Filter, right: Filter): Filter => ({ kind: 'and', left, right });
const or = (left: Filter, right: Filter): Filter => ({ kind: 'or', left, right });
const not = (filter: Filter): Filter => ({ kind: 'not', filter });
const vp = (name: string, filter: Filter): Filter => ({ kind: 'valuePath', path: path(name), filter });

/** Every example of RFC 7644 §3.4.2.2 (the case-insensitivity pair and Figure 2). */
const rfcExamples: [string, Filter][] = [
  ['userName Eq "john"', cmp('userName', 'eq', 'john')],
  ['Username eq "john"', cmp('Username', 'eq', 'john')],
  ['userName eq "bjensen"', cmp('userName', 'eq', 'bjensen')],
  [`name.familyName co "O'Malley"`, cmp(path('name', 'familyName'), 'co', "O'Malley")],
  ['userName sw "J"', cmp('userName', 'sw', 'J')],
  [`${USER}:userName sw "J"`, cmp(path('userName', undefined, USER), 'sw', 'J')],
  ['title pr', pr('title')],
  [
    'meta.lastModified gt "2011-05-13T04:42:34Z"',
    cmp(path('meta', 'lastModified'), 'gt', '2011-05-13T04:42:34Z'),
  ],
  [
    'meta.lastModified ge "2011-05-13T04:42:34Z"',
    cmp(path('meta', 'lastModified'), 'ge', '2011-05-13T04:42:34Z'),
  ],
  [
    'meta.lastModified lt "2011-05-13T04:42:34Z"',
    cmp(path('meta', 'lastModified'), 'lt', '2011-05-13T04:42:34Z'),
  ],
  [
    'meta.lastModified le "2011-05-13T04:42:34Z"',
    cmp(path('meta', 'lastModified'), 'le', '2011-05-13T04:42:34Z'),
  ],
  ['title pr and userType eq "Employee"', and(pr('title'), cmp('userType', 'eq', 'Employee'))],
  ['title pr or userType eq "Intern"', or(pr('title'), cmp('userType', 'eq', 'Intern'))],
  [`schemas eq "${ENTERPRISE}"`, cmp('schemas', 'eq', ENTERPRISE)],
  [
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    and(
      cmp('userType', 'eq', 'Employee'),
      or(cmp('emails', 'co', 'example.com'), cmp(path('emails', 'value'), 'co', 'example.org')),
    ),
  ],
  [
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    and(
      cmp('userType', 'ne', 'Employee'),
      not(or(cmp('emails', 'co', 'example.com'), cmp(path('emails', 'value'), 'co', 'example.org'))),
    ),
  ],
  [
    'userType eq "Employee" and (emails.type eq "work")',
    and(cmp('userType', 'eq', 'Employee'), cmp(path('emails', 'type'), 'eq', 'work')),
  ],
  [
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    and(
      cmp('userType', 'eq', 'Employee'),
      vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
    ),
  ],
  [
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    or(
      vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
      vp('ims', and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com'))),
    ),
  ],
];

/** The filters the Okta Provisioning Agent and Okta's SCIM 2.0 client send. */
const oktaFilters: [string, Filter][] = [
  ['userName eq "x"', cmp('userName', 'eq', 'x')],
  ['id eq "102"', cmp('id', 'eq', '102')],
  ['name.givenName eq "john"', cmp(path('name', 'givenName'), 'eq', 'john')],
  [
    'urn:okta:onprem_app:1.0:user:custom:departmentName eq "Cloud Service"',
    cmp(path('departmentName', undefined, 'urn:okta:onprem_app:1.0:user:custom'), 'eq', 'Cloud Service'),
  ],
  [
    'email eq "a@x.com" OR email eq "b@x.com"',
    or(cmp('email', 'eq', 'a@x.com'), cmp('email', 'eq', 'b@x.com')),
  ],
  [
    'meta.lastModified gt "2024-01-31T10:00:00Z"',
    cmp(path('meta', 'lastModified'), 'gt', '2024-01-31T10:00:00Z'),
  ],
  [`${ENTERPRISE}:manager.value eq "26118915"`, cmp(path('manager', 'value', ENTERPRISE), 'eq', '26118915')],
];

/** Other accepted forms: any keyword case, tolerated bare values, literals, escapes, spacing, precedence. */
const otherForms: [string, Filter][] = [
  ['userName sw O', cmp('userName', 'sw', 'O')],
  ['  userName   EQ   "x"  ', cmp('userName', 'eq', 'x')],
  ['a eq 1 AND b eq 2 Or c eq 3', or(and(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
  ['a eq 1 or b eq 2 and c eq 3', or(cmp('a', 'eq', 1), and(cmp('b', 'eq', 2), cmp('c', 'eq', 3)))],
  ['a eq 1 and b eq 2 and c eq 3', and(and(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
  ['(a eq 1 or b eq 2) and c eq 3', and(or(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
  ['NOT (a pr) and b pr', and(not(pr('a')), pr('b'))],
  ['not(a pr)', not(pr('a'))],
  ['((a pr))', pr('a')],
  ['active eq TRUE', cmp('active', 'eq', true)],
  ['active ne False', cmp('active', 'ne', false)],
  ['manager eq NULL', cmp('manager', 'eq', null)],
  ['x gt -1.5e3', cmp('x', 'gt', -1500)],
  ['x lt 0', cmp('x', 'lt', 0)],
  ['x le 12.25', cmp('x', 'le', 12.25)],
  ['x ew "a\\"b\\\\c\\u00e9\\n"', cmp('x', 'ew', 'a"b\\cé\n')],
  ['x eq ""', cmp('x', 'eq', '')],
  ['x eq "true"', cmp('x', 'eq', 'true')],
  ['x eq 12abc', cmp('x', 'eq', '12abc')],
  ['userName eq"x"', cmp('userName', 'eq', 'x')],
  ['a pr\tand\nb pr', and(pr('a'), pr('b'))],
  ['members[value eq "2819c223"]', vp('members', cmp('value', 'eq', '2819c223'))],
  ['members.$ref pr', pr(path('members', '$ref'))],
  ['emails[not (type eq "work")]', vp('emails', not(cmp('type', 'eq', 'work')))],
  ['emails[(type eq "work")]', vp('emails', cmp('type', 'eq', 'work'))],
  ['not eq "x"', cmp('not', 'eq', 'x')],
  ['not pr', pr('not')],
  ['and pr or or pr', or(pr('and'), pr('or'))],
  ['first-name_2 pr', pr('first-name_2')],
  [
    'http://example.com/schemas/v1:age gt 30',
    cmp(path('age', undefined, 'http://example.com/schemas/v1'), 'gt', 30),
  ],
];

describe('parseFilter', () => {
  for (const [group, cases] of [
    ['RFC 7644 §3.4.2.2 examples', rfcExamples],
    ['Okta filters', oktaFilters],
    ['other accepted forms', otherForms],
  ] as const) {
    describe(group, () => {
      for (const [text, want] of cases) {
        it(text, () => assert.deepEqual(parseFilter(text), want));
      }
    });
  }

  it('reads a query whose spaces arrived as "+" once decoded the URLSearchParams way', () => {
    const query = 'filter=email+eq+%22a%40x.com%22+OR+email+eq+%22b%2Bc%40x.com%22&startIndex=1';
    const filter = new URLSearchParams(query).get('filter');
    assert.equal(filter, 'email eq "a@x.com" OR email eq "b+c@x.com"');
    const decoded = decodeURIComponent(query.slice('filter='.length, query.indexOf('&')).replace(/\+/g, ' '));
    assert.equal(decoded, filter);
    assert.deepEqual(
      parseFilter(decoded),
      or(cmp('email', 'eq', 'a@x.com'), cmp('email', 'eq', 'b+c@x.com')),
    );
  });

  it('accepts the longest and deepest filters within the limits', () => {
    const deep =
      '('.repeat(DEFAULT_FILTER_LIMITS.maxDepth) + 'a pr' + ')'.repeat(DEFAULT_FILTER_LIMITS.maxDepth);
    assert.deepEqual(parseFilter(deep), pr('a'));
    const long = `a eq "${'x'.repeat(DEFAULT_FILTER_LIMITS.maxLength - 7)}"`;
    assert.equal(long.length, DEFAULT_FILTER_LIMITS.maxLength);
    assert.equal(parseFilter(long).kind, 'compare');
  });

  it('parses a long or-chain without recursing per operand', () => {
    const text = Array.from({ length: 800 }, (_, i) => `email eq "u${i}@x.com"`).join(' OR ');
    let node = parseFilter(text, { maxLength: 100_000 });
    let operands = 1;
    while (node.kind === 'or') {
      operands++;
      node = node.left;
    }
    assert.equal(operands, 800);
  });
});

/** Malformed filters and the position each error must point at. */
const malformed: [string, number, RegExp][] = [
  ['', 0, /empty/],
  ['   ', 3, /empty/],
  ['bjensen', 7, /expected an operator after bjensen/],
  ['userName', 8, /expected an operator after userName/],
  ['userName eq', 11, /expected a value after "eq"/],
  ['userName eqq "x"', 9, /unknown operator "eqq"/],
  ['userName = "x"', 9, /unknown operator "="/],
  ['userName eq "x', 12, /unclosed string/],
  ['userName eq "x\\"', 12, /unclosed string/],
  ['userName eq "\\q"', 12, /invalid string/],
  ['userName eq "a\u0001b"', 12, /invalid string/],
  ['(userName eq "x"', 16, /unbalanced parenthesis/],
  ['userName eq "x")', 15, /unbalanced parenthesis/],
  ['((a pr)', 7, /unbalanced parenthesis/],
  ['()', 1, /empty parentheses/],
  ['"bjensen"', 0, /quoted string/],
  ['eq "x"', 3, /expected an operator after eq/],
  ['userName eq "x" and', 19, /expected an attribute path/],
  ['userName eq "x" or', 18, /expected an attribute path/],
  ['and', 3, /expected an operator after and/],
  ['userName eq "x" userName eq "y"', 16, /expected "and", "or" or the end/],
  ['userName eq "x" xor b pr', 16, /expected "and", "or" or the end/],
  ['not userName eq "x"', 3, /expected "\(" after "not"/],
  ['not', 3, /expected "\(" after "not"/],
  ['not ()', 5, /empty parentheses/],
  ['emails[type eq "work"', 21, /never closed/],
  ['emails[]', 7, /empty value filter/],
  ['emails[type eq "work")', 21, /unbalanced parenthesis/],
  ['emails[type[value eq "x"]]', 11, /cannot be nested/],
  ['emails.value[type eq "work"]', 12, /sub-attribute/],
  ['userName eq "x"]', 15, /"\]" without a matching "\["/],
  ['(userName eq "x"]', 16, /"\]" without a matching "\["/],
  ['a eq (b)', 5, /expected a value after "eq"/],
  ['a eq ]', 5, /expected a value after "eq"/],
  ['a.b.c eq 1', 3, /too many "\."/],
  ['a. eq 1', 2, /invalid attribute name ""/],
  ['.a eq 1', 0, /invalid attribute name ""/],
  ['1abc eq 1', 0, /invalid attribute name "1abc"/],
  ['user@name eq 1', 0, /invalid attribute name "user@name"/],
  [':userName eq 1', 0, /empty schema URI/],
  [`${USER}: eq 1`, USER.length + 1, /expected an attribute name after the schema URI/],
  ['constructor eq 1', 0, /not allowed as an attribute name/],
  ['name.__proto__ pr', 5, /not allowed as an attribute name/],
  ['emails[prototype eq 1]', 7, /not allowed as an attribute name/],
  ['x gt 1e999', 5, /out of range/],
  ['[a pr]', 0, /expected an attribute path, found "\["/],
  [')', 0, /expected an attribute path, found "\)"/],
  ['a pr and (', 10, /expected an attribute path, found the end/],
];

describe('parseFilter rejects malformed filters with invalidFilter and a position', () => {
  for (const [text, position, reason] of malformed) {
    it(JSON.stringify(text), () => {
      assert.throws(
        () => parseFilter(text),
        (error: unknown) => {
          assert.ok(error instanceof ScimError, `not a ScimError: ${String(error)}`);
          assert.equal(error.code, 'SCIM_ERR_INVALID_FILTER');
          assert.equal(error.scimType, 'invalidFilter');
          assert.equal(error.status, 400);
          assert.equal(typeof error.position, 'number');
          assert.equal(error.position, position, error.message);
          assert.match(error.message, reason);
          assert.match(error.message, new RegExp(`at position ${position}:`));
          return true;
        },
      );
    });
  }

  it('rejects input over the length limit before reading it', () => {
    const err = captureError(() => parseFilter('a'.repeat(DEFAULT_FILTER_LIMITS.maxLength + 1)));
    assert.equal(err.position, DEFAULT_FILTER_LIMITS.maxLength);
    assert.match(err.message, /longer than 8192/);
    assert.match(captureError(() => parseFilter('a pr or b pr', { maxLength: 5 })).message, /longer than 5/);
  });

  it('rejects nesting beyond the depth limit, for parentheses, not and value paths', () => {
    for (const text of [
      '('.repeat(65) + 'a pr' + ')'.repeat(65),
      'not ('.repeat(65) + 'a pr' + ')'.repeat(65),
    ]) {
      assert.match(captureError(() => parseFilter(text)).message, /nested more than 64 levels/);
    }
    assert.match(
      captureError(() => parseFilter('(emails[type pr])', { maxDepth: 1 })).message,
      /nested more than 1 levels/,
    );
  });

  it('caps any requested depth so that huge nesting still fails cleanly', () => {
    const text = '('.repeat(100_000) + 'a pr' + ')'.repeat(100_000);
    const err = captureError(() => parseFilter(text, { maxLength: 1_000_000, maxDepth: 1_000_000 }));
    assert.match(err.message, /nested more than 1000 levels/);
  });

  it('rejects a value that is not a string', () => {
    assert.match(captureError(() => parseFilter(42 as unknown as string)).message, /not a string/);
  });
});

function captureError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ScimError, `not a ScimError: ${String(error)}`);
    return error;
  }
  assert.fail('expected a ScimError');
}

const patchPaths: [string, PatchPath][] = [
  ['members', { path: path('members') }],
  ['name.familyName', { path: path('name', 'familyName') }],
  ['Name.FamilyName', { path: path('Name', 'FamilyName') }],
  [`${ENTERPRISE}:manager`, { path: path('manager', undefined, ENTERPRISE) }],
  [`${ENTERPRISE}:manager.value`, { path: path('manager', 'value', ENTERPRISE) }],
  [
    'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
    {
      path: path('members'),
      filter: cmp('value', 'eq', '2819c223-7f76-453a-919d-413861904646'),
    },
  ],
  [
    'emails[type eq "work"].value',
    { path: path('emails'), filter: cmp('type', 'eq', 'work'), valueSubAttr: 'value' },
  ],
  [
    ' addresses[type eq "work" and primary eq true].streetAddress ',
    {
      path: path('addresses'),
      filter: and(cmp('type', 'eq', 'work'), cmp('primary', 'eq', true)),
      valueSubAttr: 'streetAddress',
    },
  ],
];

const badPatchPaths: [string, number, RegExp][] = [
  ['', 0, /expected an attribute path/],
  ['[value eq "x"]', 0, /expected an attribute path/],
  ['members[value eq "x"', 20, /never closed/],
  ['members[value eq]', 16, /expected a value/],
  ['members[value eq "x"].', 22, /expected a sub-attribute name/],
  ['members[value eq "x"].a.b', 22, /invalid attribute name "a\.b"/],
  ['members[value eq "x"] x', 22, /unexpected "x" after the path/],
  ['members x', 8, /unexpected "x" after the path/],
  ['__proto__', 0, /not allowed/],
  ['name.constructor', 5, /not allowed/],
  ['emails[type eq "work"].PROTOTYPE', 23, /not allowed/],
  ['Constructor.value', 0, /not allowed/],
  ['a.b.c', 3, /too many "\."/],
];

describe('parsePatchPath', () => {
  for (const [text, want] of patchPaths) {
    it(text, () => assert.deepEqual(parsePatchPath(text), want));
  }
  for (const [text, position, reason] of badPatchPaths) {
    it(`rejects ${JSON.stringify(text)} with invalidPath`, () => {
      assert.throws(
        () => parsePatchPath(text),
        (error: unknown) => {
          assert.ok(error instanceof ScimError);
          assert.equal(error.code, 'SCIM_ERR_INVALID_PATH');
          assert.equal(error.scimType, 'invalidPath');
          assert.equal(error.status, 400);
          assert.equal(error.position, position, error.message);
          assert.match(error.message, reason);
          assert.ok(error.message.includes(`"${text}"`), error.message);
          return true;
        },
      );
    });
  }
  it('shortens a long path in the message and enforces the length limit', () => {
    const err = captureError(() => parsePatchPath('a'.repeat(9000)));
    assert.equal(err.code, 'SCIM_ERR_INVALID_PATH');
    assert.match(err.message, /longer than 8192/);
    assert.ok(err.message.length < 400);
    assert.match(captureError(() => parsePatchPath(7 as unknown as string)).message, /not a string/);
  });
});

const a = pr('a');
const b = pr('b');
const c = pr('c');
const stringified: [string, Filter, string][] = [
  ['a left chain without parentheses', or(or(a, b), c), 'a pr or b pr or c pr'],
  ['a right-nested or keeps its shape', or(a, or(b, c)), 'a pr or (b pr or c pr)'],
  ['and binds tighter than or', or(and(a, b), c), 'a pr and b pr or c pr'],
  ['or inside and', and(or(a, b), c), '(a pr or b pr) and c pr'],
  ['or on the right of and', and(a, or(b, c)), 'a pr and (b pr or c pr)'],
  ['not', and(not(or(a, b)), c), 'not (a pr or b pr) and c pr'],
  [
    'value path',
    vp('emails', and(cmp('type', 'eq', 'work'), cmp('primary', 'eq', true))),
    'emails[type eq "work" and primary eq true]',
  ],
  [
    'URN and sub-attribute',
    cmp(path('manager', 'value', ENTERPRISE), 'ne', null),
    `${ENTERPRISE}:manager.value ne null`,
  ],
  ['string escapes', cmp('x', 'eq', 'a "b"\n'), 'x eq "a \\"b\\"\\n"'],
  ['negative zero', cmp('x', 'gt', -0), 'x gt -0'],
  ['numbers', cmp('x', 'le', 1e21), 'x le 1e+21'],
];

describe('stringifyFilter', () => {
  for (const [label, ast, want] of stringified) {
    it(label, () => {
      assert.equal(stringifyFilter(ast), want);
      assert.deepStrictEqual(parseFilter(want), ast);
    });
  }
  it('writes attribute paths', () => {
    assert.equal(stringifyAttrPath(path('name', 'givenName')), 'name.givenName');
    assert.equal(stringifyAttrPath(path('userName', undefined, USER)), `${USER}:userName`);
  });
});
