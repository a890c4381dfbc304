// Checks the schema cannot express: attribute names and shapes, URN and base-path clashes, settings, keys per backend.
import { COMMON_ATTRIBUTES, GROUP_SCHEMA, isValidAttributeName, URN, USER_SCHEMA } from 'scim-connector-sdk';
import { parseSetting } from './setting.js';
import { problems } from './spec-codes.js';
import type { SpecProblem } from './spec-problem.js';
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
import { describePath } from './schema-check.js';
import type { DataPath, YamlSource } from './yaml-source.js';

const CORE_NAMES = {
  User: [...COMMON_ATTRIBUTES, ...USER_SCHEMA.attributes].map((a) => a.name),
  Group: [...COMMON_ATTRIBUTES, ...GROUP_SCHEMA.attributes].map((a) => a.name),
};

/** The type of an attribute definition: its short form, its `type`, or string. */
function attributeType(definition: unknown): unknown {
  if (typeof definition === 'string') return definition;
  return isRecord(definition) ? (definition['type'] ?? 'string') : undefined;
}

function checkAttributes(
  source: YamlSource,
  attributes: Data,
  path: DataPath,
  resource: 'User' | 'Group',
  parent: string | undefined,
): SpecProblem[] {
  const found: SpecProblem[] = [];
  const seen = new Map<string, string>();
  for (const [name, definition] of Object.entries(attributes)) {
    const at = [...path, name];
    if (!isValidAttributeName(name, parent !== undefined)) {
      found.push(source.problem(problems.badAttributeName(describePath(path), name), at, 'key'));
    }
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      found.push(source.problem(problems.duplicateAttribute(describePath(path), name, other), at, 'key'));
    }
    seen.set(name.toLowerCase(), name);
    const core =
      parent === undefined
        ? CORE_NAMES[resource].find((c) => c.toLowerCase() === name.toLowerCase())
        : undefined;
    if (core !== undefined) {
      found.push(
        source.problem(problems.attributeClash(describePath(path), name, core, resource), at, 'key'),
      );
    }
    const type = attributeType(definition);
    const where = describePath(at);
    const record = isRecord(definition) ? definition : {};
    if (type === 'complex' && parent !== undefined) {
      found.push(source.problem(problems.nestedComplex(where), isRecord(definition) ? [...at, 'type'] : at));
    } else if (type === 'complex') {
      const subs = record['subAttributes'];
      if (!isRecord(subs) || Object.keys(subs).length === 0) {
        found.push(source.problem(problems.complexWithoutSubAttributes(where), at, 'key'));
      } else {
        found.push(...checkAttributes(source, subs, [...at, 'subAttributes'], resource, name));
      }
    } else if (typeof type === 'string' && record['subAttributes'] !== undefined) {
      found.push(
        source.problem(problems.subAttributesNotComplex(where, type), [...at, 'subAttributes'], 'key'),
      );
    }
    if (typeof type === 'string' && type !== 'reference' && record['referenceTypes'] !== undefined) {
      found.push(
        source.problem(problems.referenceTypesNotReference(where, type), [...at, 'referenceTypes'], 'key'),
      );
    }
  }
  return found;
}

function checkSchemas(source: YamlSource, data: unknown): SpecProblem[] {
  const found: SpecProblem[] = [];
  const schemas = child(data, 'schemas');
  const { appName } = oktaNames(data);
  const known = new Map<string, string>([
    [URN.user.toLowerCase(), 'the core User schema'],
    [URN.group.toLowerCase(), 'the core Group schema'],
    [URN.enterpriseUser.toLowerCase(), 'the enterprise User extension'],
  ]);
  for (const [key, resource] of [
    ['user', 'User'],
    ['group', 'Group'],
  ] as const) {
    if (!isRecord(schemas[key])) continue;
    const section = child(schemas, key);
    const urn = stringAt(section, 'urn') ?? defaultExtensionUrn(appName, resource);
    const clash = known.get(urn.toLowerCase());
    if (clash !== undefined) {
      const given = section['urn'] !== undefined;
      const text = problems.urnClash(`schemas.${key}.urn`, urn, clash);
      found.push(
        given ? source.problem(text, ['schemas', key, 'urn']) : source.problem(text, ['schemas', key], 'key'),
      );
    }
    known.set(urn.toLowerCase(), `schemas.${key}`);
    found.push(
      ...checkAttributes(
        source,
        child(section, 'attributes'),
        ['schemas', key, 'attributes'],
        resource,
        undefined,
      ),
    );
  }
  return found;
}

function checkBasePaths(source: YamlSource, data: unknown): SpecProblem[] {
  const found: SpecProblem[] = [];
  const versions = versionsOf(data);
  const basePaths = child(child(data, 'scim'), 'basePaths');
  for (const version of Object.keys(basePaths)) {
    if (!(versions as string[]).includes(version)) {
      found.push(source.problem(problems.basePathUnserved(version), ['scim', 'basePaths', version], 'key'));
    }
  }
  if (versions.length === 2) {
    const path = (v: '2.0' | '1.1') =>
      typeof basePaths[v] === 'string' ? basePaths[v] : DEFAULT_BASE_PATHS[v];
    const normalise = (p: string) => p.replace(/\/+$/, '').toLowerCase();
    if (normalise(path('2.0')) === normalise(path('1.1'))) {
      const where = basePaths['1.1'] !== undefined ? '1.1' : '2.0';
      found.push(source.problem(problems.basePathShared(path('1.1')), ['scim', 'basePaths', where]));
    }
  }
  return found;
}

/** Which keys each auth type uses, beside `type`. */
const AUTH_KEYS: Readonly<Record<string, readonly string[]>> = {
  none: [],
  bearer: ['token'],
  basic: ['username', 'password'],
  apiKey: ['header', 'value'],
  oauth2: ['tokenUrl', 'clientId', 'clientSecret', 'scope'],
};
const SETTING_KEYS = ['baseUrl', 'username', 'tokenUrl', 'clientId', 'url', 'bindDn', 'caFile'];

function checkBackend(source: YamlSource, data: unknown): SpecProblem[] {
  const found: SpecProblem[] = [];
  const backend = isRecord(data) ? data['backend'] : undefined;
  const kind = backendKind(data);
  // The ldap and sql backends' keys are their own schema definitions' (ldapBackend, sqlBackend), checked there.
  if (isRecord(backend) && kind !== 'openapi' && kind !== 'ldap' && kind !== 'sql') {
    for (const key of ['document', 'baseUrl', 'auth', 'parameters', 'timeoutMs', 'users', 'groups']) {
      if (backend[key] !== undefined) {
        found.push(
          source.problem(
            problems.notForBackend(key, 'backend', `kind ${kind}`, ' (only by kind openapi)'),
            ['backend', key],
            'key',
          ),
        );
      }
    }
  }
  const auth = child(backend, 'auth');
  const used = AUTH_KEYS[String(auth['type'])];
  if (used !== undefined) {
    for (const key of Object.keys(auth)) {
      if (key !== 'type' && !used.includes(key)) {
        const users = Object.entries(AUTH_KEYS)
          .filter(([, keys]) => keys.includes(key))
          .map(([type]) => type);
        const usedBy = users.length === 0 ? '' : ` (only by ${users.join(', ')})`;
        found.push(
          source.problem(
            problems.notForBackend(key, 'backend.auth', `type ${String(auth['type'])}`, usedBy),
            ['backend', 'auth', key],
            'key',
          ),
        );
      }
    }
  }
  for (const [where, map] of [
    [['backend'], child(data, 'backend')],
    [['backend', 'auth'], auth],
  ] as const) {
    for (const key of SETTING_KEYS) {
      const value = map[key];
      if (typeof value === 'string' && parseSetting(value) === undefined) {
        found.push(
          source.problem(problems.settingSyntax(describePath([...where, key]), value), [...where, key]),
        );
      }
    }
  }
  const parameters = child(child(data, 'backend'), 'parameters');
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value === 'string' && parseSetting(value) === undefined) {
      const where = ['backend', 'parameters', name];
      found.push(source.problem(problems.settingSyntax(describePath(where), value), where));
    }
  }
  if (isRecord(data) && data['seed'] !== undefined && kind !== 'store') {
    found.push(source.problem(problems.seedWithoutStore(), ['seed'], 'key'));
  }
  return found;
}

function checkTls(source: YamlSource, data: unknown): SpecProblem[] {
  const server = child(data, 'server');
  if (!isRecord(server['tls'])) return [];
  const tls = child(server, 'tls');
  const pem = tls['keyFile'] !== undefined || tls['certFile'] !== undefined;
  const complete = pem
    ? tls['keyFile'] !== undefined && tls['certFile'] !== undefined && tls['pfxFile'] === undefined
    : tls['pfxFile'] !== undefined;
  return complete ? [] : [source.problem(problems.tlsFiles(), ['server', 'tls'], 'key')];
}

/** Every problem the JSON Schema cannot see; safe on data that failed the schema. */
export function checkSemantics(source: YamlSource, data: unknown): SpecProblem[] {
  return [
    ...checkSchemas(source, data),
    ...checkBasePaths(source, data),
    ...checkBackend(source, data),
    ...checkTls(source, data),
  ];
}
