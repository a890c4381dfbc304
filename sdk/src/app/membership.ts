// Group membership through an app's own add and remove calls: the difference applied in order, a failure naming what was applied.
import type { ScimMultiValue } from '../protocol/resource.js';
import { partlyApplied } from './app-errors.js';

/** A group member as the app lists it: its id, and its display name when the app gives one. */
export function member(value: unknown, display: unknown): ScimMultiValue {
  return typeof display === 'string' ? { value: String(value), display } : { value: String(value) };
}

/** One kind of membership call (add or remove one member), and what it is called in errors. */
export interface MembershipCall {
  call: string;
  run: (memberId: string) => Promise<void>;
}

/**
 * Makes a group's members `wanted`: one add call per missing member, then one remove call per extra
 * member, in that order. `applied` names the calls already made for this request (the group's own
 * create or update); a failure part-way answers an error naming every call applied and the rest.
 */
export async function changeMembers(
  calls: { add: MembershipCall; remove: MembershipCall },
  current: readonly string[],
  wanted: readonly string[],
  applied: string[],
): Promise<void> {
  const steps = [
    ...wanted.filter((id) => !current.includes(id)).map((id) => ({ kind: calls.add, id })),
    ...current.filter((id) => !wanted.includes(id)).map((id) => ({ kind: calls.remove, id })),
  ];
  for (const [index, step] of steps.entries()) {
    try {
      await step.kind.run(step.id);
    } catch (error) {
      throw partlyApplied(
        error,
        applied,
        steps.slice(index).map((s) => `${s.kind.call} (member ${s.id})`),
      );
    }
    applied.push(`${step.kind.call} (member ${step.id})`);
  }
}
