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

/** Most distinct keys one memo remembers: resources may carry any keys, the memo must not grow with them. */
const MEMO_LIMIT = 256;

/** `decide` remembered per key (up to MEMO_LIMIT keys; past that computed each time). */
function memo<T>(decide: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let found = known.get(key);
    if (found === undefined) {
      found = decide(key);
      if (known.size < MEMO_LIMIT) known.set(key, found);
    }
    return found;
  };
}

/**
 * What the projection does with one attribute's value, decided once per attribute name and request:
 * drop it, keep it as it is, or keep some sub-attributes of its complex values (`keepSub`).
 */
type AttributePlan =
  | { readonly action: 'drop' }
  | { readonly action: 'keep' }
  | { readonly action: 'pick'; readonly keepSub: (key: string) => boolean };

const DROP: AttributePlan = { action: 'drop' };
const KEEP: AttributePlan = { action: 'keep' };

function attributePlan(def: AttributeDefinition | undefined, named: Named, mode: Mode): AttributePlan {
  const returned = returnedOf(def);
  if (returned === 'never') return DROP;
  if (returned === 'always') return KEEP;
  if (mode.kind === 'include' ? named === undefined : returned === 'request' || named === 'all') return DROP;
  if (def?.type !== 'complex' || (!(named instanceof Set) && !hasHiddenSubAttributes(def))) return KEEP;
  return {
    action: 'pick',
    keepSub: memo((key) => {
      if (isForbiddenKey(key)) return false;
      const subDef = findSubAttribute(def, key);
      return keepSubAttribute(subDef, subDef?.name ?? key, named, mode);
    }),
  };
}

/** The sub-attributes of one complex value to keep. */
function pick(value: Record<string, unknown>, keepSub: (key: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) if (Object.hasOwn(value, key) && keepSub(key)) out[key] = value[key];
  return out;
}

function applyPlan(value: unknown, plan: AttributePlan): unknown {
  if (plan.action === 'drop') return undefined;
  if (plan.action === 'keep') return value;
  // Elements left empty by the selection are dropped, and so is an attribute left with none.
  if (Array.isArray(value)) {
    const elements = (value as unknown[])
      .map((element) => (isJsonObject(element) ? pick(element, plan.keepSub) : element))
      .filter((element) => !isJsonObject(element) || Object.keys(element).length > 0);
    return elements.length === 0 ? undefined : elements;
  }
  if (!isJsonObject(value)) return value;
  const projected = pick(value, plan.keepSub);
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

/** What the projection does with one key of a resource: skip it, project it as an extension, or as a core attribute. */
type KeyPlan =
  | { readonly kind: 'skip' }
  | { readonly kind: 'extension'; readonly inner: (name: string) => AttributePlan | undefined }
  | { readonly kind: 'attribute'; readonly plan: AttributePlan };

const SKIP: KeyPlan = { kind: 'skip' };

/**
 * A projection of one schema and request, applied to any number of resources. `meta`, when given,
 * is projected in place of the resource's own (the server's copy with `location` set), which spares
 * copying every resource once more only to replace its meta.
 */
export type Projector = (resource: ScimResource, meta?: Record<string, unknown>) => ScimResource;

/** The projector of requests without attributes or excludedAttributes, per schema: the common case, built once. */
const defaultProjectors = new WeakMap<ResourceSchema, Projector>();

/**
 * The projection `projectResource` describes, built once for a schema and request: a page of
 * resources, or every read without attributes or excludedAttributes, decides each attribute once.
 */
export function projector(schema: ResourceSchema, request: ProjectionRequest = {}): Projector {
  const mode: Mode =
    request.attributes !== undefined && request.attributes.length > 0
      ? { kind: 'include', selection: select(request.attributes, schema) }
      : request.excludedAttributes !== undefined && request.excludedAttributes.length > 0
        ? { kind: 'exclude', selection: select(request.excludedAttributes, schema) }
        : { kind: 'default' };
  if (mode.kind !== 'default') return buildProjector(schema, mode);
  let known = defaultProjectors.get(schema);
  if (known === undefined) defaultProjectors.set(schema, (known = buildProjector(schema, mode)));
  return known;
}

function buildProjector(schema: ResourceSchema, mode: Mode): Projector {
  const selection: Selection = mode.kind === 'default' ? (new Map() as Selection) : mode.selection;
  const planOf = (urn: string, name: string): AttributePlan => {
    const def = schema.resolve({ uri: urn, name })?.attribute;
    return attributePlan(def, lookup(selection, urn, def?.name ?? name), mode);
  };
  const keyPlan = memo((key): KeyPlan => {
    if (key === 'schemas' || isForbiddenKey(key)) return SKIP;
    const extension = schema.extension(key);
    if (extension === undefined) return { kind: 'attribute', plan: planOf(schema.core.id, key) };
    return {
      kind: 'extension',
      inner: memo((name) => (isForbiddenKey(name) ? undefined : planOf(extension.id, name))),
    };
  });
  const projectKey = (out: ScimResource, key: string, value: unknown): void => {
    const plan = keyPlan(key);
    if (plan.kind === 'skip') return;
    if (plan.kind === 'attribute') {
      const kept = applyPlan(value, plan.plan);
      if (kept !== undefined) out[key] = kept;
      return;
    }
    if (!isJsonObject(value)) return;
    const projected: Record<string, unknown> = {};
    let any = false;
    for (const name in value) {
      if (!Object.hasOwn(value, name)) continue;
      const inner = plan.inner(name);
      const kept = inner === undefined ? undefined : applyPlan(value[name], inner);
      if (kept !== undefined) {
        projected[name] = kept;
        any = true;
      }
    }
    if (any) out[key] = projected;
  };
  return (resource, meta) => {
    const out: ScimResource = { schemas: resource.schemas };
    for (const key in resource) {
      if (!Object.hasOwn(resource, key)) continue;
      projectKey(out, key, meta !== undefined && key === 'meta' ? meta : resource[key]);
    }
    // A resource without meta gets the one given, last, as a spread would have put it.
    if (meta !== undefined && !Object.hasOwn(resource, 'meta')) projectKey(out, 'meta', meta);
    return out;
  };
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
  return projector(schema, request)(resource);
}
