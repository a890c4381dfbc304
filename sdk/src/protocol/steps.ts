// Work written as a generator that yields between its pieces: run to the end at once, or piece by piece with pauses.

/** A generator that yields (nothing) where the work may stop for a while, and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * Runs the steps to the end, awaiting `pause` after each: a server passes one that lets the event
 * loop turn now and then, so that validating a large body never holds every other request back.
 */
export async function runStepsWithPauses<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause();
  }
}
