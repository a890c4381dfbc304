// Request-body JSON: nesting measured without parsing, prototype keys refused, every failure a 400 invalidSyntax.
import { strict as assert } from 'node:assert';
import {
  jsonDepth,
  jsonShape,
  MAX_JSON_DEPTH,
  MAX_JSON_DISTINCT_KEYS,
  MAX_JSON_KEYS,
  MAX_JSON_KEYS_PER_OBJECT,
  parseJsonBody,
} from '../src/http/json-body.js';
import { ScimError } from '../src/protocol/errors.js';

describe('http: JSON bodies', () => {
  const depths: [string, { given: string; want: number }][] = [
    ['scalar', { given: '1', want: 0 }],
    ['flat object', { given: '{"a":1}', want: 1 }],
    ['nested', { given: '{"a":[{"b":[]}]}', want: 4 }],
    ['brackets inside strings do not count', { given: '{"a":"[[[{{{"}', want: 1 }],
    ['escaped quotes inside strings', { given: '{"a":"\\"[[["}', want: 1 }],
    ['siblings', { given: '[[1],[2],[3]]', want: 2 }],
  ];
  for (const [name, { given, want }] of depths) {
    it(`measures depth: ${name}`, () => assert.equal(jsonDepth(given), want));
  }

  it('stops counting once past the limit', () => {
    assert.equal(jsonDepth('['.repeat(100_000), 10), 11);
  });

  const refused: [string, string][] = [
    ['malformed', '{"a":'],
    ['too deep', `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`],
    ['__proto__', '{"__proto__":{"polluted":true}}'],
    ['nested __proto__', '{"a":[{"__proto__":1}]}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
    ['an escaped __proto__', '{"a":{"\\u005f_proto__":{"polluted":true}}}'],
    ['constructor.prototype with blanks', '{"constructor" :\n {"x":1, "prototype":{"polluted":true}}}'],
    ['an escaped constructor.prototype', '{"constructo\\u0072":{"pr\\u006ftotype":1}}'],
  ];
  for (const [name, text] of refused) {
    it(`refuses ${name} with invalidSyntax`, () => {
      assert.throws(
        () => parseJsonBody(text),
        (err: unknown) => err instanceof ScimError && err.status === 400 && err.scimType === 'invalidSyntax',
      );
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    });
  }

  const object = (keys: number, from = 0) =>
    `{${Array.from({ length: keys }, (_, i) => `"k${from + i}":"a:b"`).join(',')}}`;
  const keyCases: [string, string, boolean][] = [
    ['an object with the most keys allowed', object(MAX_JSON_KEYS_PER_OBJECT), true],
    ['an object with one key more', object(MAX_JSON_KEYS_PER_OBJECT + 1), false],
    ['a nested object with one key more', `{"a":[${object(MAX_JSON_KEYS_PER_OBJECT + 1)}]}`, false],
    [
      'the most keys allowed in all, over many objects of the same names',
      `[${Array.from({ length: MAX_JSON_KEYS / 1000 }, () => object(1000)).join(',')}]`,
      true,
    ],
    [
      'one key more in all',
      `[${Array.from({ length: MAX_JSON_KEYS / 1000 }, () => object(1000)).join(',')},{"x":1}]`,
      false,
    ],
    [
      'the most distinct key names allowed',
      `[${Array.from({ length: MAX_JSON_DISTINCT_KEYS / 1000 }, (_, i) => object(1000, i * 1000)).join(',')}]`,
      true,
    ],
    [
      'one distinct key name more',
      `[${Array.from({ length: MAX_JSON_DISTINCT_KEYS / 1000 }, (_, i) => object(1000, i * 1000)).join(',')},{"x":1}]`,
      false,
    ],
  ];
  for (const [name, text, accepted] of keyCases) {
    it(`${accepted ? 'parses' : 'refuses with SCIM_ERR_TOO_MANY_KEYS'} ${name}`, () => {
      if (accepted) assert.equal(typeof parseJsonBody(text), 'object');
      else
        assert.throws(
          () => parseJsonBody(text),
          (err: unknown) =>
            err instanceof ScimError && err.code === 'SCIM_ERR_TOO_MANY_KEYS' && err.status === 400,
        );
    });
  }

  it('counts keys, not colons inside strings, and distinct key names', () => {
    assert.deepEqual(jsonShape('{"a:b":"c:d","e":[{"f":1},{"g":{"h":2}},{"f":3}]}'), {
      depth: 4,
      keys: 6,
      widestObject: 2,
      distinctKeys: 5,
    });
  });

  it('reads an empty body as no body', () => {
    assert.equal(parseJsonBody(''), undefined);
    assert.equal(parseJsonBody(' \n'), undefined);
  });

  it('parses ordinary bodies, including a key named constructor holding a plain value', () => {
    assert.ok(Array.isArray(parseJsonBody(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)));
    assert.deepEqual(parseJsonBody('{"constructor":"x","a":[1,{"b":null}]}'), {
      constructor: 'x',
      a: [1, { b: null }],
    });
  });

  it('accepts prototype and constructor keys that cannot reach a prototype', () => {
    assert.deepEqual(parseJsonBody('{"constructor":{"name":"x"},"a":{"prototype":1},"b":["__proto__"]}'), {
      constructor: { name: 'x' },
      a: { prototype: 1 },
      b: ['__proto__'],
    });
  });
});
