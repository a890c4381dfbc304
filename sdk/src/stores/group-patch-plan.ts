// Splits a group PATCH into member operations a store applies through its member index and the other operations.
import { attributeKeys } from '../protocol/attribute-key.js';
import { coerceAttributeValue } from '../protocol/coerce-value.js';
import { ScimError } from '../protocol/errors.js';
import type { Filter } from '../protocol/filter/ast.js';
import { compileElementFilters } from '../protocol/filter/evaluate.js';
import { getOwn } from '../protocol/attribute-access.js';
import { findStructureProblem, isJsonObject } from '../protocol/json-value.js';
import { PATCH_VALUE_OPTIONS } from '../protocol/patch/apply.js';
import type { PatchOperation } from '../protocol/patch/operation.js';
import type { Steps } from '../protocol/steps.js';
import { PATCH_LIMITS, readPatchOperation } from '../protocol/patch/request.js';
import type { AttributeDefinition, ResourceSchema } from '../protocol/schema-types.js';
import { memberKey, memberValue, type Member } from './member-list.js';

/** One member operation, its values already coerced as applyPatch coerces them. */
export type MemberStep =
  /** `add` path `members`: each record merged into the member with its value, or appended. */
  | { kind: 'add'; records: Member[] }
  /** `remove` path `members` with the members to remove as the value (Entra ID). */
  | { kind: 'remove'; records: Member[] }
  /** `remove` path `members[value eq "…"]`: the members under `key` that `matches` selects. */
  | { kind: 'removeWhere'; key: string; matches: (member: unknown) => boolean };

export interface GroupPatchPlan {
  membersAttribute: AttributeDefinition;
  /** The member operations, in request order. */
  memberSteps: MemberStep[];
  /** The operations that do not touch `members`, in request order: applyPatch applies them. */
  otherOperations: PatchOperation[];
}

/**
 * The plan, or undefined when the request must go through applyPatch on the whole group: an
 * operation that does not read (applyPatch then reports it as always), a value that does not
 * coerce, a member without a `value`, `replace` of the members or `remove` of all of them, a filter
 * other than `value eq "…"`, a sub-attribute of members, members inside a value object. As steps,
 * one an operation: a store that pauses between them keeps a request of a thousand member
 * operations (their paths parsed one by one) from holding the event loop for all of them.
 */
export function* groupPatchPlanSteps(
  operations: readonly PatchOperation[],
  schema: ResourceSchema,
): Steps<GroupPatchPlan | undefined> {
  const membersAttribute = schema.resolve({ name: 'members' })?.attribute;
  if (membersAttribute === undefined || !Array.isArray(operations)) return undefined;
  const plan: GroupPatchPlan = { membersAttribute, memberSteps: [], otherOperations: [] };
  try {
    for (const [index, raw] of operations.entries()) {
      if (index > 0) yield;
      // applyPatch refuses such a value whatever it names, with errors of its own.
      if (findStructureProblem(getOwn(raw, 'value'), PATCH_LIMITS.maxDepth) !== undefined) return undefined;
      const { operation, patchPath } = readPatchOperation(raw, index);
      if (patchPath === undefined) {
        if (namesMembers(operation.value, schema, membersAttribute)) return undefined;
        plan.otherOperations.push(operation);
        continue;
      }
      const isExtension = schema.extension((operation.path as string).trim()) !== undefined;
      const resolved = isExtension ? undefined : schema.resolve(patchPath.path);
      if (resolved?.attribute !== membersAttribute || resolved.extension) {
        plan.otherOperations.push(operation);
        continue;
      }
      const step = memberStep(operation, patchPath, resolved.subAttribute, membersAttribute);
      if (step === undefined) return undefined;
      plan.memberSteps.push(step);
    }
  } catch (error) {
    if (error instanceof ScimError) return undefined;
    throw error;
  }
  return plan;
}

function memberStep(
  operation: PatchOperation,
  patchPath: { filter?: Filter; valueSubAttr?: string },
  subAttribute: AttributeDefinition | undefined,
  membersAttribute: AttributeDefinition,
): MemberStep | undefined {
  if (subAttribute !== undefined || patchPath.valueSubAttr !== undefined) return undefined;
  if (patchPath.filter !== undefined) {
    const key = valueEqKey(patchPath.filter);
    if (operation.op !== 'remove' || key === undefined) return undefined;
    return { kind: 'removeWhere', key, matches: compileElementFilters([patchPath.filter], membersAttribute) };
  }
  if (operation.op === 'replace' || operation.value === undefined || operation.value === null)
    return undefined;
  const records = coerceAttributeValue(operation.value, membersAttribute, 'members', PATCH_VALUE_OPTIONS);
  const members = (records as unknown[] | undefined) ?? [];
  if (!members.every((member) => isJsonObject(member) && memberValue(member) !== undefined)) return undefined;
  return { kind: operation.op, records: members as Member[] };
}

/** The index key of `value eq "<text>"`, the one filter a member index answers. */
function valueEqKey(filter: Filter): string | undefined {
  if (filter.kind !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
  const { path } = filter;
  if (path.uri !== undefined || path.subAttr !== undefined || path.name.toLowerCase() !== 'value')
    return undefined;
  return filter.value === '' ? undefined : memberKey(filter.value);
}

/** Whether a value object (an operation without a path) names `members`. */
function namesMembers(
  value: unknown,
  schema: ResourceSchema,
  membersAttribute: AttributeDefinition,
): boolean {
  if (!isJsonObject(value)) return false;
  for (const { path } of attributeKeys(value, schema)) {
    if (schema.resolve(path)?.attribute === membersAttribute) return true;
  }
  return false;
}
