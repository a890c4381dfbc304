// The `attributes` and `excludedAttributes` of RFC 7644 §3.4.2.5 applied to one resource, honouring `returned`.
import { parseAttributeKey } from './attribute-key.js';
import { isForbiddenKey, isJsonObject } from './json-value.js';
import { findSubAttribute, isNeverReturned } from './resource-schema.js';
import type { ScimResource } from './resource.js';
import type { AttributeDefinition, ResourceSchema } from './schema-types.js';

/** The names in an `attributes` or `excludedAttributes` parameter; undefined when none is given. */
export function parseAttributeList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.length === 0 ? undefined : names;
}

export interface ProjectionRequest {
  attributes?: string[];
  excludedAttributes?: string[];
}

/** Per schema URN (lower-case), per attribute name (lower-case): the whole attribute, or some sub-attributes. */
type Selection = Map<string, { whole: boolean; attributes: Map<string, 'all' | Set<string>> }>;

function select(names: readonly string[], schema: ResourceSchema): Selection {
  const selection: Selection = new Map();
  const entry = (urn: string) => {
    const key = urn.toLowerCase();
    let found = selection.get(key);
    if (found === undefined) {
      found = { whole: false, attributes: new Map() };
      selection.set(key, found);
    }
    return found;
  };
  for (const name of names) {
    const extension = schema.extension(name);
    if (extension !== undefined) {
      entry(extension.id).whole = true;
      continue;
    }
    const resolved = schema.resolve(parseAttributeKey(name));
    if (resolved === undefined) continue;
    const attributes = entry(resolved.schema).attributes;
    const key = resolved.attribute.name.toLowerCase();
    const previous = attributes.get(key);
    if (resolved.subAttribute === undefined || previous === 'all') {
      attributes.set(key, 'all');
    } else {
      const subs = previous ?? new Set<string>();
      subs.add(resolved.subAttribute.name.toLowerCase());
      attributes.set(key, subs);
    }
  }
  return selection;
}

/** What the request says of one attribute: named whole, named for some sub-attributes, or not named. */
function lookup(selection: Selection, urn: string, name: string): Named {
  const entry = selection.get(urn.toLowerCase());
  if (entry === undefined) return undefined;
  if (entry.whole) return 'all';
  return entry.attributes.get(name.toLowerCase());
}

type Mode =
  { kind: 'default' } | { kind: 'include'; selection: Selection } | { kind: 'exclude'; selection: Selection };

type Named = 'all' | Set<string> | undefined;

/** `returned`, with writeOnly attributes never returned; an attribute no schema defines as `default`. */
function returnedOf(def: AttributeDefinition | undefined): AttributeDefinition['returned'] {
  if (def === undefined) return 'default';
  return isNeverReturned(def) ? 'never' : def.returned;
}

function keepSubAttribute(
  def: AttributeDefinition | undefined,
  name: string,
  named: Named,
  mode: Mode,
): boolean {
  const returned = returnedOf(def);
  if (returned === 'never') return false;
  if (returned === 'always') return true;
  const isNamed = named === 'all' || (named !== undefined && named.has(name.toLowerCase()));
  if (mode.kind === 'include') return isNamed;
  if (returned === 'request') return false;
  return !(mode.kind === 'exclude' && isNamed);
}

/** The sub-attributes of one complex value to keep. */
function projectComplex(
  value: Record<string, unknown>,
  def: AttributeDefinition,
  named: Named,
  mode: Mode,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(value)) {
    if (isForbiddenKey(key)) continue;
    const subDef = findSubAttribute(def, key);
    if (keepSubAttribute(subDef, subDef?.name ?? key, named, mode)) out[key] = sub;
  }
  return out;
}

function projectAttribute(
  value: unknown,
  def: AttributeDefinition | undefined,
  named: Named,
  mode: Mode,
): unknown {
  const returned = returnedOf(def);
  if (returned === 'never') return undefined;
  if (returned === 'always') return value;
  if (mode.kind === 'include' ? named === undefined : returned === 'request' || named === 'all')
    return undefined;
  if (def?.type !== 'complex' || (!(named instanceof Set) && !hasHiddenSubAttributes(def))) return value;
  // Elements left empty by the selection are dropped, and so is an attribute left with none.
  if (Array.isArray(value)) {
    const elements = (value as unknown[])
      .map((element) => (isJsonObject(element) ? projectComplex(element, def, named, mode) : element))
      .filter((element) => !isJsonObject(element) || Object.keys(element).length > 0);
    return elements.length === 0 ? undefined : elements;
  }
  if (!isJsonObject(value)) return value;
  const projected = projectComplex(value, def, named, mode);
  return Object.keys(projected).length === 0 ? undefined : projected;
}

function hasHiddenSubAttributes(def: AttributeDefinition): boolean {
  return (
    def.subAttributes?.some((sub) => {
      const returned = returnedOf(sub);
      return returned === 'never' || returned === 'request';
    }) ?? false
  );
}

/**
 * A new resource holding what the client may see: `returned: "never"` attributes (password) are
 * never returned, `always` ones (id, schemas) always; `attributes`, when given, keeps only the named
 * attributes (and wins over `excludedAttributes`); `excludedAttributes` drops the named ones;
 * `returned: "request"` attributes appear only when named in `attributes`. Names may be sub-attributes
 * (`name.givenName`, `emails.value`), URN-qualified (`urn:…:User:employeeNumber`), or an extension URN
 * alone (the whole extension). Unknown names are ignored. Unchanged values are shared with the input.
 */
export function projectResource(
  resource: ScimResource,
  schema: ResourceSchema,
  request: ProjectionRequest = {},
): ScimResource {
  const mode: Mode =
    request.attributes !== undefined && request.attributes.length > 0
      ? { kind: 'include', selection: select(request.attributes, schema) }
      : request.excludedAttributes !== undefined && request.excludedAttributes.length > 0
        ? { kind: 'exclude', selection: select(request.excludedAttributes, schema) }
        : { kind: 'default' };
  const selection: Selection = mode.kind === 'default' ? (new Map() as Selection) : mode.selection;
  const out: ScimResource = { schemas: resource.schemas };
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas' || isForbiddenKey(key)) continue;
    const extension = schema.extension(key);
    if (extension !== undefined) {
      if (!isJsonObject(value)) continue;
      const projected: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        if (isForbiddenKey(name)) continue;
        const def = schema.resolve({ uri: extension.id, name })?.attribute;
        const kept = projectAttribute(item, def, lookup(selection, extension.id, def?.name ?? name), mode);
        if (kept !== undefined) projected[name] = kept;
      }
      if (Object.keys(projected).length > 0) out[key] = projected;
      continue;
    }
    const def = schema.resolve({ uri: schema.core.id, name: key })?.attribute;
    const kept = projectAttribute(value, def, lookup(selection, schema.core.id, def?.name ?? key), mode);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}
