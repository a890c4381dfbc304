// The loader on valid specs: every example loads, defaults are resolved, settings are parsed.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'mocha';
import { formatProblem, loadSpec, loadSpecText, type ConnectorSpec } from '../../src/spec/index.js';
import { memoryReader, OPENAPI_SPEC, SPEC, TINY_OPENAPI } from './spec-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = [
  ...readdirSync(`${ROOT}spec/examples`).map((name) => `spec/examples/${name}/connector.yaml`),
  'examples/example-server/connector.yaml',
];

async function load(text: string, files: Record<string, string> = {}): Promise<ConnectorSpec> {
  const result = await loadSpecText(text, SPEC, memoryReader(files));
  if (!result.ok) assert.fail(result.problems.map(formatProblem).join('\n'));
  return result.spec;
}

describe('loadSpec on the examples', () => {
  it('finds at least the four spec examples and the example server', () => {
    assert.ok(EXAMPLES.length >= 5, EXAMPLES.join(', '));
  });
  for (const example of EXAMPLES) {
    it(`loads ${example} with no problem`, async () => {
      const result = await loadSpec(`${ROOT}${example}`);
      assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), []);
    });
  }

  it('resolves the example server as issue 12 describes it', async () => {
    const result = await loadSpec(`${ROOT}examples/example-server/connector.yaml`);
    assert.ok(result.ok);
    const spec = result.spec;
    assert.equal(spec.capabilities.length, 10);
    assert.deepEqual(spec.operations, ['deleteUser', 'patchUser', 'patchGroup']);
    assert.deepEqual(spec.dialects, [
      { version: '2.0', basePath: '/scim/v2' },
      { version: '1.1', basePath: '/scim/v1' },
    ]);
    assert.deepEqual(spec.okta, { appName: 'onprem_app', userSchemaName: 'custom' });
    assert.deepEqual(
      spec.schemas.user?.attributes.map((a) => [a.name, a.type]),
      [
        ['isAdmin', 'boolean'],
        ['isOkta', 'boolean'],
        ['departmentName', 'string'],
      ],
    );
    assert.deepEqual(spec.seed, {
      users: `${ROOT}examples/example-server/data/example-users.json`,
      groups: `${ROOT}examples/example-server/data/example-groups.json`,
    });
    assert.deepEqual(spec.backend, { kind: 'store' });
  });
});

describe('loadSpecText defaults', () => {
  it('fills every default into the smallest spec', async () => {
    const spec = await load('name: acme-hr\ncapabilities: [GROUP_PUSH, PUSH_NEW_USERS]\n');
    const want: ConnectorSpec = {
      file: SPEC,
      name: 'acme-hr',
      description: '',
      capabilities: ['PUSH_NEW_USERS', 'GROUP_PUSH'],
      operations: [],
      dialects: [
        { version: '2.0', basePath: '/scim/v2' },
        { version: '1.1', basePath: '/scim/v1' },
      ],
      okta: { appName: 'acme_hr', userSchemaName: 'custom' },
      schemas: {},
      backend: { kind: 'none' },
      server: {
        host: '127.0.0.1',
        port: 8080,
        auth: 'bearer',
        allowHttp: false,
        logLevel: 'info',
        store: 'memory',
        storeDir: './scim-data',
      },
    };
    assert.deepEqual(spec, want);
  });

  it('derives URNs, names and attribute characteristics, keeping `2.0` unquoted as a version', async () => {
    const spec = await load(
      'name: acme-hr\ncapabilities: [PUSH_NEW_USERS]\nscim:\n  versions: [1.1, 2.0]\n  basePaths: { 2.0: /v2 }\n' +
        'operations: [patchGroup, deleteUser]\n' +
        'schemas:\n  user:\n    oktaUrn: urn:okta:acme:1.0:user:staff\n    attributes:\n      badge:\n' +
        '        type: complex\n        multiValued: true\n        subAttributes:\n          id: { type: string, caseExact: true }\n' +
        '  group:\n    attributes:\n      code: { mutability: immutable, description: Team code }\n',
    );
    assert.deepEqual(spec.dialects, [
      { version: '2.0', basePath: '/v2' },
      { version: '1.1', basePath: '/scim/v1' },
    ]);
    assert.deepEqual(spec.operations, ['deleteUser', 'patchGroup']);
    assert.deepEqual(spec.okta, { appName: 'acme', userSchemaName: 'staff' });
    const defaults = {
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    };
    assert.deepEqual(spec.schemas, {
      user: {
        urn: 'urn:ietf:params:scim:schemas:extension:acme:2.0:User',
        name: 'AcmeUser',
        attributes: [
          {
            name: 'badge',
            type: 'complex',
            ...defaults,
            multiValued: true,
            subAttributes: [{ name: 'id', type: 'string', ...defaults, caseExact: true }],
          },
        ],
      },
      group: {
        urn: 'urn:ietf:params:scim:schemas:extension:acme:2.0:Group',
        name: 'AcmeGroup',
        attributes: [
          { name: 'code', type: 'string', ...defaults, mutability: 'immutable', description: 'Team code' },
        ],
      },
    });
  });

  it('resolves the OpenAPI document and seed paths against the spec folder', async () => {
    const spec = await load(`${OPENAPI_SPEC}`, { 'openapi.yaml': TINY_OPENAPI });
    assert.deepEqual(spec.backend, {
      kind: 'openapi',
      document: '/specs/openapi.yaml',
      baseUrl: { literal: 'https://tiny.example' },
      auth: { type: 'none' },
      parameters: [],
      timeoutMs: 10000,
    });
    const store = await load(
      'name: s\ncapabilities: [PUSH_NEW_USERS]\nbackend: store\nseed: { users: ../data/u.json }\n',
      {
        '../data/u.json': '[]',
      },
    );
    assert.deepEqual(store.seed, { users: '/data/u.json' });
  });
});

describe('settings: ${NAME} and ${NAME:-default}', () => {
  const table: [string, string, unknown][] = [
    ['a literal', 'https://api.example', { literal: 'https://api.example' }],
    ['a required variable', '${API_URL}', { env: 'API_URL' }],
    [
      'a variable with a default',
      '${API_URL:-https://api.example/v1}',
      { env: 'API_URL', default: 'https://api.example/v1' },
    ],
    ['an empty default', '${API_URL:-}', { env: 'API_URL', default: '' }],
  ];
  for (const [name, given, want] of table) {
    it(name, async () => {
      const spec = await load(OPENAPI_SPEC.replace('https://tiny.example', `"${given}"`), {
        'openapi.yaml': TINY_OPENAPI,
      });
      assert.ok(spec.backend.kind === 'openapi');
      assert.deepEqual(spec.backend.baseUrl, want);
    });
  }

  it('reads every auth type, secrets as variables', async () => {
    const spec = await load(
      `${OPENAPI_SPEC}  auth:\n    type: oauth2\n    tokenUrl: \${TOKEN_URL:-https://login.example/token}\n` +
        '    clientId: app-1\n    clientSecret: ${CLIENT_SECRET}\n    scope: users.write\n',
      { 'openapi.yaml': TINY_OPENAPI },
    );
    assert.ok(spec.backend.kind === 'openapi');
    assert.deepEqual(spec.backend.auth, {
      type: 'oauth2',
      tokenUrl: { env: 'TOKEN_URL', default: 'https://login.example/token' },
      clientId: { literal: 'app-1' },
      clientSecret: { env: 'CLIENT_SECRET' },
      scope: 'users.write',
    });
  });
});
