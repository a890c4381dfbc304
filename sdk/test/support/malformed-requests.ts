// A corpus of malformed SCIM requests and the 4xx each must get, as data, replayable through any dialect.
//
// Paths are relative to the dialect's base path. `{userId}` and `{groupId}` stand for the ids of a
// user `seeded.user` and a group `Seeded Group` the replaying test creates first. Bodies are SCIM
// 2.0 shaped; a string body is sent as is, an object body as JSON.

export interface MalformedRequest {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** Sent with `contentType` (default application/scim+json). */
  body?: string | object;
  contentType?: string;
  want: { status: number; scimType?: string };
}

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

function patch(...operations: unknown[]): object {
  return { schemas: [PATCH_OP], Operations: operations };
}

const syntax = { status: 400, scimType: 'invalidSyntax' } as const;
const filterError = { status: 400, scimType: 'invalidFilter' } as const;
const invalidValue = { status: 400, scimType: 'invalidValue' } as const;
const invalidPath = { status: 400, scimType: 'invalidPath' } as const;
const notFound = { status: 404 } as const;
const notAllowed = { status: 405 } as const;
const unsupported = { status: 415 } as const;

function q(text: string): string {
  return encodeURIComponent(text);
}

export const MALFORMED_REQUESTS: readonly MalformedRequest[] = [
  // Bodies that are not JSON, or not a JSON object.
  { name: 'unclosed object', method: 'POST', path: '/Users', body: '{', want: syntax },
  { name: 'missing value', method: 'POST', path: '/Users', body: '{"userName": }', want: syntax },
  { name: 'plain text as JSON', method: 'POST', path: '/Users', body: 'not json', want: syntax },
  { name: 'empty body', method: 'POST', path: '/Users', body: '', want: syntax },
  { name: 'empty body on PUT', method: 'PUT', path: '/Users/{userId}', body: '', want: syntax },
  { name: 'empty body on PATCH', method: 'PATCH', path: '/Users/{userId}', body: '', want: syntax },
  { name: 'empty body on search', method: 'POST', path: '/Users/.search', body: '', want: syntax },
  { name: 'whitespace body', method: 'POST', path: '/Users', body: '   \n ', want: syntax },
  { name: 'array body', method: 'POST', path: '/Users', body: '[]', want: syntax },
  { name: 'string body', method: 'POST', path: '/Users', body: '"alice"', want: syntax },
  { name: 'null body', method: 'POST', path: '/Users', body: 'null', want: syntax },
  { name: 'number body', method: 'POST', path: '/Users', body: '123', want: syntax },
  { name: 'trailing garbage', method: 'POST', path: '/Users', body: '{"userName":"a"} x', want: syntax },
  { name: 'single quotes', method: 'POST', path: '/Users', body: "{'userName':'a'}", want: syntax },
  { name: 'trailing comma', method: 'POST', path: '/Users', body: '{"userName":"a",}', want: syntax },
  { name: 'unclosed string', method: 'POST', path: '/Groups', body: '{"displayName":"a}', want: syntax },
  { name: 'bad JSON on PUT', method: 'PUT', path: '/Users/{userId}', body: '{', want: syntax },
  {
    name: 'bad JSON on PATCH',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: '{"Operations": [',
    want: syntax,
  },
  { name: 'bad JSON on search', method: 'POST', path: '/Users/.search', body: '{"filter"', want: syntax },
  // Nesting.
  { name: '20k-deep arrays', method: 'POST', path: '/Users', body: nested(20_000, '[', ']'), want: syntax },
  {
    name: '20k-deep objects',
    method: 'POST',
    path: '/Users',
    body: nested(20_000, '{"a":', '}'),
    want: syntax,
  },
  {
    name: '20k-deep PATCH value',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: `{"Operations":[{"op":"add","value":${nested(20_000, '{"a":', '}')}}]}`,
    want: syntax,
  },
  {
    name: '20k-deep group on PUT',
    method: 'PUT',
    path: '/Groups/{groupId}',
    body: `{"displayName":"x","members":${nested(20_000, '[', ']')}}`,
    want: syntax,
  },
  {
    name: '100-deep user attribute',
    method: 'POST',
    path: '/Users',
    body: `{"userName":"deep","name":${nested(100, '{"a":', '}')}}`,
    want: syntax,
  },
  {
    name: '30-deep user attribute',
    method: 'POST',
    path: '/Users',
    body: `{"userName":"deep30","name":${nested(30, '{"a":', '}')}}`,
    want: { status: 400 },
  },
  // Size.
  {
    name: 'body over the limit',
    method: 'POST',
    path: '/Users',
    body: `{"userName":"big","displayName":"${'x'.repeat(17 * 1024 * 1024)}"}`,
    want: { status: 413 },
  },
  // Prototype keys.
  {
    name: '__proto__ at the top',
    method: 'POST',
    path: '/Users',
    body: '{"userName":"p1","__proto__":{"admin":true}}',
    want: syntax,
  },
  {
    name: '__proto__ nested',
    method: 'POST',
    path: '/Users',
    body: '{"userName":"p2","name":{"__proto__":{"x":1}}}',
    want: syntax,
  },
  {
    name: 'constructor.prototype',
    method: 'POST',
    path: '/Users',
    body: '{"userName":"p3","constructor":{"prototype":{"x":1}}}',
    want: syntax,
  },
  {
    name: '__proto__ in a PATCH value',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: '{"Operations":[{"op":"add","value":{"__proto__":{"x":1}}}]}',
    want: syntax,
  },
  {
    name: '__proto__ in a PATCH path',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'add', path: '__proto__.polluted', value: 'x' }),
    want: invalidPath,
  },
  {
    name: 'constructor in a PATCH path',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'replace', path: 'constructor', value: 'x' }),
    want: invalidPath,
  },
  {
    name: '__proto__ in a search body',
    method: 'POST',
    path: '/Users/.search',
    body: '{"__proto__":{"count":1}}',
    want: syntax,
  },
  // Content types.
  {
    name: 'text/plain',
    method: 'POST',
    path: '/Users',
    body: { userName: 'ct1' },
    contentType: 'text/plain',
    want: unsupported,
  },
  {
    name: 'application/xml',
    method: 'POST',
    path: '/Users',
    body: '<user/>',
    contentType: 'application/xml',
    want: unsupported,
  },
  {
    name: 'form-encoded',
    method: 'POST',
    path: '/Users',
    body: 'userName=ct2',
    contentType: 'application/x-www-form-urlencoded',
    want: unsupported,
  },
  {
    name: 'text/plain on PUT',
    method: 'PUT',
    path: '/Users/{userId}',
    body: { userName: 'ct3' },
    contentType: 'text/plain',
    want: unsupported,
  },
  {
    name: 'multipart on PATCH',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: 'x',
    contentType: 'multipart/form-data; boundary=x',
    want: unsupported,
  },
  {
    name: 'octet-stream on search',
    method: 'POST',
    path: '/.search',
    body: '{}',
    contentType: 'application/octet-stream',
    want: unsupported,
  },
  // Filters.
  { name: 'filter: bare value', method: 'GET', path: `/Users?filter=bjensen`, want: filterError },
  {
    name: 'filter: ordering a boolean (RFC 7644 §3.4.2.2)',
    method: 'GET',
    path: `/Users?filter=${q('active gt false')}`,
    want: filterError,
  },
  {
    name: 'filter: ordering a boolean sub-attribute in a value path',
    method: 'GET',
    path: `/Users?filter=${q('emails[primary lt true]')}`,
    want: filterError,
  },
  {
    name: 'filter: missing value',
    method: 'GET',
    path: `/Users?filter=${q('userName eq')}`,
    want: filterError,
  },
  {
    name: 'filter: unknown operator',
    method: 'GET',
    path: `/Users?filter=${q('userName zz "a"')}`,
    want: filterError,
  },
  {
    name: 'filter: unclosed quote',
    method: 'GET',
    path: `/Users?filter=${q('userName eq "a')}`,
    want: filterError,
  },
  {
    name: 'filter: unclosed parenthesis',
    method: 'GET',
    path: `/Users?filter=${q('(userName eq "a"')}`,
    want: filterError,
  },
  {
    name: 'filter: stray parenthesis',
    method: 'GET',
    path: `/Users?filter=${q('userName eq "a")')}`,
    want: filterError,
  },
  {
    name: 'filter: unclosed bracket',
    method: 'GET',
    path: `/Users?filter=${q('emails[type eq "work"')}`,
    want: filterError,
  },
  { name: 'filter: lone and', method: 'GET', path: `/Users?filter=and`, want: filterError },
  {
    name: 'filter: dangling and',
    method: 'GET',
    path: `/Users?filter=${q('userName eq "a" and')}`,
    want: filterError,
  },
  {
    name: 'filter: too long',
    method: 'GET',
    path: `/Users?filter=${q(`userName eq "${'a'.repeat(10_000)}"`)}`,
    want: filterError,
  },
  {
    name: 'filter: 200 nested parentheses',
    method: 'GET',
    path: `/Users?filter=${q(nested(200, '(', ')', 'userName eq "a"'))}`,
    want: filterError,
  },
  {
    name: 'filter on groups',
    method: 'GET',
    path: `/Groups?filter=${q('displayName eq')}`,
    want: filterError,
  },
  {
    name: 'filter in a search body',
    method: 'POST',
    path: '/Users/.search',
    body: { filter: 'userName eq' },
    want: filterError,
  },
  {
    name: 'filter of the wrong type',
    method: 'POST',
    path: '/Users/.search',
    body: { filter: 42 },
    want: invalidValue,
  },
  {
    name: 'filter given twice',
    method: 'GET',
    path: `/Users?filter=${q('userName eq "a"')}&filter=${q('userName eq "b"')}`,
    want: invalidValue,
  },
  {
    name: 'filter on root search',
    method: 'POST',
    path: '/.search',
    body: { filter: '"x"' },
    want: filterError,
  },
  // Paging.
  { name: 'startIndex not a number', method: 'GET', path: '/Users?startIndex=abc', want: invalidValue },
  { name: 'count not a number', method: 'GET', path: '/Users?count=abc', want: invalidValue },
  { name: 'count a fraction', method: 'GET', path: '/Users?count=1.5', want: invalidValue },
  { name: 'startIndex in exponent form', method: 'GET', path: '/Users?startIndex=1e3', want: invalidValue },
  { name: 'count empty', method: 'GET', path: '/Users?count=', want: invalidValue },
  {
    name: 'body in latin-1',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: 'latin' },
    contentType: 'application/json; charset=iso-8859-1',
    want: { status: 415 },
  },
  {
    name: 'gzip Content-Encoding',
    method: 'POST',
    path: '/Users',
    headers: { 'content-encoding': 'gzip' },
    body: { schemas: [USER], userName: 'gzipped' },
    want: { status: 415 },
  },
  { name: 'count in hex', method: 'GET', path: '/Groups?count=0x10', want: invalidValue },
  { name: 'count given twice', method: 'GET', path: '/Users?count=5&count=6', want: invalidValue },
  {
    name: 'search startIndex a string',
    method: 'POST',
    path: '/Users/.search',
    body: { startIndex: 'abc' },
    want: invalidValue,
  },
  {
    name: 'search count a boolean',
    method: 'POST',
    path: '/Groups/.search',
    body: { count: true },
    want: invalidValue,
  },
  { name: 'search body an array', method: 'POST', path: '/Users/.search', body: [], want: syntax },
  // Sorting and attribute lists.
  { name: 'sortOrder unknown', method: 'GET', path: '/Users?sortOrder=sideways', want: invalidValue },
  {
    name: 'sortBy not a path',
    method: 'GET',
    path: `/Users?sortBy=${q('name..givenName')}`,
    want: invalidValue,
  },
  {
    name: 'attributes of the wrong type',
    method: 'POST',
    path: '/Users/.search',
    body: { attributes: [1, 2] },
    want: invalidValue,
  },
  // Wrong types and missing required attributes.
  {
    name: 'userName an object',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: { a: 1 } },
    want: invalidValue,
  },
  {
    name: 'active not a boolean',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: 't1', active: 'maybe' },
    want: invalidValue,
  },
  {
    name: 'name a string',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: 't3', name: 'Barbara' },
    want: invalidValue,
  },
  { name: 'no userName', method: 'POST', path: '/Users', body: { schemas: [USER] }, want: invalidValue },
  { name: 'empty object user', method: 'POST', path: '/Users', body: {}, want: invalidValue },
  {
    name: 'group without displayName',
    method: 'POST',
    path: '/Groups',
    body: { members: [] },
    want: invalidValue,
  },
  {
    name: 'members an array of arrays',
    method: 'POST',
    path: '/Groups',
    body: { displayName: 'g1', members: [[1]] },
    want: invalidValue,
  },
  {
    name: 'member value an object',
    method: 'POST',
    path: '/Groups',
    body: { displayName: 'g2', members: [{ value: { a: 1 } }] },
    want: invalidValue,
  },
  {
    name: 'displayName an object',
    method: 'POST',
    path: '/Groups',
    body: { displayName: { a: 1 } },
    want: invalidValue,
  },
  {
    name: 'email value an array',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: 't5', emails: [{ value: ['a'] }] },
    want: invalidValue,
  },
  {
    name: 'userName empty',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: '' },
    want: invalidValue,
  },
  {
    name: 'schemas not an array',
    method: 'POST',
    path: '/Users',
    body: { schemas: 'nope', userName: 't4' },
    want: syntax,
  },
  {
    name: 'PUT without userName',
    method: 'PUT',
    path: '/Users/{userId}',
    body: { schemas: [USER], active: false },
    want: invalidValue,
  },
  // PATCH bodies.
  {
    name: 'PATCH without Operations',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: { schemas: [PATCH_OP] },
    want: syntax,
  },
  {
    name: 'PATCH Operations a string',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: { schemas: [PATCH_OP], Operations: 'x' },
    want: syntax,
  },
  {
    name: 'PATCH unknown op',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'frobnicate', path: 'active', value: true }),
    want: syntax,
  },
  { name: 'PATCH null operation', method: 'PATCH', path: '/Users/{userId}', body: patch(null), want: syntax },
  {
    name: 'PATCH remove without path',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'remove' }),
    want: { status: 400, scimType: 'noTarget' },
  },
  {
    name: 'PATCH replace without value',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'replace', path: 'active' }),
    want: invalidValue,
  },
  {
    name: 'PATCH add of a bare string',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'add', value: 'str' }),
    want: invalidValue,
  },
  {
    name: 'PATCH path that does not parse',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'replace', path: 'emails[type eq', value: 'x' }),
    want: invalidPath,
  },
  {
    name: 'PATCH path a number',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'replace', path: 42, value: 'x' }),
    want: invalidPath,
  },
  {
    name: 'PATCH unknown attribute',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'replace', path: 'noSuchAttribute', value: 'x' }),
    want: invalidPath,
  },
  {
    name: 'PATCH active not a boolean',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'replace', path: 'active', value: 'maybe' }),
    want: invalidValue,
  },
  {
    name: 'PATCH removes userName',
    method: 'PATCH',
    path: '/Users/{userId}',
    body: patch({ op: 'remove', path: 'userName' }),
    want: { status: 400 },
  },
  {
    name: 'PATCH member value an object',
    method: 'PATCH',
    path: '/Groups/{groupId}',
    body: patch({ op: 'add', path: 'members', value: [{ value: { x: 1 } }] }),
    want: invalidValue,
  },
  {
    name: 'PATCH members a boolean',
    method: 'PATCH',
    path: '/Groups/{groupId}',
    body: patch({ op: 'add', path: 'members', value: true }),
    want: invalidValue,
  },
  {
    name: 'PATCH displayName an object',
    method: 'PATCH',
    path: '/Groups/{groupId}',
    body: patch({ op: 'replace', path: 'displayName', value: { a: 1 } }),
    want: invalidValue,
  },
  // Ids that do not exist.
  { name: 'GET unknown user', method: 'GET', path: '/Users/does-not-exist', want: notFound },
  {
    name: 'PUT unknown user',
    method: 'PUT',
    path: '/Users/does-not-exist',
    body: { schemas: [USER], userName: 'ghost' },
    want: notFound,
  },
  {
    name: 'PATCH unknown user',
    method: 'PATCH',
    path: '/Users/does-not-exist',
    body: patch({ op: 'replace', path: 'active', value: false }),
    want: notFound,
  },
  { name: 'DELETE unknown group', method: 'DELETE', path: '/Groups/does-not-exist', want: notFound },
  { name: 'GET encoded dot-dot id', method: 'GET', path: '/Users/%2e%2e%2f', want: notFound },
  { name: 'GET very long id', method: 'GET', path: `/Groups/${'x'.repeat(5000)}`, want: notFound },
  { name: 'GET id with bad percent-encoding', method: 'GET', path: '/Users/%E0%A4%A', want: syntax },
  // Routes and methods.
  { name: 'unknown endpoint', method: 'GET', path: '/Nope', want: notFound },
  { name: 'path below a resource', method: 'GET', path: '/Users/{userId}/extra', want: notFound },
  {
    name: 'POST /ServiceProviderConfig',
    method: 'POST',
    path: '/ServiceProviderConfig',
    body: {},
    want: notAllowed,
  },
  { name: 'PUT /Schemas', method: 'PUT', path: '/Schemas', body: {}, want: notAllowed },
  { name: 'DELETE /ResourceTypes', method: 'DELETE', path: '/ResourceTypes', want: notAllowed },
  { name: 'DELETE /Users', method: 'DELETE', path: '/Users', want: notAllowed },
  { name: 'PATCH /Groups', method: 'PATCH', path: '/Groups', body: patch(), want: notAllowed },
  { name: 'POST to a user', method: 'POST', path: '/Users/{userId}', body: {}, want: notAllowed },
  { name: 'GET /Users/.search', method: 'GET', path: '/Users/.search', want: notAllowed },
  { name: 'unknown schema', method: 'GET', path: '/Schemas/urn:nope', want: notFound },
  { name: 'unknown resource type', method: 'GET', path: '/ResourceTypes/Nope', want: notFound },
  // State.
  {
    name: 'duplicate userName',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER], userName: 'SEEDED.user' },
    want: { status: 409, scimType: 'uniqueness' },
  },
  {
    name: 'duplicate group displayName',
    method: 'POST',
    path: '/Groups',
    body: { displayName: 'Seeded Group' },
    want: { status: 409, scimType: 'uniqueness' },
  },
  {
    name: 'If-Match of another version',
    method: 'PUT',
    path: '/Users/{userId}',
    headers: { 'if-match': 'W/"999"' },
    body: { schemas: [USER], userName: 'seeded.user' },
    want: { status: 412 },
  },
];
