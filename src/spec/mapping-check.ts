// Checks the operation and attribute mappings against the app's OpenAPI document, each mistake located in the spec.
import type { AttributeDefinition } from 'scim-connector-sdk';
import { didYouMean } from './did-you-mean.js';
import {
  apiOperations,
  findOperation,
  flatten,
  lookupField,
  operationName,
  pathParameters,
  schemaType,
  type ApiOperation,
} from './openapi-model.js';
import { customAttributes, resolveScimPath, type ScimLeaf } from './scim-path.js';
import { problems, type MappingCode } from './spec-codes.js';
import type { SpecProblem } from './spec-problem.js';
import { child, isRecord, type Data } from './spec-data.js';
import { describePath } from './schema-check.js';
import type { DataPath, YamlSource } from './yaml-source.js';

type Resource = 'users' | 'groups';

/** The HTTP methods each role accepts, and how many ids (own, then member) fill its path. */
const ROLES: Readonly<Record<string, { methods: readonly string[]; ids: number }>> = {
  create: { methods: ['post', 'put'], ids: 0 },
  get: { methods: ['get'], ids: 1 },
  update: { methods: ['put', 'patch', 'post'], ids: 1 },
  delete: { methods: ['delete', 'post'], ids: 1 },
  activate: { methods: ['post', 'put', 'patch'], ids: 1 },
  deactivate: { methods: ['post', 'put', 'patch', 'delete'], ids: 1 },
  password: { methods: ['post', 'put', 'patch'], ids: 1 },
  list: { methods: ['get', 'post'], ids: 0 },
  add: { methods: ['post', 'put', 'patch'], ids: 2 },
  remove: { methods: ['delete', 'post', 'put'], ids: 2 },
  members: { methods: ['get'], ids: 1 },
  count: { methods: ['get'], ids: 0 },
};

/** JSON types a SCIM leaf type is written as in the app, with no transform. */
const JSON_TYPES: Readonly<Record<string, readonly string[]>> = {
  string: ['string'],
  reference: ['string'],
  binary: ['string'],
  dateTime: ['string'],
  boolean: ['boolean'],
  integer: ['integer', 'number'],
  decimal: ['number', 'integer'],
};

const PLACEHOLDERS = ['$password', '$id', '$memberId'];

/** Whether a schema allows null: OpenAPI 3.0 `nullable`, 3.1 `type: [..., 'null']`, or a null alternative. */
function nullable(schema: Data): boolean {
  const type = schema['type'];
  const alternatives = [schema['anyOf'], schema['oneOf']].flatMap((a) =>
    Array.isArray(a) ? (a as unknown[]) : [],
  );
  return (
    schema['nullable'] === true ||
    type === 'null' ||
    (Array.isArray(type) && type.includes('null')) ||
    alternatives.some((a) => isRecord(a) && a['type'] === 'null')
  );
}

class MappingChecker {
  readonly found: SpecProblem[] = [];
  readonly operations: ApiOperation[];
  readonly configured: Set<string>;
  readonly custom: { users: AttributeDefinition[]; groups: AttributeDefinition[] };

  constructor(
    readonly source: YamlSource,
    readonly data: unknown,
    readonly root: unknown,
  ) {
    this.operations = apiOperations(root);
    this.configured = new Set(Object.keys(child(child(data, 'backend'), 'parameters')));
    this.custom = { users: customAttributes(data, 'user'), groups: customAttributes(data, 'group') };
  }

  report(code: MappingCode, path: DataPath, detail: string, at: 'key' | 'value' = 'value'): void {
    this.found.push(this.source.problem(problems.mapping(code, describePath(path), detail), path, at));
  }

  /** The operation `node` names (a string, or `{ operation }`), checked for its role; undefined if unusable. */
  operation(node: unknown, path: DataPath, role: string): ApiOperation | undefined {
    const refPath = isRecord(node) ? [...path, 'operation'] : path;
    const ref = isRecord(node) ? node['operation'] : node;
    if (typeof ref !== 'string') return undefined;
    const operation = findOperation(this.operations, ref);
    if (operation === undefined) {
      const byPath = /^[A-Za-z]+\s+\//.test(ref.trim());
      const names = byPath
        ? this.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)
        : this.operations.flatMap((o) => (o.operationId === undefined ? [] : [o.operationId]));
      const near = didYouMean(ref, names);
      const hint =
        near === undefined ? `; the document has: ${names.join(', ')}` : `; did you mean "${near}"?`;
      this.report(
        'SPEC_UNKNOWN_OPERATION',
        refPath,
        `the OpenAPI document has no operation ${byPath ? '' : 'with operationId '}"${ref}"${hint}`,
      );
      return undefined;
    }
    const { methods } = ROLES[role]!;
    // A membership call may take the member's id in its body (POST /groups/{id}/members { userId }).
    const inBody =
      isRecord(node) && isRecord(node['body']) && Object.values(node['body']).includes('$memberId');
    const ids = ROLES[role]!.ids - (inBody && ROLES[role]!.ids === 2 ? 1 : 0);
    const name = operationName(operation);
    if (!methods.includes(operation.method)) {
      this.report(
        'SPEC_OPERATION_METHOD',
        refPath,
        `${name} is ${operation.method.toUpperCase()} ${operation.path}, which cannot serve ${role} (it takes ${methods.map((m) => m.toUpperCase()).join(' or ')})`,
      );
      // The path checks would only repeat that it is the wrong operation.
      return operation;
    }
    const unfilled = pathParameters(operation.path).filter((p) => !this.configured.has(p));
    if (unfilled.length < ids) {
      this.report(
        'SPEC_UNFILLED_PARAMETER',
        refPath,
        `${name} (${operation.method.toUpperCase()} ${operation.path}) has no path parameter for ${ids === 1 ? "the resource's id" : "the resource's and the member's ids"}: map an operation on one resource, e.g. ${operation.method.toUpperCase()} ${operation.path}/{id}`,
      );
    }
    for (const parameter of unfilled.slice(ids)) {
      const filled = ['', "the resource's id", "the resource's id and the member's id"][ids];
      this.report(
        'SPEC_UNFILLED_PARAMETER',
        refPath,
        `path parameter "${parameter}" of ${name} is filled by nothing${ids > 0 ? ` (${filled} fill the first ${ids})` : ''}: add ${parameter} to backend.parameters (read from configuration), or map an operation without it`,
      );
    }
    if (isRecord(node)) this.body(node['body'], [...path, 'body'], operation);
    return operation;
  }

  /** A query parameter `name` of `operation`, reported at `path` when it has none such. */
  queryParameter(operation: ApiOperation, name: unknown, path: DataPath): void {
    if (typeof name !== 'string') return;
    const query = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    if (query.includes(name)) return;
    const near = didYouMean(name, query);
    const hint =
      near !== undefined
        ? `; did you mean "${near}"?`
        : `; its query parameters: ${query.length === 0 ? 'none' : query.join(', ')}`;
    this.report(
      'SPEC_UNKNOWN_PARAMETER',
      path,
      `${operationName(operation)} takes no query parameter "${name}"${hint}`,
    );
  }

  /** The field `field` in `schema` (what `what` calls it), or a report; its schema when found. */
  field(schema: unknown, field: string, path: DataPath, what: string): Data | undefined | false {
    const looked = lookupField(this.root, schema, field);
    if (looked.found) return looked.schema;
    const near = didYouMean(looked.missing, looked.known);
    const hint =
      near !== undefined
        ? `; did you mean "${near}"?`
        : `; the fields there: ${looked.known.length === 0 ? 'none' : looked.known.join(', ')}`;
    this.report('SPEC_UNKNOWN_FIELD', path, `"${field}" is not a field of ${what}${hint}`);
    return false;
  }

  /** The extra body fields exist in the request schema and their placeholders name something real. */
  body(body: unknown, path: DataPath, operation: ApiOperation): void {
    if (!isRecord(body)) return;
    for (const [key, value] of Object.entries(body)) {
      if (operation.requestSchema !== undefined)
        this.field(
          operation.requestSchema,
          key,
          [...path, key],
          `the request body of ${operationName(operation)}`,
        );
      if (typeof value !== 'string' || !value.startsWith('$') || PLACEHOLDERS.includes(value)) continue;
      const leaf = resolveScimPath(this.custom.users, 'users', value.slice(1));
      if (!leaf.ok) {
        this.report(
          'SPEC_PLACEHOLDER',
          [...path, key],
          `"${value}" names no value of the request: use ${PLACEHOLDERS.join(', ')} or $<SCIM path> (${leaf.detail})`,
        );
      }
    }
  }

  list(node: unknown, path: DataPath, role: string, resource: Resource): ApiOperation | undefined {
    const operation = this.operation(node, path, role);
    if (operation === undefined || !isRecord(node)) return operation;
    const name = operationName(operation);
    const response = operation.success?.schema;
    const items = typeof node['items'] === 'string' ? node['items'] : 'items';
    const itemsPath = node['items'] === undefined ? path : [...path, 'items'];
    if (items === '.') {
      const type = schemaType(this.flat(response));
      if (type !== undefined && type !== 'array') {
        this.report(
          'SPEC_TYPE_MISMATCH',
          itemsPath,
          `${name} answers ${type === 'object' ? 'an object' : type}, not a bare array: name the field holding the items`,
        );
      }
    } else {
      const schema = this.field(response, items, itemsPath, `the response of ${name}`);
      if (schema !== false && schemaType(schema) !== undefined && schemaType(schema) !== 'array') {
        this.report(
          'SPEC_TYPE_MISMATCH',
          itemsPath,
          `"${items}" in the response of ${name} is ${schemaType(schema)}, not a list of items`,
        );
      }
    }
    this.total(node['total'], [...path, 'total'], operation);
    this.paging(child(node, 'paging'), [...path, 'paging'], operation, node['paging'] !== undefined);
    for (const [attribute, parameter] of Object.entries(child(node, 'filters'))) {
      const leaf = resolveScimPath(this.custom[resource], resource, attribute);
      if (!leaf.ok)
        this.report('SPEC_UNKNOWN_SCIM_PATH', [...path, 'filters', attribute], leaf.detail, 'key');
      this.queryParameter(operation, parameter, [...path, 'filters', attribute]);
    }
    for (const key of Object.keys(child(node, 'query')))
      this.queryParameter(operation, key, [...path, 'query', key]);
    return operation;
  }

  flat(schema: unknown): Data | undefined {
    return flatten(this.root, schema);
  }

  total(node: unknown, path: DataPath, list: ApiOperation): void {
    if (node === undefined || node === 'pages') return;
    if (typeof node === 'string') {
      const schema = this.field(list.success?.schema, node, path, `the response of ${operationName(list)}`);
      const type = schema === false ? undefined : schemaType(schema);
      if (type !== undefined && type !== 'integer' && type !== 'number') {
        this.report('SPEC_TYPE_MISMATCH', path, `the total "${node}" is ${type}, not a number`);
      }
      return;
    }
    if (!isRecord(node) || node['operation'] === undefined) return;
    const count = this.operation(node['operation'], [...path, 'operation'], 'count');
    if (count !== undefined && typeof node['field'] === 'string') {
      this.field(
        count.success?.schema,
        node['field'],
        [...path, 'field'],
        `the response of ${operationName(count)}`,
      );
    }
  }

  paging(paging: Data, path: DataPath, list: ApiOperation, given: boolean): void {
    if (!given) return;
    const style = paging['style'];
    const needs: Readonly<Record<string, readonly string[]>> = {
      offset: ['start', 'size'],
      page: ['start', 'size'],
      first: ['start', 'size'],
      cursor: ['cursor', 'next'],
      none: [],
    };
    for (const key of needs[String(style)] ?? []) {
      if (paging[key] === undefined) {
        this.report(
          'SPEC_PAGING',
          path,
          `paging style ${String(style)} needs "${key}": name ${key === 'next' ? 'the response field holding the next token, or link' : 'the query parameter'}`,
          'key',
        );
      }
    }
    for (const key of ['start', 'size', 'cursor']) this.queryParameter(list, paging[key], [...path, key]);
    const next = paging['next'];
    if (typeof next === 'string' && next !== 'link') {
      this.field(list.success?.schema, next, [...path, 'next'], `the response of ${operationName(list)}`);
    }
  }

  /** One resource's operations and attribute mappings. */
  resource(resource: Resource): void {
    const section = child(child(this.data, 'backend'), resource);
    const base = ['backend', resource];
    const ops: Record<string, ApiOperation | undefined> = {};
    for (const role of ['create', 'get', 'update', 'delete', 'activate', 'deactivate', 'password']) {
      if (section[role] !== undefined) ops[role] = this.operation(section[role], [...base, role], role);
    }
    if (section['list'] !== undefined)
      ops['list'] = this.list(section['list'], [...base, 'list'], 'list', resource);
    for (const key of ['members', 'groups']) {
      const membership = child(section, key);
      for (const role of ['add', 'remove']) {
        if (membership[role] !== undefined) this.operation(membership[role], [...base, key, role], role);
      }
      if (membership['list'] !== undefined)
        this.list(
          membership['list'],
          [...base, key, 'list'],
          'members',
          key === 'members' ? 'users' : 'groups',
        );
    }
    this.createId(section['create'], [...base, 'create'], ops['create']);
    const attributes = child(section, 'attributes');
    for (const [scim, mapping] of Object.entries(attributes)) {
      this.attribute(resource, scim, mapping, [...base, 'attributes', scim], ops);
    }
  }

  /** Where create's answer holds the new id: a named field, `id`, or (no body) the Location header. */
  createId(node: unknown, path: DataPath, create: ApiOperation | undefined): void {
    if (create === undefined) return;
    const declared = isRecord(node) ? node['id'] : undefined;
    const schema = create.success?.schema;
    if (declared === 'location') return;
    if (typeof declared === 'string') {
      this.field(schema, declared, [...path, 'id'], `the response of ${operationName(create)}`);
      return;
    }
    if (schema === undefined) return;
    if (!lookupField(this.root, schema, 'id').found) {
      this.report(
        'SPEC_ID_SOURCE',
        path,
        `the response of ${operationName(create)} has no "id" field: say where the new id is with id: <field> or id: location`,
      );
    }
  }

  attribute(
    resource: Resource,
    scim: string,
    mapping: unknown,
    path: DataPath,
    ops: Record<string, ApiOperation | undefined>,
  ): void {
    const leaf = resolveScimPath(this.custom[resource], resource, scim);
    if (!leaf.ok) {
      this.report('SPEC_UNKNOWN_SCIM_PATH', path, leaf.detail, 'key');
      return;
    }
    const long = isRecord(mapping) ? mapping : {};
    const app = typeof mapping === 'string' ? mapping : long['app'];
    if (typeof app !== 'string') return;
    const appPath = typeof mapping === 'string' ? path : [...path, 'app'];
    const direction = long['direction'] ?? 'both';
    const targets: [ApiOperation | undefined, 'request' | 'response'][] = [];
    if (direction !== 'fromApp' && long['constant'] === undefined) {
      targets.push([ops['create'], 'request']);
      if (long['createOnly'] !== true) targets.push([ops['update'], 'request']);
    } else if (direction !== 'fromApp') {
      targets.push([ops['create'], 'request']);
    }
    if (direction !== 'toApp' && long['constant'] === undefined)
      targets.push([ops['get'] ?? ops['list'], 'response']);
    for (const [operation, side] of targets) {
      if (operation === undefined) continue;
      const schema =
        side === 'request'
          ? operation.requestSchema
          : operation === ops['list']
            ? undefined
            : operation.success?.schema;
      if (schema === undefined) continue;
      const what = `the ${side === 'request' ? 'request body' : 'response'} of ${operationName(operation)}`;
      const field = this.field(schema, app, appPath, what);
      if (field === false) return;
      if (!this.types(leaf, long, field, app, path, appPath)) return;
      if (
        operation === ops['update'] &&
        long['clear'] === 'null' &&
        field !== undefined &&
        !nullable(field)
      ) {
        this.report(
          'SPEC_TYPE_MISMATCH',
          [...path, 'clear'],
          `clear: 'null' sends null, which ${what} does not allow for "${app}": allow null there in the document (nullable, or type null), or clear with empty or omit`,
        );
      }
    }
  }

  /** Whether the SCIM leaf converts to the app field; reports the first way it does not. */
  types(
    leaf: ScimLeaf & { ok: true },
    long: Data,
    field: Data | undefined,
    app: string,
    path: DataPath,
    appPath: DataPath,
  ): boolean {
    const appType = schemaType(field);
    if (appType === undefined) return true;
    const values = long['values'];
    if (isRecord(values)) return this.valueMap(leaf, values, field, app, [...path, 'values']);
    const transform = long['transform'];
    const describe = `${leaf.multiValued ? 'multi-valued ' : ''}${leaf.type}`;
    let fits: boolean;
    if (transform === 'epochMillis' || transform === 'epochSeconds') {
      fits = leaf.type === 'dateTime' && (appType === 'integer' || appType === 'number');
    } else if (transform === 'join' || transform === 'split') {
      fits = leaf.multiValued && appType === 'string';
    } else if (leaf.multiValued) {
      const items = schemaType(this.flat(field?.['items']));
      fits = appType === 'array' && (items === undefined || (JSON_TYPES[leaf.type] ?? []).includes(items));
    } else {
      fits = (JSON_TYPES[leaf.type] ?? []).includes(appType);
    }
    if (fits) return true;
    const advice =
      leaf.type === 'dateTime' && (appType === 'integer' || appType === 'number')
        ? ': add transform: epochMillis (or epochSeconds)'
        : leaf.type === 'boolean'
          ? `: add a value map, e.g. values: { 'true': …, 'false': … }`
          : leaf.multiValued && appType === 'string'
            ? ': add transform: join'
            : ': map a field of a matching type, or add a transform or value map';
    this.report(
      'SPEC_TYPE_MISMATCH',
      appPath,
      `SCIM ${describe} ${leaf.name} does not convert to the app's ${appType} "${app}"${advice}`,
    );
    return false;
  }

  valueMap(
    leaf: ScimLeaf & { ok: true },
    values: Data,
    field: Data | undefined,
    app: string,
    path: DataPath,
  ): boolean {
    const allowed = Array.isArray(field?.['enum']) ? (field['enum'] as unknown[]) : undefined;
    const appType = schemaType(field);
    for (const [scimValue, appValue] of Object.entries(values)) {
      if (leaf.type === 'boolean' && scimValue !== 'true' && scimValue !== 'false') {
        this.report(
          'SPEC_VALUE_MAP',
          [...path, scimValue],
          `${leaf.name} is boolean: map 'true' and 'false', not "${scimValue}"`,
          'key',
        );
        return false;
      }
      const wrongType =
        appType !== undefined && typeof appValue !== (appType === 'integer' ? 'number' : appType);
      if ((allowed !== undefined && !allowed.includes(appValue)) || wrongType) {
        const near = allowed === undefined ? undefined : didYouMean(String(appValue), allowed.map(String));
        const accepts =
          allowed === undefined ? `${appType} values` : allowed.map((v) => String(v)).join(', ');
        this.report(
          'SPEC_VALUE_MAP',
          [...path, scimValue],
          `"${String(appValue)}" is not a value of the app's "${app}"${near === undefined ? `, which takes ${accepts}` : `; did you mean "${near}"?`}`,
        );
        return false;
      }
    }
    return true;
  }
}

/** Every mapping mistake of the spec's openapi backend against the document's parsed data `root`. */
export function checkMappings(source: YamlSource, data: unknown, root: unknown): SpecProblem[] {
  const checker = new MappingChecker(source, data, root);
  checker.resource('users');
  checker.resource('groups');
  return checker.found;
}
