// Fills every default into validated spec data: the ConnectorSpec the planner gets.
import { resolve, dirname } from 'node:path';
import { CAPABILITIES, type Capability } from 'scim-connector-sdk';
import type {
  AppAuthSpec,
  AttributeSpec,
  BackendSpec,
  ConnectorSpec,
  ExtensionSpec,
  ExtraOperation,
  ServerSpec,
  Setting,
} from './connector-spec.js';
import { apiOperations } from './openapi-model.js';
import { resolveLdapBackend } from './resolve-ldap.js';
import { resolveResourceMapping } from './resolve-mapping.js';
import { resolveSqlMapping } from './resolve-sql.js';
import { parseSetting } from './setting.js';
import {
  backendKind,
  child,
  DEFAULT_BASE_PATHS,
  defaultExtensionUrn,
  isRecord,
  oktaNames,
  stringAt,
  versionsOf,
  type Data,
} from './spec-data.js';

const OPERATIONS: readonly ExtraOperation[] = ['deleteUser', 'patchUser', 'patchGroup'];

function attributeSpec(name: string, definition: unknown): AttributeSpec {
  const d: Data =
    typeof definition === 'string' ? { type: definition } : isRecord(definition) ? definition : {};
  const spec: AttributeSpec = {
    name,
    type: (d['type'] as AttributeSpec['type'] | undefined) ?? 'string',
    multiValued: d['multiValued'] === true,
    required: d['required'] === true,
    caseExact: d['caseExact'] === true,
    mutability: (d['mutability'] as AttributeSpec['mutability'] | undefined) ?? 'readWrite',
    returned: (d['returned'] as AttributeSpec['returned'] | undefined) ?? 'default',
    uniqueness: (d['uniqueness'] as AttributeSpec['uniqueness'] | undefined) ?? 'none',
  };
  if (typeof d['description'] === 'string') spec.description = d['description'];
  if (Array.isArray(d['canonicalValues'])) spec.canonicalValues = d['canonicalValues'] as string[];
  if (Array.isArray(d['referenceTypes'])) spec.referenceTypes = d['referenceTypes'] as string[];
  if (isRecord(d['subAttributes'])) {
    spec.subAttributes = Object.entries(d['subAttributes']).map(([sub, def]) => attributeSpec(sub, def));
  }
  return spec;
}

/** `acme_hr` → `AcmeHr`: the default display name of an extension schema. */
function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function extension(section: unknown, appName: string, resource: 'User' | 'Group'): ExtensionSpec | undefined {
  if (!isRecord(section)) return undefined;
  const spec: ExtensionSpec = {
    urn: stringAt(section, 'urn') ?? defaultExtensionUrn(appName, resource),
    name: stringAt(section, 'name') ?? `${pascalCase(appName)}${resource}`,
    attributes: Object.entries(child(section, 'attributes')).map(([name, def]) => attributeSpec(name, def)),
  };
  const description = stringAt(section, 'description');
  if (description !== undefined) spec.description = description;
  return spec;
}

/** A checked Setting (the checks ran first, so parsing succeeds). */
function setting(data: Data, key: string): Setting {
  return parseSetting(String(data[key])) ?? { literal: String(data[key]) };
}

function appAuth(auth: Data): AppAuthSpec {
  switch (auth['type']) {
    case 'bearer':
      return { type: 'bearer', token: setting(auth, 'token') };
    case 'basic':
      return { type: 'basic', username: setting(auth, 'username'), password: setting(auth, 'password') };
    case 'apiKey':
      return { type: 'apiKey', header: String(auth['header']), value: setting(auth, 'value') };
    case 'oauth2': {
      const spec: AppAuthSpec = {
        type: 'oauth2',
        tokenUrl: setting(auth, 'tokenUrl'),
        clientId: setting(auth, 'clientId'),
        clientSecret: setting(auth, 'clientSecret'),
      };
      if (typeof auth['scope'] === 'string') spec.scope = auth['scope'];
      return spec;
    }
    default:
      return { type: 'none' };
  }
}

function backend(data: Data, base: string, openapi: unknown, schemas: ConnectorSpec['schemas']): BackendSpec {
  const kind = backendKind(data);
  if (kind === 'ldap') {
    const urns = {
      ...(schemas.user ? { user: schemas.user.urn } : {}),
      ...(schemas.group ? { group: schemas.group.urn } : {}),
    };
    return resolveLdapBackend(data, base, setting, urns);
  }
  const section = child(data, 'backend');
  if (kind === 'sql') {
    const spec: BackendSpec = {
      kind: 'sql',
      ddl: resolve(base, String(section['ddl'])),
      mapping: resolveSqlMapping(section, schemas),
    };
    if (typeof section['url'] === 'string') spec.url = setting(section, 'url');
    return spec;
  }
  if (kind !== 'openapi') return { kind: kind === 'store' ? 'store' : 'none' };
  const parameters = child(section, 'parameters');
  const operations = apiOperations(openapi);
  const spec: BackendSpec = {
    kind: 'openapi',
    document: resolve(base, String(section['document'])),
    baseUrl: setting(section, 'baseUrl'),
    auth: appAuth(child(section, 'auth')),
    parameters: Object.keys(parameters).map((name) => ({ name, setting: setting(parameters, name) })),
    timeoutMs: typeof section['timeoutMs'] === 'number' ? section['timeoutMs'] : 10000,
  };
  for (const key of ['users', 'groups'] as const) {
    const mapping = resolveResourceMapping(section[key], operations);
    if (mapping) spec[key] = mapping;
  }
  return spec;
}

function server(data: Data): ServerSpec {
  const s = child(data, 'server');
  const spec: ServerSpec = {
    host: stringAt(s, 'host') ?? '127.0.0.1',
    port: typeof s['port'] === 'number' ? s['port'] : 8080,
    auth: (stringAt(s, 'auth') as ServerSpec['auth'] | undefined) ?? 'bearer',
    allowHttp: s['allowHttp'] === true,
    logLevel: stringAt(s, 'logLevel') ?? 'info',
    store: stringAt(s, 'store') === 'file' ? 'file' : 'memory',
    storeDir: stringAt(s, 'storeDir') ?? './scim-data',
  };
  const tls = child(s, 'tls');
  const pfxFile = stringAt(tls, 'pfxFile');
  const keyFile = stringAt(tls, 'keyFile');
  const certFile = stringAt(tls, 'certFile');
  if (pfxFile !== undefined) spec.tls = { pfxFile };
  else if (keyFile !== undefined && certFile !== undefined) spec.tls = { keyFile, certFile };
  return spec;
}

/**
 * The resolved spec of data that passed every check; `file` is the spec's absolute path, `openapi`
 * the parsed OpenAPI document of an openapi backend (its operations give the mappings' methods and paths).
 */
export function resolveSpec(data: Data, file: string, openapi?: unknown): ConnectorSpec {
  const base = dirname(file);
  const okta = oktaNames(data);
  const listed = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  const basePaths = child(child(data, 'scim'), 'basePaths');
  const versions = versionsOf(data);
  const schemas = child(data, 'schemas');
  const user = extension(schemas['user'], okta.appName, 'User');
  const group = extension(schemas['group'], okta.appName, 'Group');
  const spec: ConnectorSpec = {
    file,
    name: String(data['name']),
    description: stringAt(data, 'description') ?? '',
    capabilities: CAPABILITIES.filter((c): c is Capability => listed('capabilities').includes(c)),
    operations: OPERATIONS.filter((o) => listed('operations').includes(o)),
    dialects: (['2.0', '1.1'] as const)
      .filter((v) => versions.includes(v))
      .map((version) => ({ version, basePath: stringAt(basePaths, version) ?? DEFAULT_BASE_PATHS[version] })),
    okta,
    schemas: {},
    backend: { kind: 'none' },
    server: server(data),
  };
  if (user) spec.schemas.user = user;
  if (group) spec.schemas.group = group;
  spec.backend = backend(data, base, openapi, spec.schemas);
  const seed = child(data, 'seed');
  if (isRecord(data['seed'])) {
    spec.seed = {};
    for (const key of ['users', 'groups'] as const) {
      const path = stringAt(seed, key);
      if (path !== undefined) spec.seed[key] = resolve(base, path);
    }
  }
  return spec;
}
