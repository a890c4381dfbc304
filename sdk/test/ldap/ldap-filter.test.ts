// SCIM filters → RFC 4515 LDAP filters, and RFC 4514/4515 escaping: table-driven, no server.
import { strict as assert } from 'node:assert';
import { parseFilter } from 'scim-connector-sdk/protocol';
import { escapeDnValue, escapeFilterValue, toLdapFilter } from 'scim-connector-sdk/ldap';

const attributes: Record<string, string> = {
  username: 'uid',
  'name.givenname': 'givenName',
  'emails.value': 'mail',
  id: 'entryUUID',
  'urn:okta:app:1.0:user:custom:iscontractor': 'contractorFlag',
};
const context = {
  attributeFor: (path: { uri?: string; name: string; subAttr?: string }) =>
    attributes[
      `${path.uri === undefined ? '' : `${path.uri}:`}${path.name}${path.subAttr === undefined ? '' : `.${path.subAttr}`}`.toLowerCase()
    ],
};

describe('toLdapFilter', () => {
  const cases: [string, { given: string; want: string }][] = [
    ['eq', { given: 'userName eq "bjensen"', want: '(uid=bjensen)' }],
    ['ne', { given: 'userName ne "b"', want: '(!(uid=b))' }],
    [
      'co sw ew',
      {
        given: 'userName co "a" or userName sw "b" or userName ew "c"',
        want: '(|(|(uid=*a*)(uid=b*))(uid=*c))',
      },
    ],
    [
      'gt lt',
      { given: 'userName gt "m" and userName lt "p"', want: '(&(&(uid>=m)(!(uid=m)))(&(uid<=p)(!(uid=p))))' },
    ],
    ['ge le', { given: 'userName ge "m" and userName le "p"', want: '(&(uid>=m)(uid<=p))' }],
    ['pr', { given: 'name.givenName pr', want: '(givenName=*)' }],
    ['not', { given: 'not (userName eq "x")', want: '(!(uid=x))' }],
    ['value path', { given: 'emails[value eq "a@b.c"]', want: '(mail=a@b.c)' }],
    ['specials escaped', { given: 'userName eq "*)(uid=*"', want: '(uid=\\2a\\29\\28uid=\\2a)' }],
    ['backslash and NUL', { given: 'userName eq "a\\\\b\\u0000"', want: '(uid=a\\5cb\\00)' }],
    [
      'a boolean in the LDAP Boolean syntax',
      { given: 'urn:okta:app:1.0:user:custom:isContractor eq true', want: '(contractorFlag=TRUE)' },
    ],
    ['non-ASCII as is (UTF-8)', { given: 'userName eq "é\\u0001"', want: '(uid=é\\01)' }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => assert.equal(toLdapFilter(parseFilter(given), context), want));
  }

  it('an unmapped attribute is 400 invalidFilter', () => {
    assert.throws(
      () => toLdapFilter(parseFilter('title eq "x"'), context),
      (error: { status?: number; scimType?: string }) => {
        assert.equal(error.status, 400);
        assert.equal(error.scimType, 'invalidFilter');
        return true;
      },
    );
  });
});

describe('escapeFilterValue', () => {
  it('escapes the five RFC 4515 specials and leaves the rest', () => {
    assert.equal(escapeFilterValue('a*b(c)d\\e\0f=g,h+#'), 'a\\2ab\\28c\\29d\\5ce\\00f=g,h+#');
  });
});

describe('escapeDnValue', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', 'a\\2cb'],
    ['a+b=c', 'a\\2bb\\3dc'],
    ['"q"<>;', '\\22q\\22\\3c\\3e\\3b'],
    ['back\\slash', 'back\\5cslash'],
    ['#lead', '\\23lead'],
    [' lead and trail ', '\\20lead and trail\\20'],
    ['mid#dle', 'mid#dle'],
    ['nul\0', 'nul\\00'],
  ];
  for (const [given, want] of cases)
    it(JSON.stringify(given), () => assert.equal(escapeDnValue(given), want));
});
