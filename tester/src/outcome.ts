// What a step of a run ends as, and the exceptions a step throws to say so.
import type { Capability, ServiceMethod } from 'scim-connector-sdk';
import type { Exchange } from './exchange.js';

export type StepStatus = 'pass' | 'fail' | 'skip' | 'not-implemented';

export interface StepResult {
  /** The tester method or the protocol check, e.g. `createNewUser` or `check: 404 with SCIM error body`. */
  name: string;
  capability?: Capability;
  /** The service methods the request under test exercises. */
  exercises: ServiceMethod[];
  status: StepStatus;
  /** Why it failed, was skipped or is not implemented; absent on a pass. */
  message?: string;
  /** HTTP status of the last request of the step. */
  httpStatus?: number;
  ms: number;
  /** Every request of the step with its response, secrets masked. */
  exchanges: Exchange[];
}

/** The step found the server wrong. */
export class StepFailure extends Error {
  override name = 'StepFailure';
}

/** The request under test answered 501. */
export class StepNotImplemented extends Error {
  override name = 'StepNotImplemented';
}

/** The step could not run: a prerequisite is missing or answered 501. */
export class StepSkipped extends Error {
  override name = 'StepSkipped';
}
