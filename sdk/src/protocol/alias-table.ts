// Translates SCIM 1.1 (Okta Provisioning Agent) schema URNs, resources and filter paths to and from canonical SCIM 2.0.
import { findKey } from './attribute-access.js';
import type { AttrPath, Filter } from './filter/ast.js';
import { mapFilterPaths } from './filter/map.js';
import { isForbiddenKey, isJsonObject } from './json-value.js';
import { URN } from './resource.js';
import type { ResourceTypeName, ScimResource } from './resource.js';
import { isValidSchemaUrn } from './schemas/validate-extension.js';

/** Each option absent or undefined takes its default. */
export interface AliasTableOptions {
  /** The Okta app's name in `urn:okta:{app}:1.0:user:{schema}`; default `onprem_app`. */
  oktaAppName?: string | undefined;
  /** The custom user schema's name in that URN; default `custom`. */
  oktaUserSchemaName?: string | undefined;
  /**
   * The 2.0 extension URN the connector serves Okta's custom user attributes under; default
   * `urn:ietf:params:scim:schemas:extension:{oktaAppName}:2.0:User`.
   */
  userExtensionUrn?: string | undefined;
  /**
   * The 2.0 extension URN for `urn:okta:custom:group:1.0` (the group `description`); default
   * `urn:ietf:params:scim:schemas:extension:{oktaAppName}:2.0:Group`.
   */
  groupExtensionUrn?: string | undefined;
}

/**
 * The SCIM 1.1 ↔ 2.0 alias table. All functions are pure methods of this object; inputs are never
 * modified, and translated resources share nested values with their input.
 */
export interface AliasTable {
  /** `urn:okta:{app}:1.0:user:{schema}`. */
  readonly oktaUserUrn11: string;
  readonly userExtensionUrn: string;
  readonly groupExtensionUrn: string;
  /**
   * The 2.0 URN for a 1.1 URN (case-insensitive); unknown URNs pass through. `urn:scim:schemas:core:1.0`
   * names the core schema of `resourceType` (default User). Any `urn:okta:*:1.0:user:*` maps to the
   * user extension, so an agent configured for another app name still lands in the one extension.
   */
  urnTo20(urn: string, resourceType?: ResourceTypeName): string;
  /** The 1.1 URN for a 2.0 URN (case-insensitive); unknown URNs pass through. */
  urnTo11(urn: string): string;
  /**
   * A 1.1 resource in canonical form: URNs translated in `schemas` and as extension keys, the 1.1
   * enterprise `manager.managerId` as `manager.value`. Without `resourceType` it is inferred
   * (a Group has `members`, the group extension, or a displayName and no userName).
   */
  resourceTo20(resource: Record<string, unknown>, resourceType?: ResourceTypeName): ScimResource;
  /** The inverse of resourceTo20: `manager.value` becomes `managerId`, `manager.$ref` is dropped. */
  resourceTo11(resource: ScimResource): Record<string, unknown>;
  /** A 1.1 filter path in 2.0 terms: URN translated; the agent's pseudo-attribute `email` is `emails.value`. */
  attrPathTo20(path: AttrPath, resourceType?: ResourceTypeName): AttrPath;
  filterTo20(filter: Filter, resourceType?: ResourceTypeName): Filter;
  /** A 2.0 filter path in 1.1 terms (URN translated), for clients speaking 1.1. */
  attrPathTo11(path: AttrPath): AttrPath;
  filterTo11(filter: Filter): Filter;
}

const OKTA_USER_URN = /^urn:okta:[^:]+:1\.0:user:[^:]+$/i;
const NAME_PART = /^[A-Za-z0-9_-]+$/;

function coreUrn(type: ResourceTypeName): string {
  return type === 'User' ? URN.user : URN.group;
}

function hasKey(obj: Record<string, unknown>, name: string): boolean {
  return findKey(obj, name) !== undefined;
}

function dedupe(urns: string[]): string[] {
  // Loops rather than a Set, exact matches before case-folded ones: a resource names one to three
  // schemas, mostly spelled alike, and this runs on every 1.1 answer.
  const out: string[] = [];
  for (const urn of urns) {
    if (out.includes(urn)) continue;
    const key = urn.toLowerCase();
    if (!out.some((kept) => kept.toLowerCase() === key)) out.push(urn);
  }
  return out;
}

/** `manager` with `from` renamed to `to` (case-insensitive); `drop` keys left out. */
function renameManagerKey(manager: unknown, from: string, to: string, drop: readonly string[]): unknown {
  if (!isJsonObject(manager)) return manager;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(manager)) {
    const lower = key.toLowerCase();
    if (isForbiddenKey(key) || drop.includes(lower)) continue;
    out[lower === from.toLowerCase() ? to : key] = value;
  }
  return out;
}

function translateEnterprise(value: unknown, from: string, to: string, drop: readonly string[]): unknown {
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (isForbiddenKey(key)) continue;
    out[key] = key.toLowerCase() === 'manager' ? renameManagerKey(inner, from, to, drop) : inner;
  }
  return out;
}

function checkOptions(options: AliasTableOptions): void {
  for (const name of ['oktaAppName', 'oktaUserSchemaName'] as const) {
    const value = options[name];
    if (value !== undefined && !NAME_PART.test(value)) {
      throw new Error(`Alias table: ${name} "${value}" may hold only letters, digits, "-" and "_"`);
    }
  }
  for (const name of ['userExtensionUrn', 'groupExtensionUrn'] as const) {
    const value = options[name];
    if (value !== undefined && !isValidSchemaUrn(value)) {
      throw new Error(`Alias table: ${name} "${value}" is not a URN`);
    }
  }
}

/** The alias table for one connector's Okta app; throws an Error on malformed options. */
export function createAliasTable(options: AliasTableOptions = {}): AliasTable {
  checkOptions(options);
  const app = options.oktaAppName ?? 'onprem_app';
  const oktaUserUrn11 = `urn:okta:${app}:1.0:user:${options.oktaUserSchemaName ?? 'custom'}`;
  const userExtensionUrn =
    options.userExtensionUrn ?? `urn:ietf:params:scim:schemas:extension:${app}:2.0:User`;
  const groupExtensionUrn =
    options.groupExtensionUrn ?? `urn:ietf:params:scim:schemas:extension:${app}:2.0:Group`;

  const to20 = new Map<string, string>([
    [URN.enterpriseUser11.toLowerCase(), URN.enterpriseUser],
    [oktaUserUrn11.toLowerCase(), userExtensionUrn],
    [URN.oktaGroup11.toLowerCase(), groupExtensionUrn],
    [URN.listResponse11.toLowerCase(), URN.listResponse],
  ]);
  // The table's own spellings, looked up before case-folding: the URNs a server writes itself.
  const exactTo11 = new Map<string, string>([
    [URN.user, URN.core11],
    [URN.group, URN.core11],
    [URN.enterpriseUser, URN.enterpriseUser11],
    [userExtensionUrn, oktaUserUrn11],
    [groupExtensionUrn, URN.oktaGroup11],
    [URN.listResponse, URN.listResponse11],
  ]);
  const to11 = new Map([...exactTo11].map(([from, to]) => [from.toLowerCase(), to]));

  function urnTo20(urn: string, resourceType: ResourceTypeName = 'User'): string {
    const lower = urn.toLowerCase();
    if (lower === URN.core11) return coreUrn(resourceType);
    const known = to20.get(lower);
    if (known !== undefined) return known;
    return OKTA_USER_URN.test(urn) ? userExtensionUrn : urn;
  }

  function urnTo11(urn: string): string {
    return exactTo11.get(urn) ?? to11.get(urn.toLowerCase()) ?? urn;
  }

  function inferType(resource: Record<string, unknown>): ResourceTypeName {
    const schemas = resource['schemas'];
    const groupExtension =
      Array.isArray(schemas) &&
      schemas.some((s) => typeof s === 'string' && s.toLowerCase() === URN.oktaGroup11);
    if (groupExtension || hasKey(resource, 'members')) return 'Group';
    return hasKey(resource, 'displayName') && !hasKey(resource, 'userName') ? 'Group' : 'User';
  }

  /** Whether `key` of a resource keeps its name and value in translation (true for `schemas` itself). */
  function keepsKey(key: string, mapUrn: (urn: string) => string): boolean {
    return key.includes(':') ? mapUrn(key) === key : !isForbiddenKey(key);
  }

  function translate(
    resource: Record<string, unknown>,
    mapUrn: (urn: string) => string,
    core: string,
    managerFrom: string,
    managerTo: string,
    managerDrop: readonly string[],
  ): Record<string, unknown> {
    const keys = Object.keys(resource);
    const schemas = [core];
    const named = resource['schemas'];
    if (Array.isArray(named)) {
      for (const s of named) if (typeof s === 'string') schemas.push(mapUrn(s));
    }
    // Most resources list `schemas` first and no key to rename: a spread copies them fastest.
    let plain = keys[0] === 'schemas';
    for (let i = 1; plain && i < keys.length; i++) {
      const key = keys[i] as string;
      plain = keepsKey(key, mapUrn) && !(key.length === 7 && key.toLowerCase() === 'schemas');
    }
    if (plain) {
      const copy = { ...resource };
      copy['schemas'] = dedupe(schemas);
      return copy;
    }
    // `schemas` first, filled in last.
    const out: Record<string, unknown> = { schemas: undefined };
    for (const key of keys) {
      if (isForbiddenKey(key)) continue;
      if (key.length === 7 && key.toLowerCase() === 'schemas') {
        if (key !== 'schemas' && Array.isArray(resource[key])) {
          for (const s of resource[key]) if (typeof s === 'string') schemas.push(mapUrn(s));
        }
        continue;
      }
      const value = resource[key];
      // Only a URN (it holds a colon) can name an extension; attribute names map to themselves.
      const mapped = key.includes(':') ? mapUrn(key) : key;
      const isEnterprise = mapped === URN.enterpriseUser || mapped === URN.enterpriseUser11;
      out[mapped] =
        isEnterprise && mapped !== key
          ? translateEnterprise(value, managerFrom, managerTo, managerDrop)
          : value;
    }
    out['schemas'] = dedupe(schemas);
    return out;
  }

  /** The path with its URN translated, and whether it names the agent's pseudo-attribute `email`. */
  function translateUri(path: AttrPath, resourceType: ResourceTypeName): { path: AttrPath; email: boolean } {
    const out: AttrPath = { ...path };
    if (path.uri !== undefined) out.uri = urnTo20(path.uri, resourceType);
    const core = out.uri === undefined || out.uri === coreUrn(resourceType);
    const email = core && resourceType === 'User' && path.name.toLowerCase() === 'email';
    if (email) out.name = 'emails';
    return { path: out, email };
  }

  function attrPathTo20(path: AttrPath, resourceType: ResourceTypeName = 'User'): AttrPath {
    const { path: out, email } = translateUri(path, resourceType);
    if (email && out.subAttr === undefined) out.subAttr = 'value';
    return out;
  }

  function attrPathTo11(path: AttrPath): AttrPath {
    return path.uri === undefined ? { ...path } : { ...path, uri: urnTo11(path.uri) };
  }

  return {
    oktaUserUrn11,
    userExtensionUrn,
    groupExtensionUrn,
    urnTo20,
    urnTo11,
    resourceTo20(resource, resourceType) {
      const type = resourceType ?? inferType(resource);
      return translate(
        resource,
        (urn) => urnTo20(urn, type),
        coreUrn(type),
        'managerId',
        'value',
        [],
      ) as ScimResource;
    },
    resourceTo11(resource) {
      return translate(resource, urnTo11, URN.core11, 'value', 'managerId', ['$ref']);
    },
    attrPathTo20,
    filterTo20(filter, resourceType = 'User') {
      // A value filter names the attribute itself: there `email` becomes `emails`, without `.value`.
      return mapFilterPaths(filter, (path, kind) =>
        kind === 'attribute' ? attrPathTo20(path, resourceType) : translateUri(path, resourceType).path,
      );
    },
    attrPathTo11,
    filterTo11: (filter) => mapFilterPaths(filter, attrPathTo11),
  };
}
