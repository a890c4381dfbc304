// Mapping mistakes, each located in connector.yaml with the exact text the loader reports, and a sound mapping resolved.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formatProblem, loadSpecText } from '../../src/spec/index.js';
import { APP_OPENAPI, APP_SPEC } from './mapping-fixtures.js';
import { memoryReader, SPEC } from './spec-fixtures.js';

/** APP_SPEC with each `[from, to]` replaced once (every `from` must be there). */
function edited(edits: readonly (readonly [string, string])[]): string {
  let text = APP_SPEC;
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), `the fixture has no "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

async function load(text: string) {
  return loadSpecText(text, SPEC, memoryReader({ 'openapi.yaml': APP_OPENAPI }));
}

const cases: [string, { edits: [string, string][]; want: string[] }][] = [
  [
    'unknown operationId, with did-you-mean',
    {
      edits: [['create: createUser', 'create: createUsr']],
      want: [
        `${SPEC}:9:13: backend.users.create: the OpenAPI document has no operation with operationId "createUsr"; did you mean "createUser"?`,
      ],
    },
  ],
  [
    'unknown METHOD /path, with did-you-mean',
    {
      edits: [['delete: DELETE /users/{userId}', 'delete: DELETE /user/{userId}']],
      want: [
        `${SPEC}:12:13: backend.users.delete: the OpenAPI document has no operation "DELETE /user/{userId}"; did you mean "DELETE /users/{userId}"?`,
      ],
    },
  ],
  [
    'an operation whose method does not suit its role',
    {
      edits: [['get: getUser', 'get: createUser']],
      want: [
        `${SPEC}:10:10: backend.users.get: createUser is POST /users, which cannot serve get (it takes GET)`,
      ],
    },
  ],
  [
    'a path parameter nothing fills',
    {
      edits: [["parameters: { orgId: '${APP_ORG}' }", 'timeoutMs: 5000']],
      want: [
        `${SPEC}:28:13: backend.groups.create: path parameter "orgId" of createTeam is filled by nothing: add orgId to backend.parameters (read from configuration), or map an operation without it`,
      ],
    },
  ],
  [
    'an operation on one resource without a path parameter for its id',
    {
      edits: [['get: getUser', 'get: GET /users']],
      want: [
        `${SPEC}:10:10: backend.users.get: listUsers (GET /users) has no path parameter for the resource's id: map an operation on one resource, e.g. GET /users/{id}`,
      ],
    },
  ],
  [
    'a filter push-down to a query parameter the operation does not take',
    {
      edits: [['filters: { userName: login }', 'filters: { userName: username }']],
      want: [
        `${SPEC}:19:28: backend.users.list.filters.userName: listUsers takes no query parameter "username"; its query parameters: offset, limit, login`,
      ],
    },
  ],
  [
    'a paging parameter the operation does not take',
    {
      edits: [['size: limit', 'size: pageSize']],
      want: [
        `${SPEC}:18:53: backend.users.list.paging.size: listUsers takes no query parameter "pageSize"; its query parameters: offset, limit, login`,
      ],
    },
  ],
  [
    'a paging style without its parameters',
    {
      edits: [['paging: { style: offset, start: offset, size: limit }', 'paging: { style: cursor }']],
      want: [
        `${SPEC}:18:7: backend.users.list.paging: paging style cursor needs "cursor": name the query parameter`,
        `${SPEC}:18:7: backend.users.list.paging: paging style cursor needs "next": name the response field holding the next token, or link`,
      ],
    },
  ],
  [
    "an app field absent from the operation's request schema, with did-you-mean on the whole path",
    {
      edits: [['name.givenName: name.first', 'name.givenName: name.frist']],
      want: [
        `${SPEC}:22:23: backend.users.attributes["name.givenName"]: "name.frist" is not a field of the request body of createUser; did you mean "name.first"?`,
      ],
    },
  ],
  [
    'an app field absent from the response schema (fromApp only)',
    {
      edits: [
        ['transform: epochMillis, direction: fromApp', 'transform: epochMillis, direction: fromApp'],
        ['meta.created: { app: createdAt,', 'meta.created: { app: created,'],
      ],
      want: [
        `${SPEC}:25:28: backend.users.attributes["meta.created"].app: "created" is not a field of the response of getUser; did you mean "createdAt"?`,
      ],
    },
  ],
  [
    'a request-body field the operation does not take',
    {
      edits: [['type: password,', 'kind: password,']],
      want: [
        `${SPEC}:13:55: backend.users.password.body.kind: "kind" is not a field of the request body of setPassword; the fields there: type, value`,
      ],
    },
  ],
  [
    'a create id field absent from the response',
    {
      edits: [['create: createUser', 'create: { operation: createUser, id: userId }']],
      want: [
        `${SPEC}:9:42: backend.users.create.id: "userId" is not a field of the response of createUser; the fields there: login, name, status, createdAt, labels, id`,
      ],
    },
  ],
  [
    'a boolean mapped to a string field without a value map',
    {
      edits: [["active: { app: status, values: { 'true': ACTIVE, 'false': SUSPENDED } }", 'active: status']],
      want: [
        `${SPEC}:24:15: backend.users.attributes.active: SCIM boolean active does not convert to the app's string "status": add a value map, e.g. values: { 'true': …, 'false': … }`,
      ],
    },
  ],
  [
    'a dateTime mapped to epoch milliseconds without the transform',
    {
      edits: [
        [
          '{ app: createdAt, transform: epochMillis, direction: fromApp }',
          '{ app: createdAt, direction: fromApp }',
        ],
      ],
      want: [
        `${SPEC}:25:28: backend.users.attributes["meta.created"].app: SCIM dateTime meta.created does not convert to the app's integer "createdAt": add transform: epochMillis (or epochSeconds)`,
      ],
    },
  ],
  [
    "a value map to a value outside the field's enum",
    {
      edits: [["'false': SUSPENDED", "'false': DISABLED"]],
      want: [
        `${SPEC}:24:65: backend.users.attributes.active.values.false: "DISABLED" is not a value of the app's "status", which takes ACTIVE, SUSPENDED`,
      ],
    },
  ],
  [
    'a SCIM path the resource does not have',
    {
      edits: [['name.givenName: name.first', 'name.givnName: name.first']],
      want: [
        `${SPEC}:22:7: backend.users.attributes["name.givnName"]: "name" has no sub-attribute "givnName"; did you mean "givenName"?`,
      ],
    },
  ],
  [
    'a multi-valued complex attribute mapped whole',
    {
      edits: [['name.givenName: name.first', 'emails: name.first']],
      want: [
        `${SPEC}:22:7: backend.users.attributes.emails: "emails" is complex: map each sub-attribute, e.g. emails[type eq "work"].value`,
      ],
    },
  ],
  [
    'list items in a field that is not a list',
    {
      edits: [['items: users', 'items: count']],
      want: [
        `${SPEC}:16:14: backend.users.list.items: "count" in the response of listUsers is integer, not a list of items`,
      ],
    },
  ],
  [
    'a bare-array list whose answer is an object',
    {
      edits: [['items: users', 'items: .']],
      want: [
        `${SPEC}:16:14: backend.users.list.items: listUsers answers an object, not a bare array: name the field holding the items`,
      ],
    },
  ],
  [
    'a total that is not a number',
    {
      edits: [['total: count', 'total: next']],
      want: [`${SPEC}:17:14: backend.users.list.total: the total "next" is string, not a number`],
    },
  ],
  [
    'a body template naming nothing',
    {
      edits: [['value: $password', 'value: $pasword']],
      want: [
        `${SPEC}:13:72: backend.users.password.body.value: "$pasword" names no value of the request: use $password, $id, $memberId or $<SCIM path> (users have no attribute "pasword"; did you mean "password"?)`,
      ],
    },
  ],
  [
    'clearing with null a field the update body does not allow null in',
    {
      edits: [['name.familyName: { app: name.last }', "name.familyName: { app: name.last, clear: 'null' }"]],
      want: [
        `${SPEC}:23:49: backend.users.attributes["name.familyName"].clear: clear: 'null' sends null, which the request body of replaceUser does not allow for "name.last": allow null there in the document (nullable, or type null), or clear with empty or omit`,
      ],
    },
  ],
];

describe('mapping mistakes, checked against the OpenAPI document', () => {
  for (const [name, { edits, want }] of cases) {
    it(name, async () => {
      const result = await load(edited(edits));
      assert.equal(result.ok, false, 'the spec should be refused');
      assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), want);
    });
  }

  it('covers at least ten kinds of mistake, each with its own code', async () => {
    const codes = new Set<string>();
    for (const [, { edits }] of cases) {
      const result = await load(edited(edits));
      if (!result.ok) for (const problem of result.problems) codes.add(problem.code);
    }
    assert.ok(codes.size >= 10, [...codes].join(', '));
  });
});

describe('membership calls: the member id in the path or the body', () => {
  const members = (add: string) =>
    [['      displayName: title\n', `      displayName: title\n    members: { add: ${add} }\n`]] as [
      string,
      string,
    ][];

  it('an add taking the member id in its body ($memberId) needs only the group id in the path', async () => {
    const result = await load(edited(members('{ operation: addMember, body: { userId: $memberId } }')));
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), []);
  });

  it('an add with the member id in neither is refused, located', async () => {
    const result = await load(edited(members('addMember')));
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [
      `${SPEC}:31:21: backend.groups.members.add: addMember (POST /orgs/{orgId}/teams/{teamId}/members) has no path parameter for the resource's and the member's ids: map an operation on one resource, e.g. POST /orgs/{orgId}/teams/{teamId}/members/{id}`,
    ]);
  });
});

describe('a sound mapping', () => {
  it('loads, an additionalProperties map taking any field, and resolves methods, paths and defaults', async () => {
    const result = await load(APP_SPEC);
    assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
    const backend = result.spec.backend;
    assert.equal(backend.kind, 'openapi');
    if (backend.kind !== 'openapi') return;
    assert.deepEqual(backend.parameters, [{ name: 'orgId', setting: { env: 'APP_ORG' } }]);
    const users = backend.users!;
    assert.deepEqual(users.delete, {
      ref: 'DELETE /users/{userId}',
      method: 'delete',
      path: '/users/{userId}',
      noBody: true,
      readMergeWrite: false,
      id: 'location',
    });
    assert.equal(users.update?.noBody, true, 'replaceUser answers 204: a read follows');
    assert.deepEqual(users.password?.body, { type: 'password', value: '$password' });
    assert.deepEqual(
      {
        items: users.list?.items,
        total: users.list?.total,
        paging: users.list?.paging,
        max: users.list?.maxInMemory,
      },
      {
        items: 'users',
        total: { kind: 'field', field: 'count' },
        paging: { style: 'offset', start: 'offset', size: 'limit', firstPage: 1, max: 100 },
        max: 10000,
      },
    );
    assert.deepEqual(users.attributes.find((a) => a.scim === 'active')?.values, {
      true: 'ACTIVE',
      false: 'SUSPENDED',
    });
    assert.equal(backend.groups?.create?.id, 'location', 'createTeam answers 201 without a body');
  });
});
