// Pins the JSON syntax-error locator: line, column and reason of the first error, and agreement with JSON.parse.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findJsonSyntaxError, positionAt, topLevelElementOffsets } from '../src/stores/json-syntax-error.js';

const cases: [string, { given: string; want: { line: number; column: number; reason: RegExp } }][] = [
  [
    'a bare word where a value belongs',
    {
      given: '[\n  {"a": x}\n]',
      want: { line: 2, column: 9, reason: /^Unexpected 'x' \(expected a value\)$/ },
    },
  ],
  [
    'a misspelt literal',
    { given: '[nul]', want: { line: 1, column: 2, reason: /Unexpected 'nul' \(expected a value\)/ } },
  ],
  [
    'a trailing comma in an object',
    { given: '{"a": 1,\n}', want: { line: 2, column: 1, reason: /trailing comma/ } },
  ],
  [
    'a trailing comma in an array',
    { given: '[1, 2, ]', want: { line: 1, column: 8, reason: /trailing comma/ } },
  ],
  [
    'a missing comma',
    {
      given: '[\n {"a": 1}\n {"b": 2}\n]',
      want: { line: 3, column: 2, reason: /Unexpected '\{' \(expected ',' or '\]'\)/ },
    },
  ],
  [
    'a missing colon',
    { given: '{"a" 1}', want: { line: 1, column: 6, reason: /expected ':' after the property name/ } },
  ],
  [
    'a single-quoted name',
    { given: "{'a': 1}", want: { line: 1, column: 2, reason: /expected a double-quoted property name/ } },
  ],
  [
    'a truncated file',
    {
      given: '[\n  {"id": "1",',
      want: { line: 2, column: 14, reason: /Unexpected end of file \(expected a double-quoted/ },
    },
  ],
  [
    'a truncated object',
    {
      given: '{"a": 1',
      want: { line: 1, column: 8, reason: /Unexpected end of file \(expected ',' or '\}'\)/ },
    },
  ],
  [
    'an empty file',
    { given: '', want: { line: 1, column: 1, reason: /Unexpected end of file \(expected a value\)/ } },
  ],
  [
    'an unterminated string',
    { given: '["abc', want: { line: 1, column: 2, reason: /end of file inside a string/ } },
  ],
  [
    'a raw line break in a string',
    { given: '["a\nb"]', want: { line: 1, column: 4, reason: /Line break inside a string/ } },
  ],
  [
    'a tab in a string',
    { given: '["a\tb"]', want: { line: 1, column: 4, reason: /Control character U\+0009/ } },
  ],
  ['a bad escape', { given: '["a\\x"]', want: { line: 1, column: 4, reason: /Bad escape '\\x'/ } }],
  ['a short unicode escape', { given: '["\\u12"]', want: { line: 1, column: 3, reason: /Bad \\u escape/ } }],
  ['a leading zero', { given: '[01]', want: { line: 1, column: 2, reason: /Bad number '01'/ } }],
  ['a bare minus', { given: '[-]', want: { line: 1, column: 2, reason: /Bad number '-'/ } }],
  [
    'garbage after the value',
    {
      given: '[1]\n]',
      want: { line: 2, column: 1, reason: /Unexpected '\]' after the end of the JSON value/ },
    },
  ],
  [
    'a control character outside strings',
    { given: '[1,\u0001]', want: { line: 1, column: 4, reason: /Unexpected character U\+0001/ } },
  ],
  ['a byte-order mark', { given: '\ufeff[]', want: { line: 1, column: 1, reason: /U\+FEFF/ } }],
  [
    'nesting too deep',
    { given: '['.repeat(2_001), want: { line: 1, column: 2_001, reason: /Nested deeper than 2000 levels/ } },
  ],
];

describe('findJsonSyntaxError', () => {
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      assert.throws(() => JSON.parse(given));
      const found = findJsonSyntaxError(given);
      assert.ok(found !== undefined);
      assert.deepEqual({ line: found.line, column: found.column }, { line: want.line, column: want.column });
      assert.match(found.reason, want.reason);
    });
  }

  const seed = 20261128;
  it(`agrees with JSON.parse on valid and broken texts (fast-check seed ${seed})`, () => {
    const valid = fc.json({ depthSize: 'small' });
    const broken = fc
      .tuple(valid, fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '-', '0'))
      .map(([text, at, insert]) => {
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(valid, broken), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        assert.equal(findJsonSyntaxError(text) === undefined, parses, text);
      }),
      { seed, numRuns: 2_000 },
    );
  });
});

describe('topLevelElementOffsets', () => {
  const offsets: [string, string, number[]][] = [
    ['each element of a top-level array', '[ {"a": [1, 2]},\n  "x", 3 ]', [2, 19, 24]],
    ['an empty array', '[]', []],
    ['not an array', '{"a": [1]}', []],
    ['a broken array up to the break', '[1, 2, x', [1, 4, 7]],
  ];
  for (const [name, text, want] of offsets) {
    it(name, () => assert.deepEqual(topLevelElementOffsets(text), want));
  }

  it('positions count lines and columns from 1', () => {
    assert.deepEqual(positionAt('ab\ncd', 4), { offset: 4, line: 2, column: 2 });
  });
});
