// Pins checkFilter: ordering a boolean or binary attribute is an invalid filter (RFC 7644 §3.4.2.2); everything else passes.
import { strict as assert } from 'node:assert';
import { checkFilter } from '../src/protocol/filter/check.js';
import { ScimError } from '../src/protocol/errors.js';
import { parseFilter } from '../src/protocol/filter/parser.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { attribute } from '../src/protocol/schemas/attribute.js';

const registry = createSchemaRegistry({
  userExtensions: [
    {
      id: 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User',
      name: 'OnpremAppUser',
      attributes: [attribute('isAdmin', 'boolean'), attribute('badge', 'binary')],
    },
  ],
});

describe('checkFilter', () => {
  const refused: [string, { filter: string; attribute: string; type: string }][] = [
    ['gt on a boolean', { filter: 'active gt false', attribute: 'active', type: 'boolean' }],
    ['le on a boolean in any case', { filter: 'ACTIVE LE true', attribute: 'ACTIVE', type: 'boolean' }],
    [
      'a boolean sub-attribute in a value path',
      { filter: 'emails[type eq "work" and primary ge true]', attribute: 'primary', type: 'boolean' },
    ],
    [
      'a boolean sub-attribute by dotted path',
      { filter: 'emails.primary lt true', attribute: 'emails.primary', type: 'boolean' },
    ],
    [
      'an extension boolean, deep in an or chain',
      {
        filter:
          'userName eq "a" or userName eq "b" or urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User:isAdmin gt false',
        attribute: 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User:isAdmin',
        type: 'boolean',
      },
    ],
    ['binary under not', { filter: 'not (badge gt "AAAA")', attribute: 'badge', type: 'binary' }],
    [
      'binary x509 value (multi-valued complex compares value)',
      { filter: 'x509Certificates gt "AA"', attribute: 'x509Certificates', type: 'binary' },
    ],
  ];
  for (const [name, { filter, attribute: path, type }] of refused) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => checkFilter(parseFilter(filter), registry.user),
        (err: unknown) =>
          err instanceof ScimError &&
          err.code === 'SCIM_ERR_FILTER_OPERATOR' &&
          err.status === 400 &&
          err.scimType === 'invalidFilter' &&
          err.message.includes(path) &&
          err.message.includes(type),
      );
    });
  }

  const accepted: [string, string][] = [
    ['eq and ne on booleans', 'active eq true and active ne false'],
    ['pr on a boolean', 'active pr'],
    [
      'ordering strings, numbers and dates',
      'userName gt "a" and meta.lastModified ge "2024-01-01T00:00:00Z"',
    ],
    ['ordering an unknown attribute (it matches nothing)', 'nonsense gt true'],
    ['ordering a string sub-attribute in a value path', 'emails[value gt "m"]'],
  ];
  for (const [name, filter] of accepted) {
    it(`accepts ${name}`, () => {
      assert.doesNotThrow(() => checkFilter(parseFilter(filter), registry.user));
    });
  }

  it('walks a chain of thousands of operands without recursion', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `userName eq "u${i}"`).join(' or ');
    const filter = parseFilter(`${long} or active gt false`, { maxLength: 100_000 });
    assert.throws(() => checkFilter(filter, registry.user), /active/);
  });
});
