// Reads a SCIM 1.1 PATCH body (a partial resource, SCIM 1.1 API §3.3.2) into canonical PATCH operations.
import type { AliasTable } from '../../../protocol/alias-table.js';
import { getOwn } from '../../../protocol/attribute-access.js';
import { ScimError } from '../../../protocol/errors.js';
import { parsePatchPath } from '../../../protocol/filter/parser.js';
import { stringifyAttrPath, stringifyFilter } from '../../../protocol/filter/stringify.js';
import { findStructureProblem, isJsonObject } from '../../../protocol/json-value.js';
import { PATCH_LIMITS, parsePatchRequest } from '../../../protocol/patch/request.js';
import type { ResourceSchema } from '../../../protocol/schema-types.js';
import type { PatchOperation } from '../../../protocol/patch/operation.js';
import { attributeNameTo20 } from './list-params.js';

function syntax(reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason });
}

/** Each `"operation": "delete"` becomes one operation: the 2.0 cap on operations holds for 1.1 too. */
function checkOperationCount(count: number): void {
  if (count > PATCH_LIMITS.maxOperations) throw syntax(`more than ${PATCH_LIMITS.maxOperations} operations`);
}

/** A path the PATCH engine will accept; anything else is a 400 invalidPath here, not later. */
function checkedPath(path: string): string {
  parsePatchPath(path);
  return path;
}

/** `meta.attributes`: the attributes to remove, which SCIM 1.1 applies before the rest of the body. */
function removals(meta: unknown, schema: ResourceSchema, alias: AliasTable): PatchOperation[] {
  if (meta === undefined || meta === null) return [];
  if (!isJsonObject(meta)) throw syntax('"meta" must be an object');
  const names = getOwn(meta, 'attributes');
  if (names === undefined || names === null) return [];
  if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) {
    throw syntax('"meta.attributes" must be an array of attribute names');
  }
  checkOperationCount(names.length);
  return names.map((name) => ({
    op: 'remove',
    path: checkedPath(attributeNameTo20(name, alias, schema.resourceType)),
  }));
}

function isDelete(element: unknown): boolean {
  if (!isJsonObject(element)) return false;
  const operation = getOwn(element, 'operation');
  return typeof operation === 'string' && operation.toLowerCase() === 'delete';
}

/**
 * The values marked `"operation": "delete"` at the top of a 1.1 body: each becomes an operation, so
 * a body with more than the cap is refused before it is checked, translated and turned into
 * operations (12,000 of them took 50-140 ms to refuse after all that).
 */
function topLevelDeletes(body: Record<string, unknown>): number {
  let count = 0;
  for (const [key, value] of Object.entries(body)) {
    if (!Array.isArray(value) || ['schemas', 'id', 'meta'].includes(key.toLowerCase())) continue;
    for (const element of value) if (isDelete(element)) count++;
  }
  return count;
}

function withoutOperation(element: unknown): unknown {
  if (!isJsonObject(element)) return element;
  return Object.fromEntries(Object.entries(element).filter(([key]) => key.toLowerCase() !== 'operation'));
}

/**
 * One attribute of the body: a multi-valued one adds its values and removes those marked
 * `"operation": "delete"` (by `value`); a single-valued one is replaced (a complex one merged,
 * as SCIM 1.1 asks); `null` removes it.
 */
function attributeOperations(path: string, value: unknown): PatchOperation[] {
  checkedPath(path);
  if (value === null) return [{ op: 'remove', path }];
  if (!Array.isArray(value)) return [{ op: 'replace', path, value }];
  const operations: PatchOperation[] = [];
  for (const element of value.filter(isDelete)) {
    const target = isJsonObject(element) ? getOwn(element, 'value') : undefined;
    if (typeof target !== 'string') {
      throw new ScimError('SCIM_ERR_INVALID_VALUE', {
        attribute: path,
        reason: 'a value marked "operation": "delete" needs its "value"',
      });
    }
    operations.push({ op: 'remove', path: `${path}[value eq ${JSON.stringify(target)}]` });
  }
  const added = value.filter((element) => !isDelete(element)).map(withoutOperation);
  if (added.length > 0) operations.push({ op: 'add', path, value: added });
  return operations;
}

/** A PATCH path with its 1.1 schema URN, if any, in 2.0 terms. */
function patchPathTo20(text: string, schema: ResourceSchema, alias: AliasTable): string {
  const { path, filter, valueSubAttr } = parsePatchPath(text);
  const translated =
    path.uri === undefined ? path : { ...path, uri: alias.urnTo20(path.uri, schema.resourceType) };
  const selector = filter === undefined ? '' : `[${stringifyFilter(filter)}]`;
  return `${stringifyAttrPath(translated)}${selector}${valueSubAttr === undefined ? '' : `.${valueSubAttr}`}`;
}

/** A SCIM 2.0 PatchOp sent to the 1.1 endpoint, read as 2.0 with 1.1 URNs in paths and value keys translated. */
function readPatchOp(body: unknown, schema: ResourceSchema, alias: AliasTable): PatchOperation[] {
  return parsePatchRequest(body).map((operation) => {
    if (operation.path !== undefined)
      return { ...operation, path: patchPathTo20(operation.path, schema, alias) };
    if (!isJsonObject(operation.value)) return operation;
    const value = Object.fromEntries(
      Object.entries(operation.value).map(([key, inner]) => [
        attributeNameTo20(key, alias, schema.resourceType),
        inner,
      ]),
    );
    return { ...operation, value };
  });
}

/**
 * The canonical operations of a SCIM 1.1 PATCH body: removals named in `meta.attributes` first,
 * then each attribute given, extension attributes addressed by their 2.0 URN. `id` and `schemas`
 * are ignored. A body with `Operations` is a SCIM 2.0 PatchOp and read as one. Errors: a body that is not an object, too deep, or a malformed `meta.attributes` →
 * invalidSyntax; a name that is no attribute path → invalidPath; a delete without a value → invalidValue.
 */
export function readPatch11(body: unknown, schema: ResourceSchema, alias: AliasTable): PatchOperation[] {
  if (!isJsonObject(body)) throw syntax('a PATCH body must be a JSON object');
  // Clients that speak 2.0 send a PatchOp to either endpoint; no 1.1 resource has `Operations`.
  if (getOwn(body, 'Operations') !== undefined) return readPatchOp(body, schema, alias);
  checkOperationCount(topLevelDeletes(body));
  const problem = findStructureProblem(body, PATCH_LIMITS.maxDepth);
  if (problem !== undefined && 'forbiddenKey' in problem) {
    throw new ScimError('SCIM_ERR_INVALID_PATH', {
      path: problem.forbiddenKey,
      reason: 'this name is not allowed',
    });
  }
  if (problem !== undefined) throw syntax(`the body is nested deeper than ${PATCH_LIMITS.maxDepth} levels`);
  const resource = alias.resourceTo20(body, schema.resourceType);
  const operations = removals(getOwn(resource, 'meta'), schema, alias);
  for (const [key, value] of Object.entries(resource)) {
    if (['schemas', 'id', 'meta'].includes(key.toLowerCase())) continue;
    const extension = schema.extension(key);
    if (extension !== undefined && isJsonObject(value)) {
      for (const [name, inner] of Object.entries(value))
        operations.push(...attributeOperations(`${extension.id}:${name}`, inner));
    } else {
      operations.push(...attributeOperations(key, value));
    }
    checkOperationCount(operations.length);
  }
  return operations;
}
