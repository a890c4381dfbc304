// Lets the event loop run what waits (other requests, /healthz) between the stages of a long request.
import { setImmediate } from 'node:timers/promises';

/**
 * Resolves on the next turn of the event loop, after pending I/O. A request that parses, validates,
 * applies, stores and writes a large resource awaits this between those stages, so that no single
 * piece of synchronous work holds every other request back for the sum of them all.
 */
export function nextTurn(): Promise<void> {
  return setImmediate();
}
