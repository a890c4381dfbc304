// Reads and writes one value of a SCIM resource at a mapping's path (`a`, `a.b`, `a[type eq "x"].b`, `urn:…:a`).
import type { ScimResource } from '../protocol/resource.js';

/** A mapping's SCIM path, taken apart. */
export interface ScimValuePath {
  /** The extension URN, when the attribute lives in one. */
  uri?: string;
  name: string;
  /** `[type eq "work"]`: the element of a multi-valued attribute the value belongs to. */
  select?: { attribute: string; value: string | boolean };
  sub?: string;
}

const pathPattern =
  /^(?:(urn:.+):)?([A-Za-z$][\w$-]*)(?:\[(\w+) eq (?:"([^"]*)"|(true|false))\])?(?:\.([A-Za-z$][\w$-]*))?$/;

/** Parses a mapping path; throws on anything else (the generator checks paths before emitting them). */
export function parseValuePath(path: string): ScimValuePath {
  const match = pathPattern.exec(path);
  if (match === null) throw new Error(`unsupported SCIM mapping path: ${path}`);
  const [, uri, name = '', selectAttribute, selectString, selectBoolean, sub] = match;
  return {
    ...(uri === undefined ? {} : { uri }),
    name,
    ...(selectAttribute === undefined
      ? {}
      : { select: { attribute: selectAttribute, value: selectString ?? selectBoolean === 'true' } }),
    ...(sub === undefined ? {} : { sub }),
  };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property by case-insensitive name (SCIM attribute names are case-insensitive). */
function own(object: Json, name: string): unknown {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function container(resource: ScimResource, path: ScimValuePath): Json | undefined {
  if (path.uri === undefined) return resource;
  const extension = own(resource, path.uri);
  return isObject(extension) ? extension : undefined;
}

/** The value at the path, or undefined when absent (null counts as absent). */
export function readValue(resource: ScimResource, path: ScimValuePath): unknown {
  const holder = container(resource, path);
  if (holder === undefined) return undefined;
  let value = own(holder, path.name);
  if (path.select !== undefined) {
    const { attribute, value: wanted } = path.select;
    const elements = Array.isArray(value) ? value.filter(isObject) : [];
    value = elements.find((element) => {
      const got = own(element, attribute);
      return typeof wanted === 'string' && typeof got === 'string'
        ? got.toLowerCase() === wanted.toLowerCase()
        : got === wanted;
    });
  }
  if (path.sub !== undefined) value = isObject(value) ? own(value, path.sub) : undefined;
  return value ?? undefined;
}

/** Writes the value at the path, creating the extension, the selected element or the complex value. */
export function writeValue(resource: ScimResource, path: ScimValuePath, value: unknown): void {
  const root = resource as Json;
  let holder: Json;
  if (path.uri === undefined) holder = root;
  else {
    const existing = own(root, path.uri);
    holder = isObject(existing) ? existing : {};
    root[path.uri] = holder;
  }
  if (path.select === undefined && path.sub === undefined) {
    holder[path.name] = value;
    return;
  }
  let target: Json;
  if (path.select !== undefined) {
    const list = Array.isArray(holder[path.name]) ? (holder[path.name] as unknown[]) : [];
    holder[path.name] = list;
    const { attribute, value: wanted } = path.select;
    const found = list.filter(isObject).find((element) => own(element, attribute) === wanted);
    target = found ?? { [attribute]: wanted };
    if (found === undefined) list.push(target);
  } else {
    const existing = own(holder, path.name);
    target = isObject(existing) ? existing : {};
    holder[path.name] = target;
  }
  if (path.sub !== undefined) target[path.sub] = value;
}
