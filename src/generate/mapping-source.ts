// Writes the TypeScript of an openapi backend's mappings: mapper functions, list-page fetchers and mapped method bodies.
import type {
  FieldMappingSpec,
  ListSpec,
  OperationSpec,
  ResourceMappingSpec,
} from '../spec/connector-spec.js';
import { flatten, lookupField, schemaType } from '../spec/openapi-model.js';
import { isRecord } from '../spec/spec-data.js';

type Resource = 'User' | 'Group';

/** What the mapping source needs besides the resource's mapping. */
export interface MappingContext {
  resource: Resource;
  /** The parsed OpenAPI document. */
  root: unknown;
  /** The extension URN of the spec's custom attributes, and their names. */
  extension?: { urn: string; names: string[] };
  /** Names of the config's path parameters (`config.app.<name>`). */
  parameters: string[];
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const key = (name: string): string => (IDENT.test(name) ? name : JSON.stringify(name));
const literal = (value: unknown): string => JSON.stringify(value);

/** `paths['/x']['get']` as a type expression. */
function operationType(op: OperationSpec): string {
  return `paths[${literal(op.path)}][${literal(op.method)}]`;
}

/** The type of an operation's JSON request body. */
export function requestType(op: OperationSpec, mediaType = 'application/json'): string {
  return `NonNullable<${operationType(op)}['requestBody']>['content'][${literal(mediaType)}]`;
}

/** The type of an operation's success answer (its status from the document). */
export function responseType(op: OperationSpec, status: string): string {
  return `${operationType(op)}['responses'][${status}]['content']['application/json']`;
}

interface ParsedScimPath {
  urn?: string;
  name: string;
  filter?: { attribute: string; value: string | boolean };
  sub?: string;
}

const SCIM_PATH =
  /^(?:(urn:[^\s[\]]+):)?([A-Za-z][\w-]*)(?:\[([A-Za-z][\w-]*) eq ("[^"]*"|true|false)\])?(?:\.([A-Za-z][\w-]*))?$/;

export function parseScimPath(path: string): ParsedScimPath {
  const match = SCIM_PATH.exec(path);
  if (!match) throw new Error(`unchecked SCIM path ${path}`);
  const [, urn, name, filterAttribute, filterValue, sub] = match;
  const parsed: ParsedScimPath = { name: name! };
  if (urn !== undefined) parsed.urn = urn;
  if (filterAttribute !== undefined) {
    const value = filterValue === 'true' ? true : filterValue === 'false' ? false : filterValue!.slice(1, -1);
    parsed.filter = { attribute: filterAttribute, value };
  }
  if (sub !== undefined) parsed.sub = sub;
  return parsed;
}

/** The SCIM type of a mapped leaf, for the converter to use. */
export type LeafType = 'string' | 'boolean' | 'number' | 'list' | 'ids';

/** One attribute's mapping with what the generator derived for it. */
interface Field {
  mapping: FieldMappingSpec;
  scim: ParsedScimPath;
  leaf: LeafType;
}

/** How a value of the resource object is read in to-app code (`resource` is the variable). */
function scimRead(field: Field, context: MappingContext, variable: string): string {
  const { scim } = field;
  const urn = scim.urn ?? (context.extension?.names.includes(scim.name) ? context.extension.urn : undefined);
  let expression =
    urn === undefined
      ? `${variable}[${literal(scim.name)}]`
      : `field(${variable}[${literal(urn)}], ${literal(scim.name)})`;
  if (scim.filter !== undefined) {
    expression = `element(${expression}, ${literal(scim.filter.attribute)}, ${literal(scim.filter.value)})`;
  }
  if (scim.sub !== undefined) expression = `field(${expression}, ${literal(scim.sub)})`;
  switch (field.leaf) {
    case 'string':
      return `asString(${expression})`;
    case 'boolean':
      return `asBoolean(${expression})`;
    case 'number':
      return `asNumber(${expression})`;
    case 'list':
      return `asStrings(${expression})`;
    case 'ids':
      return `memberIds(${expression})`;
  }
}

/** The app field as read in from-app code, e.g. `app.name?.first`, `app.attributes?.department?.[0]`. */
export function appRead(path: string, variable: string): string {
  let expression = variable;
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part)!;
    expression += IDENT.test(match[1]!) ? `?.${match[1]}` : `?.[${literal(match[1])}]`;
    for (const index of match[2]!.match(/\d+/g) ?? []) expression += `?.[${index}]`;
  }
  // The first step needs no `?.`: the record itself is always there.
  return expression.replace(`${variable}?.`, `${variable}.`);
}

/** Value maps as constants: to the app (SCIM value → app value) and back. */
function valueMapName(field: Field, direction: 'ToApp' | 'FromApp'): string {
  const base = field.mapping.scim.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) =>
    (c ?? '').toUpperCase(),
  );
  return `${base.toUpperCase()}_${direction === 'ToApp' ? 'TO_APP' : 'FROM_APP'}`;
}

function fromAppValueMap(field: Field): string {
  const entries = Object.entries(field.mapping.values ?? {}).map(([scim, app]) => {
    const scimValue =
      field.leaf === 'boolean' ? scim === 'true' : field.leaf === 'number' ? Number(scim) : scim;
    return `${key(String(app))}: ${literal(scimValue)}`;
  });
  return `{ ${entries.join(', ')} }`;
}

function toAppValueMap(field: Field): string {
  const entries = Object.entries(field.mapping.values ?? {}).map(
    ([scim, app]) => `${key(scim)}: ${literal(app)}`,
  );
  return `{ ${entries.join(', ')} }`;
}

/** The expression sending one mapped value to the app, or undefined when it has none. */
function toAppValue(field: Field, context: MappingContext, variable: string): string {
  const { mapping } = field;
  if (mapping.constant !== undefined) return literal(mapping.constant);
  let value = scimRead(field, context, variable);
  if (mapping.values !== undefined) value = `lookup(${valueMapName(field, 'ToApp')}, ${value})`;
  else if (mapping.transform === 'lower') value = `${value}?.toLowerCase()`;
  else if (mapping.transform === 'upper') value = `${value}?.toUpperCase()`;
  else if (mapping.transform === 'join') value = `${value}?.join(${literal(mapping.separator)})`;
  else if (mapping.transform === 'epochMillis') value = `toEpoch(${value}, 1)`;
  else if (mapping.transform === 'epochSeconds') value = `toEpoch(${value}, 1000)`;
  if (mapping.default !== undefined) value = `${value} ?? ${literal(mapping.default)}`;
  return value;
}

/** The expression reading one mapped value from the app record. */
function fromAppValue(field: Field, variable: string): string {
  const { mapping } = field;
  const read = appRead(mapping.app, variable);
  if (mapping.values !== undefined) return `lookup(${valueMapName(field, 'FromApp')}, ${read})`;
  if (mapping.transform === 'epochMillis') return `fromEpoch(${read}, 1)`;
  if (mapping.transform === 'epochSeconds') return `fromEpoch(${read}, 1000)`;
  if (mapping.transform === 'join') return `${read}?.split(${literal(mapping.separator)})`;
  if (field.leaf === 'ids') return `(${read} ?? []).map((value) => ({ value: String(value) }))`;
  return read;
}

/** A tree of object literal members, printed as nested `{ … }`. */
type Tree = Map<string, Tree | string>;

function insert(tree: Tree, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    tree.set(head!, value);
    return;
  }
  const existing = tree.get(head!);
  const next = existing instanceof Map ? existing : new Map<string, Tree | string>();
  tree.set(head!, next);
  insert(next, rest, value);
}

function printTree(tree: Tree): string {
  const members = [...tree.entries()].map(
    ([name, value]) => `${key(name)}: ${typeof value === 'string' ? value : printTree(value)}`,
  );
  return `{ ${members.join(', ')} }`;
}

/** The app field path as object-literal steps: `attributes.department[0]` → attributes, department, [0]. */
function appSteps(path: string): { steps: string[]; index: boolean } {
  const parts = path.split('.');
  const last = parts[parts.length - 1]!;
  const indexed = /\[\d+\]$/.test(last);
  parts[parts.length - 1] = last.replace(/\[\d+\]$/, '');
  return { steps: parts, index: indexed };
}

/** What a required app field gets when the SCIM resource has no value: its default, else its type's empty value. */
function emptyValue(schema: unknown, root: unknown): string | undefined {
  const flat = flatten(root, schema);
  if (flat?.['default'] !== undefined) return literal(flat['default']);
  switch (schemaType(flat)) {
    case 'string':
      return "''";
    case 'integer':
    case 'number':
      return '0';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    default:
      return undefined;
  }
}

/**
 * The fallback of a field the app's types require: required in the schema, or with a default (which
 * openapi-typescript makes non-optional).
 */
function requiredFallback(root: unknown, schema: unknown, path: string): string | undefined {
  const parts = path.split('.');
  let node = flatten(root, schema);
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!.replace(/\[\d+\]$/, '');
    const required = Array.isArray(node?.['required']) ? (node['required'] as unknown[]) : [];
    const properties = node?.['properties'];
    const next = isRecord(properties) ? properties[name] : undefined;
    const defaulted = flatten(root, next)?.['default'] !== undefined;
    if (/\[\d+\]$/.test(parts[i]!)) return undefined;
    // Only the leaf's own requiredness matters: the object around it is always written.
    if (i === parts.length - 1)
      return required.includes(name) || defaulted ? emptyValue(next, root) : undefined;
    node = flatten(root, next);
  }
  return undefined;
}

/** The fields of a mapping with their SCIM leaf types (resolved by the loader's checks). */
export function mappedFields(
  mapping: ResourceMappingSpec,
  leafTypes: ReadonlyMap<string, LeafType>,
): Field[] {
  return mapping.attributes.map((m) => ({
    mapping: m,
    scim: parseScimPath(m.scim),
    leaf: leafTypes.get(m.scim) ?? 'string',
  }));
}

/** The body of a to-app function: the object literal sent to `op`. */
export function toAppLiteral(
  fields: readonly Field[],
  context: MappingContext,
  op: OperationSpec,
  requestSchema: unknown,
  create: boolean,
  variable: string,
): string {
  // Several SCIM attributes may feed one app field (userName and the work email): the first present wins.
  const sources = new Map<string, string[]>();
  const clears = new Map<string, string>();
  for (const field of fields) {
    if (field.mapping.direction === 'fromApp' || (field.mapping.createOnly && !create)) continue;
    sources.set(field.mapping.app, [
      ...(sources.get(field.mapping.app) ?? []),
      toAppValue(field, context, variable),
    ]);
    // An update clears a value the request no longer has as the field's mapping says.
    if (!create && field.mapping.clear !== 'omit') clears.set(field.mapping.app, clearValue(field));
  }
  const tree: Tree = new Map();
  for (const [app, values] of sources) {
    const { steps, index } = appSteps(app);
    const fallback = requiredFallback(context.root, requestSchema, app);
    const looked = lookupField(context.root, requestSchema, app);
    const allowed =
      looked.found && Array.isArray(looked.schema?.['enum']) ? looked.schema['enum'] : undefined;
    // A string field with an enum takes only its values: the rest are left out rather than sent.
    const narrowed =
      allowed === undefined
        ? values
        : values.map((v) => (v.startsWith('lookup(') ? v : `oneOf(${v}, ${literal(allowed)} as const)`));
    const last = fallback ?? clears.get(app);
    const value = [...narrowed, ...(last === undefined ? [] : [last])].join(' ?? ');
    insert(tree, steps, index ? `listOf(${value})` : value);
  }
  for (const [name, value] of Object.entries(op.body ?? {})) {
    insert(tree, [name], templateValue(value, context, variable));
  }
  return printTree(tree);
}

/** What an update sends for a value the request no longer has: null, or the empty value of its type. */
function clearValue(field: Field): string {
  if (field.mapping.clear === 'null') return 'null';
  return field.leaf === 'list' || field.leaf === 'ids' ? '[]' : "''";
}

/** A body-template value: a constant, or `$password`, `$id`, `$memberId`, `$<SCIM path>`. */
function templateValue(value: unknown, context: MappingContext, variable: string): string {
  if (typeof value !== 'string' || !value.startsWith('$')) return literal(value);
  if (value === '$password') return `asString(${variable}['password']) ?? ''`;
  if (value === '$id') return 'id';
  if (value === '$memberId') return 'memberId';
  const field: Field = {
    mapping: {
      scim: value.slice(1),
      app: '',
      direction: 'toApp',
      separator: ',',
      createOnly: false,
      clear: 'omit',
    },
    scim: parseScimPath(value.slice(1)),
    leaf: 'string',
  };
  return `${scimRead(field, context, variable)} ?? ''`;
}

/** The object literal of the SCIM resource built from an app record. */
export function fromAppLiteral(
  fields: readonly Field[],
  context: MappingContext,
  idField: string,
  schemas: string[],
): string {
  const top: string[] = [`schemas: ${literal(schemas)}`, `id: String(app.${idField})`];
  const attributes = new Map<string, { plain: Tree; elements: Map<string, Tree> }>();
  const extension: Tree = new Map();
  for (const field of fields) {
    if (field.mapping.direction === 'toApp' || field.mapping.constant !== undefined) continue;
    const { scim } = field;
    const value = fromAppValue(field, 'app');
    const isExtension = scim.urn === undefined && context.extension?.names.includes(scim.name) === true;
    if (isExtension) {
      insert(extension, scim.sub === undefined ? [scim.name] : [scim.name, scim.sub], value);
      continue;
    }
    const entry = attributes.get(scim.name) ?? {
      plain: new Map<string, Tree | string>(),
      elements: new Map<string, Tree>(),
    };
    attributes.set(scim.name, entry);
    if (scim.filter !== undefined) {
      const label = `${scim.filter.attribute}=${String(scim.filter.value)}`;
      const element =
        entry.elements.get(label) ??
        new Map<string, Tree | string>([[scim.filter.attribute, literal(scim.filter.value)]]);
      entry.elements.set(label, element);
      element.set(scim.sub ?? 'value', value);
    } else if (scim.sub !== undefined) {
      entry.plain.set(scim.sub, value);
    } else {
      entry.plain.set('', value);
    }
  }
  for (const [name, entry] of attributes) {
    if (entry.elements.size > 0) {
      top.push(`${key(name)}: [${[...entry.elements.values()].map(printTree).join(', ')}]`);
    } else if (entry.plain.has('')) {
      top.push(`${key(name)}: ${entry.plain.get('') as string}`);
    } else {
      top.push(`${key(name)}: ${printTree(entry.plain)}`);
    }
  }
  if (extension.size > 0 && context.extension !== undefined) {
    top.push(`${literal(context.extension.urn)}: ${printTree(extension)}`);
  }
  return `compact({ ${top.join(', ')} })`;
}

/** The value-map constants a mapper file declares. */
export function valueMapConstants(fields: readonly Field[]): string[] {
  const constants: string[] = [];
  for (const field of fields) {
    if (field.mapping.values === undefined) continue;
    if (field.mapping.direction !== 'fromApp') {
      constants.push(`const ${valueMapName(field, 'ToApp')} = ${toAppValueMap(field)} as const;`);
    }
    if (field.mapping.direction !== 'toApp') {
      constants.push(`const ${valueMapName(field, 'FromApp')} = ${fromAppValueMap(field)} as const;`);
    }
  }
  return constants;
}

/** The query-parameter object of one list call: paging, constants, pushed-down filter values. */
export function pageQuery(list: ListSpec): string {
  const members: string[] = Object.entries(list.query).map(
    ([name, value]) => `${key(name)}: ${literal(value)}`,
  );
  const { paging } = list;
  const size = 'size';
  switch (paging.style) {
    case 'offset':
    case 'first':
      members.push(`${key(paging.start!)}: start`, `${key(paging.size!)}: ${size}`);
      break;
    case 'page':
      members.push(
        `${key(paging.start!)}: ${paging.firstPage} + Math.floor(start / ${size})`,
        `${key(paging.size!)}: ${size}`,
      );
      break;
    case 'cursor':
      if (paging.size !== undefined) members.push(`${key(paging.size)}: ${size}`);
      members.push(`...(cursor === undefined ? {} : { ${key(paging.cursor!)}: cursor })`);
      break;
    case 'none':
      break;
  }
  members.push('...filters');
  return `{ ${members.join(', ')} }`;
}

/** Where a list answer's items are: `data.items`, or the data itself for a bare array. */
export function itemsRead(list: ListSpec): string {
  return list.items === '.' ? 'data' : `${appRead(list.items, 'data')} ?? []`;
}

/** The media type of an operation's request body (`application/json`, `application/merge-patch+json`). */
export function requestMediaType(root: unknown, op: OperationSpec): string {
  const operation = (root as { paths?: Record<string, Record<string, unknown>> }).paths?.[op.path]?.[
    op.method
  ];
  const content = flatten(root, isRecord(operation) ? operation['requestBody'] : undefined)?.['content'];
  if (!isRecord(content)) return 'application/json';
  return Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0] ?? 'application/json';
}

/** The schema of an operation's JSON request body, from the document. */
export function requestSchemaOf(root: unknown, op: OperationSpec): unknown {
  const operation = (root as { paths?: Record<string, Record<string, unknown>> }).paths?.[op.path]?.[
    op.method
  ];
  const body = isRecord(operation) ? operation['requestBody'] : undefined;
  const looked = lookupField(
    root,
    { type: 'object', properties: { body: contentSchema(root, body) } },
    'body',
  );
  return looked.found ? looked.schema : undefined;
}

function contentSchema(root: unknown, holder: unknown): unknown {
  const resolved = flatten(root, holder);
  const content = resolved?.['content'];
  if (!isRecord(content)) return undefined;
  const type = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
  return type === undefined ? undefined : (content[type] as { schema?: unknown } | undefined)?.schema;
}
