// Reads and writes a value at a mapped path of a resource (`['name', 'givenName']`, `[urn, 'employeeNumber']`).
import { findKey } from '../protocol/attribute-access.js';

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path`, names matched ignoring case; undefined where any step is absent. */
export function valueAt(resource: object, path: readonly string[]): unknown {
  let node: unknown = resource;
  for (const name of path) {
    if (!isObject(node)) return undefined;
    const key = findKey(node, name);
    if (key === undefined) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets `value` at `path`, making the objects on the way; undefined leaves the resource as it is. */
export function setValueAt(resource: Obj, path: readonly string[], value: unknown): void {
  if (value === undefined) return;
  let node = resource;
  for (const name of path.slice(0, -1)) {
    const next = node[name];
    if (isObject(next)) node = next;
    else {
      const made: Obj = {};
      node[name] = made;
      node = made;
    }
  }
  node[path[path.length - 1]!] = value;
}
