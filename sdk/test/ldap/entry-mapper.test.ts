// Typed mapped attributes: booleans written in the LDAP Boolean syntax, typed values read back as JSON, not text.
import { strict as assert } from 'node:assert';
import { EntryMapper } from '../../src/ldap/entry-mapper.js';
import type { LdapAttributeMapping } from '../../src/ldap/ldap-options.js';
import type { ScimResource } from '../../src/protocol/resource.js';

const URN = 'urn:okta:app:1.0:user:custom';
const MAPPINGS: LdapAttributeMapping[] = [
  { scim: `${URN}:isContractor`, ldap: 'contractorFlag', type: 'boolean' },
  { scim: `${URN}:badgeNumber`, ldap: 'employeeNumber', type: 'integer' },
  { scim: `${URN}:fte`, ldap: 'ftePercent', type: 'decimal' },
  { scim: 'title', ldap: 'title' },
];
const mapper = new EntryMapper(MAPPINGS);

describe('EntryMapper: typed values', () => {
  const written: [string, unknown, [string, string[]]][] = [
    ['true as TRUE', { isContractor: true }, ['contractorFlag', ['TRUE']]],
    ['false as FALSE', { isContractor: false }, ['contractorFlag', ['FALSE']]],
    ['an integer as decimal text', { badgeNumber: 42 }, ['employeeNumber', ['42']]],
    ['a decimal as its JSON text', { fte: 0.5 }, ['ftePercent', ['0.5']]],
  ];
  for (const [name, custom, want] of written) {
    it(`writes ${name}`, () => {
      assert.deepEqual([...mapper.toLdap({ schemas: [URN], [URN]: custom }).entries()], [want]);
    });
  }

  const read: [string, string, string, unknown][] = [
    ['TRUE as true', 'contractorFlag', 'TRUE', { isContractor: true }],
    ['FALSE as false', 'contractorFlag', 'FALSE', { isContractor: false }],
    ['a lower-case boolean too', 'contractorFlag', 'true', { isContractor: true }],
    ['a non-boolean not at all', 'contractorFlag', 'yes', undefined],
    ['an integer as a number', 'employeeNumber', '-17', { badgeNumber: -17 }],
    ['a non-integer not at all', 'employeeNumber', 'E-17', undefined],
    ['an integer past 2^53 not at all', 'employeeNumber', '9007199254740993', undefined],
    ['a decimal as a number', 'ftePercent', '0.75', { fte: 0.75 }],
    ['a decimal with an exponent', 'ftePercent', '1e-1', { fte: 0.1 }],
    ['a non-number not at all', 'ftePercent', 'half', undefined],
  ];
  for (const [name, attribute, text, want] of read) {
    it(`reads ${name}`, () => {
      const resource: ScimResource = { schemas: [URN] };
      mapper.fromLdap({ dn: 'uid=a,dc=example', [attribute]: text }, resource);
      assert.deepEqual(resource[URN], want);
    });
  }

  it('reads an untyped attribute as the text it is', () => {
    const resource: ScimResource = { schemas: [URN] };
    mapper.fromLdap({ dn: 'uid=a,dc=example', title: '42' }, resource);
    assert.equal(resource['title'], '42');
  });
});
