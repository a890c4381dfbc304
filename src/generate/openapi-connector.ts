// Plans an openapi backend's generated code: mappers.ts, app-client.ts and the mapped method bodies of connector.ts.
import type { AttributeDefinition, ServiceMethod } from 'scim-connector-sdk';
import type { ConnectorSpec, ListSpec, OperationSpec, ResourceMappingSpec } from '../spec/connector-spec.js';
import { apiOperations, findOperation, pathParameters } from '../spec/openapi-model.js';
import { call, callName, params } from './call-source.js';
import {
  membershipClient,
  membershipOrder,
  membershipPlan,
  type MembershipPlan,
} from './membership-source.js';
import { resolveScimPath } from '../spec/scim-path.js';
import {
  fromAppLiteral,
  itemsRead,
  mappedFields,
  pageQuery,
  requestMediaType,
  requestSchemaOf,
  requestType,
  responseType,
  toAppLiteral,
  valueMapConstants,
  type LeafType,
  type MappingContext,
} from './mapping-source.js';

/** What the openapi backend adds to the project. */
export interface OpenApiCode {
  /** src/generated/mappers.ts, after the header. */
  mappers: string;
  /** src/generated/app-client.ts's per-resource part (list-page fetchers). */
  pageFetchers: string;
  /** Names app-client.ts exports that connector.ts uses. */
  clientImports: string[];
  /** Names mappers.ts exports that connector.ts uses. */
  mapperImports: string[];
  /** Names scim-connector-sdk/app exports that connector.ts uses. */
  runtimeImports: string[];
  /** SDK names the bodies use. */
  /** Names connector.ts imports from the SDK's engine (`scim-connector-sdk/protocol`). */
  protocolImports: string[];
  /** Mapped bodies, by method. */
  bodies: Map<ServiceMethod, string>;
  /** Whether app-client.ts needs the list runtime (a list is mapped). */
  anyList: boolean;
}

interface ResourceNames {
  type: 'User' | 'Group';
  key: 'users' | 'groups';
  lower: 'user' | 'group';
  connectorType: 'ConnectorUser' | 'ConnectorGroup';
  coreUrn: string;
}

const RESOURCES: readonly ResourceNames[] = [
  {
    type: 'User',
    key: 'users',
    lower: 'user',
    connectorType: 'ConnectorUser',
    coreUrn: 'urn:ietf:params:scim:schemas:core:2.0:User',
  },
  {
    type: 'Group',
    key: 'groups',
    lower: 'group',
    connectorType: 'ConnectorGroup',
    coreUrn: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  },
];

const literal = (value: unknown): string => JSON.stringify(value);

/** Core attributes SCIM compares without regard to case (RFC 7643 caseExact false) that lists filter on. */
const CASE_INSENSITIVE = [
  'userName',
  'displayName',
  'emails.value',
  'emails[type eq "work"].value',
  'externalId',
];

function leafTypes(
  mapping: ResourceMappingSpec,
  custom: readonly AttributeDefinition[],
  key: 'users' | 'groups',
) {
  const types = new Map<string, LeafType>();
  for (const attribute of mapping.attributes) {
    const leaf = resolveScimPath(custom, key, attribute.scim);
    if (!leaf.ok) continue;
    const whole = /^(members|groups)$/.test(attribute.scim);
    types.set(
      attribute.scim,
      whole
        ? 'ids'
        : leaf.multiValued
          ? 'list'
          : leaf.type === 'boolean'
            ? 'boolean'
            : leaf.type === 'integer' || leaf.type === 'decimal'
              ? 'number'
              : 'string',
    );
  }
  return types;
}

/** The code of one resource: mapper functions, the page fetcher, the mapped bodies. */
function resourceCode(
  names: ResourceNames,
  mapping: ResourceMappingSpec,
  spec: ConnectorSpec,
  root: unknown,
  code: OpenApiCode,
  membership: MembershipPlan | undefined,
): void {
  if (spec.backend.kind !== 'openapi') return;
  const parameters = spec.backend.parameters.map((p) => p.name);
  const extension = names.type === 'User' ? spec.schemas.user : spec.schemas.group;
  const custom = (extension?.attributes ?? []) as AttributeDefinition[];
  const context: MappingContext = {
    resource: names.type,
    root,
    parameters,
    ...(extension === undefined
      ? {}
      : { extension: { urn: extension.urn, names: extension.attributes.map((a) => a.name) } }),
  };
  const fields = mappedFields(mapping, leafTypes(mapping, custom, names.key));
  const operations = apiOperations(root);
  const status = (op: OperationSpec): string => findOperation(operations, op.ref)?.success?.status ?? '200';
  const T = names.type;
  const recordType = `App${T}`;
  const fromApp = `${names.lower}FromApp`;
  const lines: string[] = [];
  const readOp = mapping.get ?? mapping.list;
  const schemas = [names.coreUrn, ...(extension === undefined ? [] : [extension.urn])];
  lines.push(...valueMapConstants(fields));
  if (readOp !== undefined) {
    const type =
      mapping.get !== undefined
        ? responseType(mapping.get, status(mapping.get))
        : `${responseType(readOp, status(readOp))}${(readOp as ListSpec).items === '.' ? '[number]' : `[${literal((readOp as ListSpec).items)}]`}[number]`;
    lines.push(
      `/** The app's ${names.lower} record, as ${callName(readOp)} answers it. */`,
      `export type ${recordType} = ${type};`,
    );
    lines.push(
      `/** The SCIM ${names.lower} of an app record. */`,
      `export function ${fromApp}(app: ${recordType}): ${names.connectorType} {`,
      `  return ${fromAppLiteral(fields, context, 'id', schemas)};`,
      '}',
    );
    code.mapperImports.push(fromApp);
  }
  const writers: [OperationSpec | undefined, 'Create' | 'Update'][] = [
    [mapping.create, 'Create'],
    [mapping.update, 'Update'],
  ];
  for (const [op, kind] of writers) {
    if (op === undefined) continue;
    const name = `${names.lower}To${kind}`;
    const schema = requestSchemaOf(root, op);
    lines.push(
      `/** The body of ${callName(op)} for a SCIM ${names.lower}. */`,
      `export function ${name}(${names.lower}: ${names.connectorType}): ${requestType(op, requestMediaType(root, op))} {`,
      `  return ${toAppLiteral(fields, context, op, schema, kind === 'Create', names.lower)};`,
      '}',
    );
    code.mapperImports.push(name);
  }
  if (mapping.password !== undefined) {
    const op = mapping.password;
    lines.push(
      `/** The body of ${callName(op)}, which sets a ${names.lower}'s password. */`,
      `export function ${names.lower}ToPassword(${names.lower}: ${names.connectorType}): ${requestType(op, requestMediaType(root, op))} {`,
      `  return ${toAppLiteral([], context, op, requestSchemaOf(root, op), false, names.lower)};`,
      '}',
    );
    code.mapperImports.push(`${names.lower}ToPassword`);
  }
  code.mappers += `${lines.join('\n')}\n\n`.replace(/\n(\/\*\*)/g, '\n\n$1');

  const ctx = (op: OperationSpec, id?: string): string =>
    `context(this.settings, '${T}', ${literal(callName(op))}${id === undefined ? '' : `, ${id}`})`;
  const bodies = code.bodies;
  const v = names.lower;
  const media = (op: OperationSpec): string => {
    const type = requestMediaType(root, op);
    return type === 'application/json' ? '' : `headers: { 'content-type': ${literal(type)} }`;
  };
  /** Sets the password through its own operation when the request carries one. */
  const passwordCall = (id: string): string[] => {
    const op = mapping.password;
    if (op === undefined) return [];
    code.runtimeImports.push('asString');
    return [
      `if (asString(${v}['password']) !== undefined) {`,
      `  expectOk(await ${call(op, [params(op, [id], parameters), `body: ${v}ToPassword(${v})`])}, ${ctx(op, id)});`,
      '}',
    ];
  };
  /** A group's members made what the request says, once the group itself is written. */
  const members = (first: string, current: string): string[] => {
    if (membership === undefined) return [];
    code.runtimeImports.push('changeMembers', 'memberIds');
    code.clientImports.push('groupMembership', 'fetchGroupMembers');
    return [
      membershipOrder(membership, first, current !== '[]'),
      `await changeMembers(groupMembership(this, id), ${current}, memberIds(group.members), [\`${first} (group \${id})\`]);`,
    ];
  };
  /**
   * The dedicated activate or deactivate call when `active` changes (`before`: the active state read
   * before, if any), after the calls `applied` (an array literal), whose names a failure reports.
   */
  const statusCalls = (id: string, applied: string, before: string | undefined): string[] => {
    const onCreate = before === undefined;
    const ops = [
      [mapping.activate, true],
      [mapping.deactivate, false],
    ] as const;
    const lines: string[] = [];
    for (const [op, value] of ops) {
      // On create only deactivation matters: a new record is active.
      if (op === undefined || (onCreate && value)) continue;
      const changed = onCreate ? '' : ` && ${before} !== ${value}`;
      lines.push(
        `if (asBoolean(${v}.active) === ${value}${changed}) {`,
        `  await followUp(${applied}, ${literal(callName(op))}, async () => expectOk(await ${call(op, [params(op, [id], parameters)])}, ${ctx(op, id)}));`,
        '}',
      );
    }
    if (lines.length > 0) code.runtimeImports.push('asBoolean', 'followUp');
    return lines;
  };
  if (mapping.create !== undefined && membership !== undefined && names.type === 'Group') {
    const op = mapping.create;
    const request = call(op, [params(op, [], parameters), `body: ${v}ToCreate(${v})`, media(op)]);
    const viaLocation = op.id === 'location' || mapping.get === undefined;
    bodies.set(
      'createGroup',
      [
        ...(viaLocation
          ? [
              `const result = await ${request};`,
              `expectOk(result, ${ctx(op)});`,
              `const id = idFromLocation(result.response, ${ctx(op)});`,
            ]
          : [`const id = String(expectOk(await ${request}, ${ctx(op)}).id);`]),
        ...members(callName(op), '[]'),
        `return found(await this.getGroup(id, ctx), 'Group', id);`,
      ].join('\n'),
    );
    code.runtimeImports.push('expectOk', 'found', ...(viaLocation ? ['idFromLocation'] : []));
  } else if (mapping.create !== undefined) {
    const op = mapping.create;
    const request = call(op, [params(op, [], parameters), `body: ${v}ToCreate(${v})`, media(op)]);
    const viaLocation = op.id === 'location' || mapping.get === undefined;
    const createdId = viaLocation ? 'id' : 'String(created.id)';
    const password = [
      ...passwordCall(viaLocation ? 'id' : 'created.id'),
      ...statusCalls(createdId, `[${literal(callName(op))}]`, undefined),
    ];
    bodies.set(
      `create${T}` as ServiceMethod,
      viaLocation
        ? [
            `const result = await ${request};`,
            `expectOk(result, ${ctx(op)});`,
            `const id = idFromLocation(result.response, ${ctx(op)});`,
            ...password,
            `return found(await this.get${T}(id, ctx), '${T}', id);`,
          ].join('\n')
        : password.length === 0
          ? `return ${fromApp}(expectOk(await ${request}, ${ctx(op)}));`
          : [
              `const created = expectOk(await ${request}, ${ctx(op)});`,
              ...password,
              ...(mapping.deactivate === undefined
                ? [`return ${fromApp}(created);`]
                : [`return found(await this.get${T}(${createdId}, ctx), '${T}', ${createdId});`]),
            ].join('\n'),
    );
    code.runtimeImports.push('expectOk', 'found', ...(viaLocation ? ['idFromLocation'] : []));
  }
  if (mapping.get !== undefined) {
    const op = mapping.get;
    bodies.set(
      `get${T}` as ServiceMethod,
      [
        `const result = await ${call(op, [params(op, ['id'], parameters)])};`,
        'if (result.response.status === 404) return undefined;',
        membership !== undefined && names.type === 'Group'
          ? `return { ...${fromApp}(expectOk(result, ${ctx(op, 'id')})), members: await fetchGroupMembers(this, id) };`
          : `return ${fromApp}(expectOk(result, ${ctx(op, 'id')}));`,
      ].join('\n'),
    );
    code.runtimeImports.push('expectOk');
  }
  if (mapping.update !== undefined) {
    const op = mapping.update;
    const get = mapping.get;
    const merge = op.readMergeWrite && get !== undefined;
    const changes = `${v}ToUpdate(${v})`;
    const request = call(op, [
      params(op, ['id'], parameters),
      `body: ${merge ? `mergeRecord(current, ${changes})` : changes}`,
      media(op),
    ]);
    const order = [
      ...(merge ? [`${callName(get)} (the record to merge into)`] : []),
      callName(op),
      ...(mapping.password === undefined ? [] : [`${callName(mapping.password)} when a password is sent`]),
      ...(mapping.activate === undefined && mapping.deactivate === undefined
        ? []
        : [
            `${[mapping.activate, mapping.deactivate]
              .flatMap((o) => (o === undefined ? [] : [callName(o)]))
              .join(' or ')} when active changes`,
          ]),
    ];
    const statusLines = statusCalls(
      'id',
      `[${literal(callName(op))}]`,
      merge ? `${fromApp}(current).active` : `(await this.get${T}(id, ctx))?.active`,
    );
    const password = [...passwordCall('id'), ...statusLines];
    if (merge) code.runtimeImports.push('mergeRecord');
    const sameRecord =
      membership === undefined &&
      statusLines.length === 0 &&
      !op.noBody &&
      password.length === 0 &&
      mapping.get !== undefined &&
      status(op) === status(mapping.get) &&
      sameSchema(root, op, mapping.get);
    bodies.set(
      `update${T}` as ServiceMethod,
      sameRecord
        ? `return ${fromApp}(expectOk(await ${request}, ${ctx(op, 'id')}));`
        : [
            ...(order.length > 1 ? [`// The calls, in order: ${order.join(', then ')}.`] : []),
            ...(merge
              ? [
                  `const current = expectOk(await ${call(get, [params(get, ['id'], parameters)])}, ${ctx(get, 'id')});`,
                ]
              : []),
            `expectOk(await ${request}, ${ctx(op, 'id')});`,
            ...password,
            ...(names.type === 'Group'
              ? members(callName(op), 'memberIds(await fetchGroupMembers(this, id))')
              : []),
            `// The app answers without the whole ${v}: read it back.`,
            `return found(await this.get${T}(id, ctx), '${T}', id);`,
          ].join('\n'),
    );
    code.runtimeImports.push('expectOk', ...(sameRecord ? [] : ['found']));
    bodies.set(
      `patch${T}` as ServiceMethod,
      [
        `const current = await this.get${T}(id, ctx);`,
        'if (current === undefined) return undefined;',
        `const patched = applyPatch(current, operations, this.schemas.${v});`,
        `return this.update${T}(id, patched.resource, ctx);`,
      ].join('\n'),
    );
    code.protocolImports.push('applyPatch');
  }
  if (mapping.delete !== undefined) {
    const op = mapping.delete;
    bodies.set(
      `delete${T}` as ServiceMethod,
      `expectOk(await ${call(op, [params(op, ['id'], parameters)])}, ${ctx(op, 'id')});`,
    );
    code.runtimeImports.push('expectOk');
  }
  if (mapping.list !== undefined && readOp !== undefined) {
    const list = mapping.list;
    const fetcher = `fetch${T}Page`;
    const pushDown = Object.entries(list.filters).map(
      ([attribute, parameter]) => `[${literal(attribute)}, ${literal(parameter)}]`,
    );
    const directly =
      (list.paging.style === 'offset' || list.paging.style === 'first') && list.total.kind !== 'pages';
    bodies.set(
      `get${T}s` as ServiceMethod,
      [
        `return listResources(query, this.schemas.${v}, {`,
        `  fetchPage: (start, size, cursor, filters) => ${fetcher}(this, start, size, cursor, filters),`,
        `  fromApp: ${fromApp},`,
        `  pushDown: [${pushDown.join(', ')}],`,
        `  pageSize: ${list.paging.max},`,
        `  pagesDirectly: ${directly},`,
        `  maxInMemory: ${list.maxInMemory},`,
        '});',
      ].join('\n'),
    );
    code.runtimeImports.push('listResources');
    code.clientImports.push(fetcher);
    code.pageFetchers += pageFetcher(root, names, list, fetcher, recordType, parameters);
    code.anyList = true;
  }
}

/** The same success schema text for both operations (then one record type serves both). */
function sameSchema(root: unknown, a: OperationSpec, b: OperationSpec): boolean {
  const operations = apiOperations(root);
  const schemaOf = (op: OperationSpec) => JSON.stringify(findOperation(operations, op.ref)?.success?.schema);
  return schemaOf(a) === schemaOf(b);
}

function pageFetcher(
  root: unknown,
  names: ResourceNames,
  list: ListSpec,
  fetcher: string,
  recordType: string,
  parameters: readonly string[],
): string {
  const pushed = Object.values(list.filters);
  const query = pageQuery(list).replace(
    '...filters',
    pushed.map((p) => `${/^[A-Za-z_$][\w$]*$/.test(p) ? p : literal(p)}: filters[${literal(p)}]`).join(', '),
  );
  const cleaned = query.replace(/, \}$/, ' }').replace('{ , ', '{ ');
  const path = params(list, [], parameters, cleaned).replace(/this\.config\./g, 'connection.config.');
  const style = list.paging.style;
  // Parameters a paging style does not use keep an underscore, so linters know they are unused on purpose.
  const arg = (name: string, used: boolean): string => (used ? name : `_${name}`);
  const countOp = list.total.kind === 'operation' ? list.total : undefined;
  let counting = '';
  if (countOp !== undefined) {
    const takes = new Set(
      findOperation(apiOperations(root), countOp.operation.ref)?.parameters.map((p) => p.name),
    );
    const query = pushed.filter((p) => takes.has(p)).map((p) => `${p}: filters[${literal(p)}]`);
    const countParams = params(
      countOp.operation,
      [],
      parameters,
      query.length === 0 ? undefined : `{ ${query.join(', ')} }`,
    ).replace(/this\.config\./g, 'connection.config.');
    const counted = `connection.app.GET(${literal(countOp.operation.path)}${countParams === '' ? '' : `, { ${countParams} }`})`;
    counting = `\n  const counted = expectOk(await ${counted}, context(connection.settings, '${names.type}', ${literal(callName(countOp.operation))}));`;
  }
  const total =
    list.total.kind === 'field'
      ? `data.${list.total.field}`
      : list.total.kind === 'header'
        ? `headerNumber(result.response, ${literal(list.total.header)})`
        : countOp !== undefined
          ? `counted${countOp.field === undefined ? '' : `.${countOp.field}`}`
          : 'undefined';
  const next =
    list.paging.style !== 'cursor'
      ? ''
      : list.paging.next === 'link'
        ? `, next: nextFromLink(result.response, ${literal(list.paging.cursor)})`
        : `, next: data.${list.paging.next} ?? undefined`;
  return `
/** One page of ${names.key} from ${list.method.toUpperCase()} ${list.path}. */
export async function ${fetcher}(
  connection: AppConnection,
  ${arg('start', style !== 'cursor' && style !== 'none')}: number,
  ${arg('size', style !== 'none' && (style !== 'cursor' || list.paging.size !== undefined))}: number,
  ${arg('cursor', style === 'cursor')}: string | undefined,
  ${arg('filters', pushed.length > 0)}: Record<string, string>,
): Promise<AppPage<${recordType}>> {
  const result = await connection.app.${list.method.toUpperCase()}(${literal(list.path)}${path === '' ? '' : `, { ${path} }`});
  const data = expectOk(result, context(connection.settings, '${names.type}', ${literal(callName(list))}));${counting}
  return { items: ${itemsRead(list)}, total: ${total}${next} };
}
`;
}

/** The openapi backend's code, or undefined when the spec maps nothing. */
export function openApiCode(spec: ConnectorSpec, root: unknown): OpenApiCode | undefined {
  if (spec.backend.kind !== 'openapi') return undefined;
  const code: OpenApiCode = {
    mappers: '',
    pageFetchers: '',
    clientImports: [],
    mapperImports: [],
    runtimeImports: [],
    protocolImports: [],
    bodies: new Map(),
    anyList: false,
  };
  let any = false;
  const plan = membershipPlan(spec);
  if (plan !== undefined) {
    code.pageFetchers += membershipClient(
      plan,
      spec.backend.parameters.map((p) => p.name),
    );
  }
  for (const names of RESOURCES) {
    const mapping = spec.backend[names.key];
    if (mapping === undefined) continue;
    any = true;
    resourceCode(names, mapping, spec, root, code, names.type === 'Group' ? plan : undefined);
  }
  if (code.bodies.size > 0) code.runtimeImports.push('context');
  return any ? code : undefined;
}

/** The route table of the generated fake app: what each mapped resource's operations answer. */
export function fakeAppResources(spec: ConnectorSpec, root: unknown): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  if (spec.backend.kind !== 'openapi') return resources;
  const operations = apiOperations(root);
  const status = (op: OperationSpec): number =>
    Number(findOperation(operations, op.ref)?.success?.status ?? 200);
  for (const names of RESOURCES) {
    const mapping = spec.backend[names.key];
    if (mapping === undefined) continue;
    const appField = (scim: string): string | undefined =>
      mapping.attributes.find((a) => a.scim === scim)?.app;
    const collection = mapping.create?.path ?? mapping.list?.path;
    if (collection === undefined) continue;
    // A resource the app only lists (no get, update or delete) has no item route.
    const item = mapping.get?.path ?? mapping.update?.path ?? mapping.delete?.path ?? null;
    const resource: Record<string, unknown> = { collection, item };
    // The app stamps these: the fake does too, in the unit the mapping converts from.
    const stamps: Record<string, { field: string; unit: number }> = {};
    for (const attribute of mapping.attributes) {
      const unit =
        attribute.transform === 'epochMillis' ? 1 : attribute.transform === 'epochSeconds' ? 1000 : 0;
      if (unit === 0 || attribute.direction !== 'fromApp') continue;
      if (attribute.scim === 'meta.created') stamps['created'] = { field: attribute.app, unit };
      if (attribute.scim === 'meta.lastModified') stamps['modified'] = { field: attribute.app, unit };
    }
    resource['stamps'] = stamps;
    const { create, get, update, list } = mapping;
    if (create !== undefined) {
      resource['create'] = {
        method: create.method.toUpperCase(),
        status: status(create),
        answer: create.noBody ? 'location' : 'record',
      };
      const refuses = findOperation(operations, create.ref)?.statuses.includes('409') === true;
      const unique = appField(names.type === 'User' ? 'userName' : 'displayName');
      if (refuses && unique !== undefined) resource['unique'] = unique;
    }
    if (get !== undefined) resource['get'] = { method: 'GET' };
    if (update !== undefined) {
      resource['update'] = {
        method: update.method.toUpperCase(),
        status: status(update),
        answer: update.noBody ? 'none' : 'record',
        merge: update.method === 'patch',
      };
    }
    if (mapping.password !== undefined) {
      resource['password'] = {
        path: mapping.password.path,
        method: mapping.password.method.toUpperCase(),
        status: status(mapping.password),
      };
    }
    const active = mapping.attributes.find((a) => a.scim === 'active');
    if (active !== undefined && (mapping.activate !== undefined || mapping.deactivate !== undefined)) {
      const call = (op: OperationSpec | undefined) =>
        op === undefined ? undefined : { path: op.path, method: op.method.toUpperCase(), status: status(op) };
      resource['status'] = {
        field: active.app,
        on: active.values?.['true'] ?? true,
        off: active.values?.['false'] ?? false,
        ...(mapping.activate === undefined ? {} : { activate: call(mapping.activate) }),
        ...(mapping.deactivate === undefined ? {} : { deactivate: call(mapping.deactivate) }),
      };
    }
    if (mapping.delete !== undefined) {
      resource['delete'] = { method: mapping.delete.method.toUpperCase(), status: status(mapping.delete) };
    }
    if (list !== undefined) {
      const total =
        list.total.kind === 'field' || list.total.kind === 'header' ? list.total : { kind: 'none' };
      const filters: Record<string, { field: string; caseExact: boolean }> = {};
      for (const [scim, parameter] of Object.entries(list.filters)) {
        const app = appField(scim);
        // SCIM compares userName and displayName without regard to case; the mapping relies on the app doing so too.
        if (app !== undefined)
          filters[parameter] = { field: app, caseExact: !CASE_INSENSITIVE.includes(scim) };
      }
      resource['list'] = {
        method: list.method.toUpperCase(),
        items: list.items,
        total,
        paging: list.paging,
        filters,
      };
      if (list.total.kind === 'operation') {
        resource['count'] = { path: list.total.operation.path, field: list.total.field ?? null, filters };
      }
    }
    const plan = names.type === 'Group' ? membershipPlan(spec) : undefined;
    if (plan !== undefined) resource['members'] = fakeMembers(plan, spec, status);
    resources[names.key] = resource;
  }
  return resources;
}

/** The fake's membership routes: the members listing and the add and remove calls, with where their ids are. */
function fakeMembers(
  plan: MembershipPlan,
  spec: ConnectorSpec,
  status: (op: OperationSpec) => number,
): Record<string, unknown> {
  const configured = spec.backend.kind === 'openapi' ? spec.backend.parameters.map((p) => p.name) : [];
  const userName =
    spec.backend.kind === 'openapi'
      ? spec.backend.users?.attributes.find((a) => a.scim === 'userName')?.app
      : undefined;
  const callOf = ({ op, onUser }: MembershipPlan['add']): Record<string, unknown> => {
    const ids = pathParameters(op.path).filter((p) => !configured.includes(p)).length;
    const bodyField = Object.entries(op.body ?? {}).find(([, v]) => v === '$memberId' || v === '$id')?.[0];
    return {
      path: op.path,
      method: op.method.toUpperCase(),
      status: status(op),
      own: onUser ? 'user' : 'group',
      ids,
      ...(ids < 2 && bodyField !== undefined ? { bodyField } : {}),
    };
  };
  const { list } = plan;
  const total = list.total.kind === 'field' || list.total.kind === 'header' ? list.total : { kind: 'none' };
  return {
    list: { path: list.path, items: list.items, total, paging: list.paging },
    value: plan.value,
    ...(plan.display === undefined || userName === undefined
      ? {}
      : { display: { field: plan.display, from: userName } }),
    add: callOf(plan.add),
    remove: callOf(plan.remove),
  };
}
