// Fills the defaults of checked operation and attribute mappings, with each operation's method and path from the document.
import type {
  FieldMappingSpec,
  ListSpec,
  MembershipSpec,
  OperationSpec,
  PagingSpec,
  ResourceMappingSpec,
  TotalSpec,
} from './connector-spec.js';
import { findOperation, type ApiOperation } from './openapi-model.js';
import { child, isRecord, stringAt, type Data } from './spec-data.js';

type Scalar = string | number | boolean;

const scalars = (data: Data): Record<string, Scalar> =>
  Object.fromEntries(
    Object.entries(data).filter((entry): entry is [string, Scalar] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  );

function operation(node: unknown, operations: readonly ApiOperation[]): OperationSpec | undefined {
  const long = isRecord(node) ? node : {};
  const ref = typeof node === 'string' ? node : stringAt(long, 'operation');
  const found = ref === undefined ? undefined : findOperation(operations, ref);
  if (ref === undefined || found === undefined) return undefined;
  const spec: OperationSpec = {
    ref,
    method: found.method,
    path: found.path,
    noBody: found.success?.schema === undefined,
    readMergeWrite: long['readMergeWrite'] === true,
  };
  if (found.operationId !== undefined) spec.operationId = found.operationId;
  if (isRecord(long['body'])) spec.body = long['body'];
  const id = stringAt(long, 'id') ?? (found.success?.schema === undefined ? 'location' : undefined);
  if (id !== undefined) spec.id = id;
  return spec;
}

function total(node: unknown, operations: readonly ApiOperation[]): TotalSpec {
  if (node === undefined || node === 'pages') return { kind: 'pages' };
  if (typeof node === 'string') return { kind: 'field', field: node };
  const data = isRecord(node) ? node : {};
  const header = stringAt(data, 'header');
  if (header !== undefined) return { kind: 'header', header };
  const count = operation(data['operation'], operations);
  if (count === undefined) return { kind: 'pages' };
  const field = stringAt(data, 'field');
  return field === undefined
    ? { kind: 'operation', operation: count }
    : { kind: 'operation', operation: count, field };
}

function paging(data: Data): PagingSpec {
  const spec: PagingSpec = {
    style: (stringAt(data, 'style') as PagingSpec['style'] | undefined) ?? 'none',
    firstPage: typeof data['firstPage'] === 'number' ? data['firstPage'] : 1,
    max: typeof data['max'] === 'number' ? data['max'] : 100,
  };
  for (const key of ['start', 'size', 'cursor', 'next'] as const) {
    const value = stringAt(data, key);
    if (value !== undefined) spec[key] = value;
  }
  return spec;
}

function list(node: unknown, operations: readonly ApiOperation[]): ListSpec | undefined {
  const base = operation(node, operations);
  if (base === undefined) return undefined;
  const data = isRecord(node) ? node : {};
  return {
    ...base,
    items: stringAt(data, 'items') ?? 'items',
    total: total(data['total'], operations),
    paging: paging(child(data, 'paging')),
    filters: Object.fromEntries(
      Object.entries(child(data, 'filters')).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    query: scalars(child(data, 'query')),
    maxInMemory: typeof data['maxInMemory'] === 'number' ? data['maxInMemory'] : 10000,
  };
}

function membership(data: Data, operations: readonly ApiOperation[]): MembershipSpec | undefined {
  if (Object.keys(data).length === 0) return undefined;
  const spec: MembershipSpec = { value: stringAt(data, 'value') ?? 'id' };
  const display = stringAt(data, 'display');
  if (display !== undefined) spec.display = display;
  const add = operation(data['add'], operations);
  const remove = operation(data['remove'], operations);
  const listed = list(data['list'], operations);
  if (add) spec.add = add;
  if (remove) spec.remove = remove;
  if (listed) spec.list = listed;
  return spec;
}

function field(scim: string, node: unknown): FieldMappingSpec {
  const data = isRecord(node) ? node : {};
  const spec: FieldMappingSpec = {
    scim,
    app: typeof node === 'string' ? node : (stringAt(data, 'app') ?? ''),
    direction: (stringAt(data, 'direction') as FieldMappingSpec['direction'] | undefined) ?? 'both',
    separator: stringAt(data, 'separator') ?? ',',
    createOnly: data['createOnly'] === true,
    clear: (stringAt(data, 'clear') as FieldMappingSpec['clear'] | undefined) ?? 'omit',
  };
  if (isRecord(data['values'])) spec.values = scalars(data['values']);
  const transform = stringAt(data, 'transform');
  if (transform !== undefined) spec.transform = transform as NonNullable<FieldMappingSpec['transform']>;
  for (const key of ['default', 'constant'] as const) {
    const value = data[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      spec[key] = value;
  }
  return spec;
}

/** The resolved mapping of `backend.users` or `backend.groups`, or undefined when the spec has none. */
export function resolveResourceMapping(
  data: unknown,
  operations: readonly ApiOperation[],
): ResourceMappingSpec | undefined {
  if (!isRecord(data)) return undefined;
  const spec: ResourceMappingSpec = {
    attributes: Object.entries(child(data, 'attributes')).map(([scim, node]) => field(scim, node)),
  };
  for (const role of ['create', 'get', 'update', 'delete', 'activate', 'deactivate', 'password'] as const) {
    const resolved = operation(data[role], operations);
    if (resolved) spec[role] = resolved;
  }
  const listed = list(data['list'], operations);
  if (listed) spec.list = listed;
  for (const key of ['members', 'groups'] as const) {
    const resolved = membership(child(data, key), operations);
    if (resolved) spec[key] = resolved;
  }
  return spec;
}
