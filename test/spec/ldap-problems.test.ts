// ldap backend mistakes, each located in connector.yaml with the exact text the loader reports; a sound spec resolves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { formatProblem, loadSpecText } from '../../src/spec/index.js';
import { memoryReader, SPEC } from './spec-fixtures.js';

const EXAMPLE = new URL('../../spec/examples/initech-ldap/', import.meta.url);
const LDAP_SPEC = readFileSync(new URL('connector.yaml', EXAMPLE), 'utf8');
const DIRECTORY_SCHEMA = readFileSync(new URL('directory.schema', EXAMPLE), 'utf8');

/** The example spec with each `[from, to]` replaced once (every `from` must be there). */
function edited(edits: readonly (readonly [string, string])[]): string {
  let text = LDAP_SPEC;
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), `the fixture has no "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

function load(text: string) {
  return loadSpecText(text, SPEC, memoryReader({ 'directory.schema': DIRECTORY_SCHEMA }));
}

const cases: [string, { edits: [string, string][]; want: string[] }][] = [
  [
    'unknown object class',
    {
      edits: [['objectClasses: [inetOrgPerson]', 'objectClasses: [inetOrgPersn]']],
      want: [
        `${SPEC}:25:21: backend.users.objectClasses[0]: the directory's schema has no object class "inetOrgPersn"; did you mean "inetOrgPerson"?`,
      ],
    },
  ],
  [
    'attribute the classes do not allow',
    {
      edits: [['title: title', 'title: member']],
      want: [
        `${SPEC}:35:14: backend.users.attributes.title: title is mapped to "member", which inetOrgPerson does not allow: use an attribute the object classes allow, or add an object class that allows it`,
      ],
    },
  ],
  [
    'attribute unknown to the schema',
    {
      edits: [['displayName: displayName', 'displayName: dispalyName']],
      want: [
        `${SPEC}:32:20: backend.users.attributes.displayName: displayName is mapped to "dispalyName", which the directory's schema does not define; did you mean "displayName"?`,
      ],
    },
  ],
  [
    'unknown SCIM path',
    {
      edits: [['name.givenName: givenName', 'name.givenNam: givenName']],
      want: [
        `${SPEC}:30:7: backend.users.attributes["name.givenNam"]: "name" has no sub-attribute "givenNam"; did you mean "givenName"?`,
      ],
    },
  ],
  [
    'a path the backend owns',
    {
      edits: [['title: title', 'active: title']],
      want: [
        `${SPEC}:35:7: backend.users.attributes.active: do not map active: active is carried by "deactivation:"`,
      ],
    },
  ],
  [
    'multi-valued SCIM attribute',
    {
      edits: [['emails[type eq "work"].value: mail', 'emails.value: mail']],
      want: [
        `${SPEC}:33:7: backend.users.attributes["emails.value"]: emails.value holds several values: map one of them, e.g. emails[type eq "work"].value`,
      ],
    },
  ],
  [
    'unsupported transform',
    {
      edits: [['displayName: displayName', 'displayName: { app: displayName, transform: join }']],
      want: [
        `${SPEC}:32:51: backend.users.attributes.displayName.transform: the ldap backend applies lower and upper only, not join`,
      ],
    },
  ],
  [
    'unsupported key',
    {
      edits: [['displayName: displayName', 'displayName: { app: displayName, default: none }']],
      want: [
        `${SPEC}:32:40: backend.users.attributes.displayName.default: the ldap backend does not use "default": remove it`,
      ],
    },
  ],
  [
    'LDAP attribute written twice',
    {
      edits: [['title: title', 'title: mail']],
      want: [
        `${SPEC}:35:14: backend.users.attributes.title: "mail" is already written from emails[type eq "work"].value: map one SCIM attribute to it, or make one direction: fromApp`,
      ],
    },
  ],
  [
    'RDN mapped from another path',
    {
      edits: [['title: title', 'title: uid']],
      want: [
        `${SPEC}:35:14: backend.users.attributes.title: "uid" is the RDN attribute, which holds the userName: map title to another attribute`,
      ],
    },
  ],
  [
    'RDN not allowed',
    {
      edits: [['    rdn: uid\n', '    rdn: member\n']],
      want: [
        `${SPEC}:26:10: backend.users.rdn: the RDN attribute "member", which inetOrgPerson does not allow: use an attribute the object classes allow, or add an object class that allows it`,
      ],
    },
  ],
  [
    'disabled OU outside the base',
    {
      edits: [
        [
          "deactivation: { move: 'ou=disabled,ou=people,dc=initech,dc=example' }",
          "deactivation: { move: 'ou=disabled,dc=initech,dc=example' }",
        ],
      ],
      want: [
        `${SPEC}:27:27: backend.users.deactivation.move: "ou=disabled,dc=initech,dc=example" is not inside the user base "ou=people,dc=initech,dc=example": deactivated users must stay findable, so use an OU under it`,
      ],
    },
  ],
  [
    'groupOfNames without placeholder',
    {
      edits: [['    placeholder: cn=nobody,dc=initech,dc=example\n', '']],
      want: [
        `${SPEC}:40:20: backend.groups.objectClasses: groupOfNames needs at least one member: add placeholder: <DN> (kept in every group, hidden from SCIM) so empty groups and removing the last member work`,
      ],
    },
  ],
  [
    'uniqueMember on groupOfNames',
    {
      edits: [
        [
          '    placeholder: cn=nobody,dc=initech,dc=example\n',
          '    placeholder: cn=nobody,dc=initech,dc=example\n    member: uniqueMember\n',
        ],
      ],
      want: [
        `${SPEC}:43:13: backend.groups.member: the member attribute "uniqueMember", which groupOfNames does not allow: use an attribute the object classes allow, or add an object class that allows it`,
      ],
    },
  ],
  [
    'schema file missing',
    {
      edits: [['schema: directory.schema', 'schema: missing.schema']],
      want: [
        `${SPEC}:22:11: backend.schema: cannot read /specs/missing.schema: no such file; point it at an OpenLDAP .schema or LDIF file, or an ldap:// URL`,
      ],
    },
  ],
  [
    'literal bind password',
    {
      edits: [['bindPassword: ${LDAP_BIND_PASSWORD}', 'bindPassword: hunter2']],
      want: [
        `${SPEC}:21:17: backend.bindPassword is a secret: write \${NAME} and set the environment variable NAME at run time, so the secret never sits in connector.yaml`,
      ],
    },
  ],
  [
    'deactivation attribute not allowed',
    {
      edits: [
        [
          "deactivation: { move: 'ou=disabled,ou=people,dc=initech,dc=example' }",
          "deactivation: { attribute: member, active: 'yes', inactive: 'no' }",
        ],
      ],
      want: [
        `${SPEC}:27:32: backend.users.deactivation.attribute: the deactivation attribute "member", which inetOrgPerson does not allow: use an attribute the object classes allow, or add an object class that allows it`,
      ],
    },
  ],
];

describe('ldap backend mistakes', () => {
  it('the example loads and resolves', async () => {
    const loaded = await load(LDAP_SPEC);
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n'));
    assert.equal(loaded.spec.backend.kind, 'ldap');
  });

  it('types the mappings whose SCIM attribute is a boolean, integer or decimal', async () => {
    const loaded = await load(
      edited([
        [
          'backend:\n  kind: ldap',
          'schemas:\n  user:\n    attributes:\n      isContractor: boolean\n      badge: integer\nbackend:\n  kind: ldap',
        ],
        [
          '      title: title\n',
          '      title: title\n      isContractor: employeeType\n      badge: roomNumber\n',
        ],
      ]),
    );
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n'));
    assert.equal(loaded.spec.backend.kind, 'ldap');
    const types = loaded.spec.backend.kind === 'ldap' ? loaded.spec.backend.users.attributes : [];
    assert.deepEqual(
      types.filter((a) => a.type !== undefined).map((a) => [a.scim, a.ldap, a.type]),
      [
        ['isContractor', 'employeeType', 'boolean'],
        ['badge', 'roomNumber', 'integer'],
      ],
    );
  });

  for (const [name, { edits, want }] of cases) {
    it(name, async () => {
      const loaded = await load(edited(edits));
      assert.equal(loaded.ok, false);
      assert.deepEqual(loaded.ok ? [] : loaded.problems.map(formatProblem), want);
    });
  }
});
