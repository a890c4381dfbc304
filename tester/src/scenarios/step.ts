// A step of a run as data: the tester method or check it runs, what it exercises and what it needs first.
import type { Dialect, ServiceMethod } from 'scim-connector-sdk';
import type { RunContext } from '../context.js';

export interface StepDefinition {
  /** A tester method name, or `check: …` for a protocol check. */
  name: string;
  /** The service methods the request under test exercises, as the SCIM 1.1 contract names them. */
  exercises: readonly ServiceMethod[];
  /** What must exist before the request under test, in words (shown by --help). */
  prerequisites: readonly string[];
  run(ctx: RunContext): Promise<void>;
}

/** Over SCIM 2.0 clients read before they write (Okta's GET before PUT; PATCH served by read-apply-update). */
const READ_BEFORE_WRITE: Partial<Record<ServiceMethod, ServiceMethod>> = {
  updateUser: 'getUser',
  updateGroup: 'getGroup',
};

export function exercisesIn(step: StepDefinition, dialect: Dialect): ServiceMethod[] {
  const methods = new Set<ServiceMethod>(step.exercises);
  if (dialect === '2.0') {
    for (const method of step.exercises) {
      const read = READ_BEFORE_WRITE[method];
      if (read) methods.add(read);
    }
  }
  return [...methods];
}
