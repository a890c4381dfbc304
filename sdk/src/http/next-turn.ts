// Lets the event loop run what waits (other requests, /healthz) between the stages and pieces of a long request.
import { setImmediate } from 'node:timers/promises';

/**
 * Resolves on the next turn of the event loop, after pending I/O. A request that parses, validates,
 * applies, stores and writes a large resource awaits this between those stages, so that no single
 * piece of synchronous work holds every other request back for the sum of them all.
 */
export function nextTurn(): Promise<void> {
  return setImmediate();
}

/**
 * Most time, in ms, that work done in pieces runs before it lets the event loop turn: short beside
 * a /healthz answer, long beside the cost of one turn.
 */
export const SLICE_MS = 4;

/** Work done in many small pieces, cut into slices of at most about SLICE_MS between turns. */
export interface Slicer {
  /** Whether the current slice has run its time: the work should let the event loop turn. */
  readonly due: () => boolean;
  /** Lets the event loop turn, and starts a new slice. */
  readonly turn: () => Promise<void>;
  /** Awaited after each piece: a turn once the slice is due, nothing otherwise. */
  readonly pause: () => Promise<void>;
}

export function slicer(sliceMs = SLICE_MS): Slicer {
  let since = performance.now();
  const due = () => performance.now() - since >= sliceMs;
  const turn = async () => {
    await nextTurn();
    since = performance.now();
  };
  return {
    due,
    turn,
    pause: async () => {
      if (due()) await turn();
    },
  };
}
