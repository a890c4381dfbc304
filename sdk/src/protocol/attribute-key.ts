// Reads a JSON key naming an attribute: `userName`, `name.givenName`, `urn:…:User:manager`, `urn:…:User:manager.value`.
import type { AttrPath } from './filter-ast.js';

/**
 * The attribute path a key names. A key starting with `urn:` is fully qualified: the schema URN is
 * everything before the last colon (URNs hold dots, as in `2.0`, attribute names hold none).
 */
export function parseAttributeKey(key: string): AttrPath {
  let uri: string | undefined;
  let rest = key;
  if (key.toLowerCase().startsWith('urn:')) {
    const colon = key.lastIndexOf(':');
    uri = key.slice(0, colon);
    rest = key.slice(colon + 1);
  }
  const dot = rest.indexOf('.');
  const path: AttrPath = { name: dot < 0 ? rest : rest.slice(0, dot) };
  if (uri !== undefined) path.uri = uri;
  if (dot >= 0) path.subAttr = rest.slice(dot + 1);
  return path;
}
