// Reads an OpenAPI document's operations and schemas: find an operation, its parameters, the schema of a field.
import { isRecord, type Data } from './spec-data.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of the document. */
export interface ApiOperation {
  method: HttpMethod;
  path: string;
  operationId?: string;
  /** Path and query parameters, the path item's and the operation's. */
  parameters: { name: string; in: string }[];
  /** The JSON request body's schema, if any. */
  requestSchema?: unknown;
  /** The first 2xx answer's status and JSON body schema (none for a body-less answer). */
  success?: { status: string; schema?: unknown };
  /** Every status the document declares it answers. */
  statuses: string[];
}

/** What a dotted field path leads to in a schema. */
export type FieldLookup =
  { found: true; schema: Data | undefined } | { found: false; known: string[]; missing: string };

/** `#/components/…` resolved in the document, or undefined. */
function deref(root: unknown, node: unknown, depth = 0): unknown {
  if (!isRecord(node) || typeof node['$ref'] !== 'string' || depth > 20) return node;
  let target: unknown = root;
  for (const raw of node['$ref'].replace(/^#\//, '').split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isRecord(target) ? target[part] : undefined;
  }
  return deref(root, target, depth + 1);
}

function jsonContent(root: unknown, holder: unknown): unknown {
  const content = (deref(root, holder) as Data | undefined)?.['content'];
  if (!isRecord(content)) return undefined;
  const key = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
  return key === undefined ? undefined : child(content[key], 'schema');
}

function child(node: unknown, key: string): unknown {
  return isRecord(node) ? node[key] : undefined;
}

/** Every operation of the document, in document order. */
export function apiOperations(root: unknown): ApiOperation[] {
  const found: ApiOperation[] = [];
  const paths = child(root, 'paths');
  if (!isRecord(paths)) return found;
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const own = Array.isArray(op['parameters']) ? op['parameters'] : [];
      const parameters = [...shared, ...own]
        .map((p) => deref(root, p))
        .filter(isRecord)
        .map((p) => ({ name: String(p['name']), in: String(p['in']) }));
      const responses = child(op, 'responses');
      const status = isRecord(responses)
        ? Object.keys(responses)
            .filter((s) => /^2/.test(s))
            .sort()[0]
        : undefined;
      const statuses = isRecord(responses) ? Object.keys(responses) : [];
      const operation: ApiOperation = { method, path, parameters, statuses };
      if (typeof op['operationId'] === 'string') operation.operationId = op['operationId'];
      const requestSchema = jsonContent(root, op['requestBody']);
      if (requestSchema !== undefined) operation.requestSchema = requestSchema;
      if (status !== undefined) {
        const schema = jsonContent(root, child(responses, status));
        operation.success = schema === undefined ? { status } : { status, schema };
      }
      found.push(operation);
    }
  }
  return found;
}

/** `createUser` by operationId, or `POST /users` by method and path (method in any case). */
export function findOperation(operations: readonly ApiOperation[], ref: string): ApiOperation | undefined {
  const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(ref.trim());
  if (match) {
    const method = match[1]!.toLowerCase();
    return operations.find((o) => o.method === method && o.path === match[2]);
  }
  return operations.find((o) => o.operationId === ref);
}

/** How an operation is named in messages: its operationId, else METHOD /path. */
export function operationName(operation: ApiOperation): string {
  return operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
}

/** The `{name}` parameters of a path template. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** A schema with its `$ref` resolved and its `allOf` parts merged into one set of properties. */
export function flatten(root: unknown, node: unknown): Data | undefined {
  const schema = deref(root, node);
  if (!isRecord(schema)) return undefined;
  const parts = [
    schema,
    ...['allOf', 'oneOf', 'anyOf'].flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : [])),
  ];
  if (parts.length === 1) return schema;
  const merged: Data = { ...schema };
  const properties: Data = {};
  for (const part of parts.slice(1)) {
    const flat = flatten(root, part);
    if (flat === undefined) continue;
    if (isRecord(flat['properties'])) Object.assign(properties, flat['properties']);
    for (const key of ['type', 'additionalProperties', 'items', 'enum', 'format']) {
      if (flat[key] !== undefined && merged[key] === undefined) merged[key] = flat[key];
    }
  }
  Object.assign(properties, isRecord(schema['properties']) ? schema['properties'] : {});
  merged['properties'] = properties;
  return merged;
}

/** The JSON type a schema declares (the first non-null one of a 3.1 type list). */
export function schemaType(schema: Data | undefined): string | undefined {
  const type = schema?.['type'];
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (typeof type === 'string') return type;
  return isRecord(schema?.['properties']) ? 'object' : undefined;
}

/**
 * Walks `name.first` or `attributes.department[0]` through `schema`. A property the schema does not
 * list is found (with no schema) only where the object explicitly allows additionalProperties.
 */
export function lookupField(root: unknown, schema: unknown, field: string): FieldLookup {
  let node = flatten(root, schema);
  const walked: string[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    const name = match?.[1] ?? part;
    const properties = node?.['properties'];
    let next: unknown;
    if (isRecord(properties) && name in properties) next = properties[name];
    else if (node?.['additionalProperties'] === true) next = undefined;
    else if (isRecord(node?.['additionalProperties'])) next = node['additionalProperties'];
    else {
      const prefix = walked.length === 0 ? '' : `${walked.join('.')}.`;
      const known = isRecord(properties) ? Object.keys(properties).map((k) => `${prefix}${k}`) : [];
      return { found: false, known, missing: `${prefix}${name}` };
    }
    walked.push(part);
    node = flatten(root, next);
    for (let i = 0; i < (match?.[2]?.match(/\[/g)?.length ?? 0); i++) node = flatten(root, node?.['items']);
  }
  return { found: true, schema: node };
}
