// Malformed specs, each with the exact located problems the loader must report.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formatProblem, loadSpec, loadSpecText } from '../../src/spec/index.js';
import { memoryReader, OPENAPI_SPEC, SPEC, TINY_OPENAPI } from './spec-fixtures.js';

interface Case {
  spec: string;
  files?: Record<string, string>;
  want: string[];
}

const HEAD = 'name: tiny\ncapabilities: [PUSH_NEW_USERS]\n';

const cases: [string, Case][] = [
  [
    'YAML syntax error',
    {
      spec: 'name: tiny\ncapabilities: [PUSH_NEW_USERS\n',
      want: [
        `${SPEC}:3:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]; fix it (other checks run once the file parses)`,
      ],
    },
  ],
  [
    'duplicate key',
    {
      spec: 'name: tiny\nname: other\ncapabilities: [PUSH_NEW_USERS]\n',
      want: [
        `${SPEC}:2:1: YAML syntax: Map keys must be unique; fix it (other checks run once the file parses)`,
      ],
    },
  ],
  [
    'empty file',
    {
      spec: '# nothing yet\n',
      want: [`${SPEC}:1:1: the spec is empty: start with "name:" and "capabilities:" (see spec/README.md)`],
    },
  ],
  [
    'missing required keys',
    {
      spec: 'description: x\n',
      want: [
        `${SPEC}:1:1: the spec needs "name": add it`,
        `${SPEC}:1:1: the spec needs "capabilities": add it`,
      ],
    },
  ],
  [
    'unknown top-level key with did-you-mean',
    {
      spec: `${HEAD}capabilites: []\n`,
      want: [`${SPEC}:3:1: unknown key "capabilites" in the spec; did you mean "capabilities"?`],
    },
  ],
  [
    'unknown key without a near match lists the allowed keys',
    {
      spec: `${HEAD}server:\n  colour: blue\n`,
      want: [
        `${SPEC}:4:3: unknown key "colour" in server; the keys allowed here: host, port, auth, tls, allowHttp, logLevel, store, storeDir`,
      ],
    },
  ],
  [
    'unknown capability with did-you-mean',
    {
      spec: 'name: tiny\ncapabilities:\n  - PUSH_NEW_USERS\n  - push_profile_update\n',
      want: [
        `${SPEC}:4:5: capabilities[1]: "push_profile_update" is not an Okta capability; did you mean "PUSH_PROFILE_UPDATES"?`,
      ],
    },
  ],
  [
    'capability listed twice',
    {
      spec: 'name: tiny\ncapabilities: [GROUP_PUSH, GROUP_PUSH]\n',
      want: [`${SPEC}:2:28: capabilities[1]: "GROUP_PUSH" is listed twice: remove one`],
    },
  ],
  [
    'wrong type',
    {
      spec: `${HEAD}server:\n  port: eighty\n  allowHttp: yes\n`,
      want: [
        `${SPEC}:4:9: server.port must be a whole number, not "eighty"`,
        `${SPEC}:5:14: server.allowHttp must be true or false, not "yes"`,
      ],
    },
  ],
  [
    'bad enum value',
    {
      spec: `${HEAD}operations: [deleteUser, patchUsers]\n`,
      want: [
        `${SPEC}:3:26: operations[1] is "patchUsers", which is not one of deleteUser, patchUser, patchGroup; did you mean "patchUser"?`,
      ],
    },
  ],
  [
    'bad package name',
    {
      spec: 'name: Acme HR\ncapabilities: [PUSH_NEW_USERS]\n',
      want: [
        `${SPEC}:1:7: name "Acme HR" must be lower-case letters, digits and "-", starting with a letter (it becomes the npm package name), e.g. "acme-hr"`,
      ],
    },
  ],
  [
    'custom attribute clashing with a core attribute',
    {
      spec: `${HEAD}schemas:\n  user:\n    attributes:\n      displayname: string\n  group:\n    attributes:\n      members: string\n`,
      want: [
        `${SPEC}:6:7: schemas.user.attributes: "displayname" clashes with the core User attribute "displayName": rename it (e.g. with your app's prefix), or use the core attribute`,
        `${SPEC}:9:7: schemas.group.attributes: "members" clashes with the core Group attribute "members": rename it (e.g. with your app's prefix), or use the core attribute`,
      ],
    },
  ],
  [
    'attribute names equal but for case',
    {
      spec: `${HEAD}schemas:\n  user:\n    attributes:\n      costCenter: string\n      CostCenter: string\n`,
      want: [
        `${SPEC}:7:7: schemas.user.attributes: "CostCenter" and "costCenter" are the same attribute (SCIM names are case-insensitive): keep one`,
      ],
    },
  ],
  [
    'attribute type typo',
    {
      spec: `${HEAD}schemas:\n  user:\n    attributes:\n      hired: { type: datetime }\n`,
      want: [
        `${SPEC}:6:22: schemas.user.attributes.hired.type is "datetime", which is not one of string, boolean, decimal, integer, dateTime, reference, complex, binary; did you mean "dateTime"?`,
      ],
    },
  ],
  [
    'sub-attributes on a non-complex attribute, complex without and complex in complex',
    {
      spec:
        `${HEAD}schemas:\n  user:\n    attributes:\n      badge:\n        type: string\n        subAttributes: { id: string }\n` +
        `      address: complex\n      desk:\n        type: complex\n        subAttributes:\n          spot: complex\n`,
      want: [
        `${SPEC}:8:9: schemas.user.attributes.badge has subAttributes but type string: set type: complex, or remove subAttributes`,
        `${SPEC}:9:7: schemas.user.attributes.address is complex but has no subAttributes: add at least one`,
        `${SPEC}:13:17: schemas.user.attributes.desk.subAttributes.spot is complex inside a complex attribute, which RFC 7643 §2.3.8 forbids: flatten it`,
      ],
    },
  ],
  [
    'invalid attribute name',
    {
      spec: `${HEAD}schemas:\n  user:\n    attributes:\n      2fa: boolean\n`,
      want: [
        `${SPEC}:6:7: schemas.user.attributes: "2fa" is not a valid attribute name: start with a letter, then letters, digits, "-" or "_" (RFC 7643 §2.1)`,
      ],
    },
  ],
  [
    'malformed Okta URN',
    {
      spec: `${HEAD}schemas:\n  user:\n    oktaUrn: urn:okta:acme:user:custom\n`,
      want: [
        `${SPEC}:5:14: schemas.user.oktaUrn "urn:okta:acme:user:custom" must have the form urn:okta:{app}:1.0:user:{schema}, e.g. urn:okta:acme_hr:1.0:user:custom (letters, digits, "-" and "_" in {app} and {schema})`,
      ],
    },
  ],
  [
    'extension URN equal to the core User schema',
    {
      spec: `${HEAD}schemas:\n  user:\n    urn: urn:ietf:params:scim:schemas:core:2.0:User\n`,
      want: [
        `${SPEC}:5:10: schemas.user.urn "urn:ietf:params:scim:schemas:core:2.0:User" is already the URN of the core User schema: choose another`,
      ],
    },
  ],
  [
    'base paths: relative, unserved version, shared',
    {
      spec: `${HEAD}scim:\n  versions: [2.0]\n  basePaths:\n    2.0: scim/v2\n    1.1: /scim/v1\n`,
      want: [
        `${SPEC}:6:10: scim.basePaths["2.0"] "scim/v2" must be a URL path starting with "/", e.g. /scim/v2`,
        `${SPEC}:7:5: scim.basePaths gives a path for SCIM 1.1, which scim.versions does not serve: add "1.1" to scim.versions or remove the path`,
      ],
    },
  ],
  [
    'two versions on one base path',
    {
      spec: `${HEAD}scim:\n  basePaths: { '1.1': /scim/v2/ }\n`,
      want: [
        `${SPEC}:4:23: SCIM 2.0 and 1.1 cannot share the base path "/scim/v2/": give each version its own`,
      ],
    },
  ],
  [
    'missing seed file, seed without the store backend',
    {
      spec: `${HEAD}seed:\n  users: data/users.json\n`,
      want: [
        `${SPEC}:3:1: seed files are loaded into the store: set backend: store, or remove seed`,
        `${SPEC}:4:10: seed.users: no file at /specs/data/users.json: fix the path (relative to the spec) or create the file`,
      ],
    },
  ],
  [
    'seed file that is not JSON',
    {
      spec: `${HEAD}backend: store\nseed:\n  groups: groups.json\n`,
      files: { 'groups.json': '{ "Resources": [ }\n' },
      want: [
        '/specs/groups.json:1:18: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]; fix it (other checks run once the file parses)',
        '/specs/groups.json:1:19: YAML syntax: Flow map must end with a }; fix it (other checks run once the file parses)',
      ],
    },
  ],
  [
    'missing OpenAPI document',
    {
      spec: OPENAPI_SPEC,
      want: [
        `${SPEC}:5:13: backend.document: no OpenAPI document at /specs/openapi.yaml: fix the path (relative to the spec) or put the app's document there`,
      ],
    },
  ],
  [
    'openapi backend without baseUrl',
    {
      spec: `${HEAD}backend:\n  kind: openapi\n  document: openapi.yaml\n`,
      files: { 'openapi.yaml': TINY_OPENAPI },
      want: [`${SPEC}:3:1: backend needs "baseUrl" (kind openapi): add it`],
    },
  ],
  [
    'keys unused by the backend kind',
    {
      spec: `${HEAD}backend:\n  kind: store\n  document: openapi.yaml\n`,
      want: [`${SPEC}:5:3: backend.document is not used by kind store (only by kind openapi): remove it`],
    },
  ],
  [
    'missing key for the auth type, key of another type, literal secret',
    {
      spec: `${OPENAPI_SPEC}  auth:\n    type: basic\n    username: svc\n    password: hunter2\n    token: \${T}\n`,
      files: { 'openapi.yaml': TINY_OPENAPI },
      want: [
        `${SPEC}:10:15: backend.auth.password is a secret: write \${NAME} and set the environment variable NAME at run time, so the secret never sits in connector.yaml`,
        `${SPEC}:11:5: backend.auth.token is not used by type basic (only by bearer): remove it`,
      ],
    },
  ],
  [
    'malformed setting',
    {
      spec: OPENAPI_SPEC.replace('https://tiny.example', '${TINY_URL:https://tiny.example}').concat(
        '  auth: { type: oauth2, tokenUrl: "${TOKEN URL}", clientId: x, clientSecret: "${S}" }\n',
      ),
      files: { 'openapi.yaml': TINY_OPENAPI },
      want: [
        `${SPEC}:6:12: backend.baseUrl "\${TINY_URL:https://tiny.example}" is not a valid setting: write a plain value, \${NAME} or \${NAME:-default} (NAME: letters, digits, "_"), as the whole value`,
        `${SPEC}:7:35: backend.auth.tokenUrl "\${TOKEN URL}" is not a valid setting: write a plain value, \${NAME} or \${NAME:-default} (NAME: letters, digits, "_"), as the whole value`,
      ],
    },
  ],
  [
    'incomplete TLS pair',
    {
      spec: `${HEAD}server:\n  tls: { keyFile: key.pem }\n`,
      want: [`${SPEC}:4:3: server.tls needs keyFile and certFile (PEM), or pfxFile (PKCS#12) alone`],
    },
  ],
  [
    'port out of range',
    {
      spec: `${HEAD}server: { port: 70000 }\n`,
      want: [`${SPEC}:3:17: server.port must be from 0 to 65535, not 70000`],
    },
  ],
  [
    'OpenAPI document: Swagger 2.0',
    {
      spec: OPENAPI_SPEC,
      files: { 'openapi.yaml': "swagger: '2.0'\ninfo: { title: Old, version: '1' }\npaths: {}\n" },
      want: [
        '/specs/openapi.yaml:1:1: OpenAPI: this is a Swagger 2.0 document: convert it to OpenAPI 3 (e.g. with swagger2openapi) and point backend.document at the result',
      ],
    },
  ],
  [
    'OpenAPI document: wrong version, no info, bad paths, dangling $ref',
    {
      spec: OPENAPI_SPEC,
      files: {
        'openapi.yaml':
          'openapi: 3.2\npaths:\n  users:\n    gte:\n      responses: {}\n  /groups:\n    post: {}\n' +
          "  /roles:\n    get:\n      responses:\n        '200':\n          description: ok\n" +
          "          content: { application/json: { schema: { $ref: '#/components/schemas/Rol' } } }\n" +
          'components:\n  schemas:\n    Role: { type: object }\n',
      },
      want: [
        '/specs/openapi.yaml:1:1: OpenAPI: the document needs "info" with title and version',
        '/specs/openapi.yaml:1:10: OpenAPI: openapi is "3.2": only OpenAPI 3.0.x and 3.1.x documents are supported',
        '/specs/openapi.yaml:3:3: OpenAPI: path "users" must start with "/"',
        '/specs/openapi.yaml:4:5: OpenAPI: unknown key "gte" in path "users"; did you mean "get"?',
        `/specs/openapi.yaml:13:58: OpenAPI: $ref "#/components/schemas/Rol" points at nothing ("Rol" is not there); did you mean "Role"?`,
      ],
    },
  ],
  [
    'OpenAPI 3.0 operation without responses',
    {
      spec: OPENAPI_SPEC,
      files: {
        'openapi.yaml':
          "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /users:\n    post:\n      summary: add\n",
      },
      want: ['/specs/openapi.yaml:5:5: OpenAPI: post /users needs "responses" (required in OpenAPI 3.0)'],
    },
  ],
];

describe('loadSpecText problems', () => {
  for (const [name, { spec, files = {}, want }] of cases) {
    it(name, async () => {
      const result = await loadSpecText(spec, SPEC, memoryReader(files));
      assert.equal(result.ok, false, 'expected problems');
      assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), want);
    });
  }

  it('reports every problem at once, sorted by file, line and column', async () => {
    const spec =
      'name: Tiny\ncapabilities: [PUSH_NEW_USER]\nserver:\n  prot: 80\n' +
      'backend:\n  kind: openapi\n  document: openapi.yaml\n  baseUrl: https://x.example\n';
    const result = await loadSpecText(spec, SPEC, memoryReader({ 'openapi.yaml': 'openapi: 3.0.3\n' }));
    assert.equal(result.ok, false);
    const found = result.ok ? [] : result.problems;
    assert.deepEqual(
      found.map((p) => [p.file, p.line, p.column, p.code]),
      [
        ['/specs/connector.yaml', 1, 7, 'SPEC_BAD_FORMAT'],
        ['/specs/connector.yaml', 2, 16, 'SPEC_UNKNOWN_CAPABILITY'],
        ['/specs/connector.yaml', 4, 3, 'SPEC_UNKNOWN_KEY'],
        ['/specs/openapi.yaml', 1, 1, 'SPEC_OPENAPI_INVALID'],
        ['/specs/openapi.yaml', 1, 1, 'SPEC_OPENAPI_INVALID'],
      ],
    );
  });

  it('reports a missing spec file as a problem instead of throwing', async () => {
    const result = await loadSpec('/specs/nowhere.yaml', memoryReader({}));
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [
      '/specs/nowhere.yaml:1:1: cannot read the spec: no such file',
    ]);
  });
});
