// Reads the JSON keys that name attributes in bodies: `userName`, `name.givenName`, `urn:…:User:manager`, an extension's object.
import { ScimError } from './errors.js';
import type { AttrPath } from './filter/ast.js';
import { isJsonObject } from './json-value.js';
import type { ResourceSchema } from './schema-types.js';

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

/**
 * Calls `visit` with the path each key of a resource body or a PATCH value object names: a key at
 * the top as parseAttributeKey reads it, a key inside an extension's object under that extension's
 * URN (`key` is then `urn:…:name`). `schemas` keys are skipped and a null extension object ignored;
 * an extension's value that is not an object is invalidValue.
 */
export function forEachAttributeKey(
  body: Record<string, unknown>,
  schema: ResourceSchema,
  visit: (path: AttrPath, value: unknown, key: string) => void,
): void {
  for (const { path, value, key } of attributeKeys(body, schema)) visit(path, value, key);
}

/** The keys forEachAttributeKey visits, one after another. */
export function* attributeKeys(
  body: Record<string, unknown>,
  schema: ResourceSchema,
): Generator<{ path: AttrPath; value: unknown; key: string }, void, void> {
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const extension = schema.extension(key);
    if (extension === undefined) {
      yield { path: parseAttributeKey(key), value, key };
      continue;
    }
    if (value === null) continue;
    if (!isJsonObject(value)) {
      throw new ScimError('SCIM_ERR_INVALID_VALUE', {
        attribute: extension.id,
        reason: "expected an object of the extension's attributes",
      });
    }
    for (const [subKey, subValue] of Object.entries(value)) {
      yield {
        path: { ...parseAttributeKey(subKey), uri: extension.id },
        value: subValue,
        key: `${extension.id}:${subKey}`,
      };
    }
  }
}
