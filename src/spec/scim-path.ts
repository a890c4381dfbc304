// Resolves a mapped SCIM attribute path (`name.givenName`, `emails[type eq "work"].value`) to its definition.
import {
  COMMON_ATTRIBUTES,
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
  type AttributeDefinition,
} from 'scim-connector-sdk';
import { didYouMean } from './did-you-mean.js';
import { child, isRecord } from './spec-data.js';

/** What a mapped path leads to: the leaf's type and whether it holds several values. */
export type ScimLeaf =
  | { ok: true; type: AttributeDefinition['type']; multiValued: boolean; name: string }
  | { ok: false; detail: string };

const PATH =
  /^(?:(urn:[^\s[\]]+):)?([A-Za-z][\w-]*)(?:\[([A-Za-z][\w-]*) eq (?:"[^"]*"|true|false|-?\d+(?:\.\d+)?)\])?(?:\.([A-Za-z][\w-]*))?$/;

/** The spec's custom attributes of `resource` (`schemas.user.attributes`) as SDK definitions, types only. */
export function customAttributes(data: unknown, key: 'user' | 'group'): AttributeDefinition[] {
  const attributes = child(child(child(data, 'schemas'), key), 'attributes');
  const define = (name: string, raw: unknown): AttributeDefinition => {
    const record = isRecord(raw) ? raw : {};
    const type = (
      typeof raw === 'string' ? raw : (record['type'] ?? 'string')
    ) as AttributeDefinition['type'];
    const subs = child(record, 'subAttributes');
    return {
      name,
      type,
      multiValued: record['multiValued'] === true,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
      ...(type === 'complex'
        ? { subAttributes: Object.entries(subs).map(([sub, def]) => define(sub, def)) }
        : {}),
    };
  };
  return Object.entries(attributes).map(([name, raw]) => define(name, raw));
}

const find = (list: readonly AttributeDefinition[], name: string): AttributeDefinition | undefined =>
  list.find((a) => a.name.toLowerCase() === name.toLowerCase());

/**
 * Resolves `path` on users or groups: core attributes, the spec's custom extension by bare name, the
 * enterprise extension by its URN prefix. A multi-valued complex attribute needs a sub-attribute,
 * except `members` and `groups` themselves (a list of ids).
 */
export function resolveScimPath(
  custom: readonly AttributeDefinition[],
  resource: 'users' | 'groups',
  path: string,
): ScimLeaf {
  const match = PATH.exec(path);
  if (!match) {
    return {
      ok: false,
      detail: `"${path}" is not a SCIM attribute path: write name.givenName, emails[type eq "work"].value or an attribute name`,
    };
  }
  const [, urn, name, filterAttribute, sub] = match;
  const core = resource === 'users' ? USER_SCHEMA.attributes : GROUP_SCHEMA.attributes;
  const candidates =
    urn === undefined
      ? [...COMMON_ATTRIBUTES, ...core, ...custom]
      : urn.toLowerCase() === ENTERPRISE_USER_SCHEMA.id.toLowerCase() && resource === 'users'
        ? [...ENTERPRISE_USER_SCHEMA.attributes]
        : [];
  if (urn !== undefined && candidates.length === 0) {
    return {
      ok: false,
      detail: `"${urn}" is not a schema of ${resource}: use the enterprise URN or a bare name`,
    };
  }
  const attribute = find(candidates, name!);
  if (attribute === undefined) {
    const near = didYouMean(
      name!,
      candidates.map((a) => a.name),
    );
    const hint = near === undefined ? '' : `; did you mean "${near}"?`;
    return { ok: false, detail: `${resource} have no attribute "${name}"${hint}` };
  }
  const subs = attribute.subAttributes ?? [];
  for (const wanted of [filterAttribute, sub]) {
    if (wanted === undefined) continue;
    if (find(subs, wanted) === undefined) {
      const near = didYouMean(
        wanted,
        subs.map((s) => s.name),
      );
      const known = subs.length === 0 ? 'none' : subs.map((s) => s.name).join(', ');
      const hint = near === undefined ? `; its sub-attributes: ${known}` : `; did you mean "${near}"?`;
      return { ok: false, detail: `"${attribute.name}" has no sub-attribute "${wanted}"${hint}` };
    }
  }
  if (sub !== undefined) {
    const leaf = find(subs, sub)!;
    return {
      ok: true,
      type: leaf.type,
      multiValued: attribute.multiValued && filterAttribute === undefined,
      name: path,
    };
  }
  if (attribute.type === 'complex' && !['members', 'groups'].includes(attribute.name)) {
    const example = subs[0]?.name ?? 'value';
    return {
      ok: false,
      detail: `"${attribute.name}" is complex: map each sub-attribute, e.g. ${attribute.name}${attribute.multiValued ? '[type eq "work"]' : ''}.${example}`,
    };
  }
  // members and groups map to a list of ids: value is the sub-attribute that matters.
  const type = attribute.type === 'complex' ? 'string' : attribute.type;
  return { ok: true, type, multiValued: attribute.multiValued && filterAttribute === undefined, name: path };
}
