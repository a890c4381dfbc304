// Reads a PATCH body (RFC 7644 §3.5.2) into its operations, lenient where real clients differ from the RFC.
import { getOwn } from '../attribute-access.js';
import { ScimError } from '../errors.js';
import { parsePatchPath } from '../filter/parser.js';
import { cloneJson, findStructureProblem, isJsonObject } from '../json-value.js';
import { URN } from '../resource.js';
import type { PatchPath } from '../filter/ast.js';
import type { PatchOperation } from './operation.js';

export interface PatchLimits {
  /** Most operations in one request (default 1 000). */
  maxOperations?: number;
  /** Deepest nesting of the body, the body itself being 1 (default 16). */
  maxDepth?: number;
}

/**
 * 1 000 operations: Okta and Entra ID send membership changes a few hundred at most per PATCH, and
 * one operation may carry many members in its value. 10 000 value-filter removals kept the server
 * busy for over half a second in one piece (issue 9); a client with more sends more requests.
 */
export const PATCH_LIMITS = { maxOperations: 1_000, maxDepth: 16 } as const;

const OPS: ReadonlySet<string> = new Set(['add', 'remove', 'replace']);

function syntax(reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason });
}

/**
 * The operations of a PATCH body, `op` lower-cased, paths checked for syntax, values copied.
 * Lenient: `schemas` may be absent (Okta and Entra send it; the RFC requires it), key names and
 * `op` in any case, an empty `Operations` array, an empty `path` read as none.
 * Errors: body, `schemas` or `Operations` malformed, `op` unknown → invalidSyntax; a path that is
 * not a string or does not parse, a key `__proto__`/`constructor`/`prototype` → invalidPath;
 * `remove` without a path → noTarget (§3.5.2.2); `add`/`replace` without a value, or without a
 * path and with a value that is not an object → invalidValue.
 */
export function parsePatchRequest(body: unknown, limits: PatchLimits = {}): PatchOperation[] {
  const maxOperations = limits.maxOperations ?? PATCH_LIMITS.maxOperations;
  const maxDepth = limits.maxDepth ?? PATCH_LIMITS.maxDepth;
  if (!isJsonObject(body)) throw syntax('a PATCH body must be a JSON object');
  const problem = findStructureProblem(body, maxDepth);
  if (problem !== undefined && 'forbiddenKey' in problem) {
    throw new ScimError('SCIM_ERR_INVALID_PATH', {
      path: problem.forbiddenKey,
      reason: 'this name is not allowed',
    });
  }
  if (problem !== undefined) throw syntax(`the body is nested deeper than ${maxDepth} levels`);
  const schemas = getOwn(body, 'schemas');
  if (schemas !== undefined) {
    if (!Array.isArray(schemas) || !schemas.every((urn) => typeof urn === 'string')) {
      throw syntax('"schemas" must be an array of URNs');
    }
    if (!schemas.some((urn) => urn.toLowerCase() === URN.patchOp.toLowerCase())) {
      throw syntax(`"schemas" must hold ${URN.patchOp}`);
    }
  }
  const operations = getOwn(body, 'Operations');
  if (!Array.isArray(operations)) throw syntax('"Operations" must be an array of operations');
  if (operations.length > maxOperations) throw syntax(`more than ${maxOperations} operations`);
  return operations.map((operation, index) => parsePatchOperation(operation, index));
}

/**
 * One operation of a PATCH body (the `index`-th), checked and normalized as parsePatchRequest
 * describes; applyPatch reads operations a connector hands it the same way.
 */
export function parsePatchOperation(operation: unknown, index: number): PatchOperation {
  return readPatchOperation(operation, index).operation;
}

/** parsePatchOperation, with the path it parsed, so that applyPatch parses each path once. */
export function readPatchOperation(
  operation: unknown,
  index: number,
): { operation: PatchOperation; patchPath: PatchPath | undefined } {
  if (!isJsonObject(operation)) throw syntax(`operation ${index} is not an object`);
  const op = getOwn(operation, 'op');
  if (typeof op !== 'string' || !OPS.has(op.toLowerCase())) {
    throw syntax(`operation ${index}: "op" must be "add", "remove" or "replace"`);
  }
  const kind = op.toLowerCase() as PatchOperation['op'];
  const rawPath = getOwn(operation, 'path');
  let path: string | undefined;
  let patchPath: PatchPath | undefined;
  if (rawPath !== undefined && rawPath !== null) {
    if (typeof rawPath !== 'string') {
      throw new ScimError('SCIM_ERR_INVALID_PATH', {
        path: String(JSON.stringify(rawPath)),
        reason: 'the path must be a string',
      });
    }
    if (rawPath.trim() !== '') {
      patchPath = parsePatchPath(rawPath);
      path = rawPath;
    }
  }
  const value = getOwn(operation, 'value');
  if (kind === 'remove') {
    if (path === undefined)
      throw new ScimError('SCIM_ERR_NO_TARGET', { path: '', reason: 'a remove operation needs a path' });
    return {
      operation: value === undefined ? { op: kind, path } : { op: kind, path, value: cloneJson(value) },
      patchPath,
    };
  }
  if (value === undefined)
    throw new ScimError('SCIM_ERR_INVALID_VALUE', {
      attribute: path ?? '(value)',
      reason: `operation ${index} has no value`,
    });
  if (path === undefined) {
    if (!isJsonObject(value)) {
      throw new ScimError('SCIM_ERR_INVALID_VALUE', {
        attribute: '(value)',
        reason: `operation ${index} without a path needs an object of attributes`,
      });
    }
    return { operation: { op: kind, value: cloneJson(value) }, patchPath: undefined };
  }
  return { operation: { op: kind, path, value: cloneJson(value) }, patchPath };
}
