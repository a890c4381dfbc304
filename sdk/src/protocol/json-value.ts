// Plain-JSON helpers shared by validation, PATCH and projection: object test, copy, forbidden keys.
import { runSteps, type Steps } from './steps.js';

/** A JSON object (not an array, not null, not a class instance). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Keys that reach an object's prototype when assigned with `obj[key] = …`. JSON.parse makes them
 * plain own keys, but any later assignment by name would pollute, so they are refused everywhere.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  // The length test first: called for every key of every body, mostly with other lengths.
  return (key.length === 9 || key.length === 11) && FORBIDDEN_KEYS.has(key.toLowerCase());
}

/**
 * A deep copy of a JSON value; never shares an object or array with its input. Forbidden keys are
 * left out: assigning an own `__proto__` key (JSON.parse makes them) would set the copy's prototype.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!isForbiddenKey(key)) copy[key] = cloneJson(record[key]);
    return copy as T;
  }
  return value;
}

/**
 * The first forbidden key anywhere in a JSON value, or nesting deeper than `maxDepth` (the root
 * object or array is depth 1). Iterative, so a hostile depth cannot overflow the stack.
 */
export function findStructureProblem(value: unknown, maxDepth: number): StructureProblem | undefined {
  return runSteps(structureProblemSteps(value, maxDepth));
}

export type StructureProblem = { forbiddenKey: string } | { tooDeep: true };

/** Keys and elements looked at between two steps of structureProblemSteps: well under a millisecond. */
const VALUES_PER_STEP = 4_096;

/** findStructureProblem as steps (see runSteps): a body can hold hundreds of thousands of values. */
export function* structureProblemSteps(
  value: unknown,
  maxDepth: number,
): Steps<StructureProblem | undefined> {
  // Two parallel stacks of objects and arrays only: a body can hold hundreds of thousands of values.
  const items: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    items.push(value);
    depths.push(1);
  }
  let seen = 0;
  for (let item = items.pop(); item !== undefined; item = items.pop()) {
    if (seen >= VALUES_PER_STEP) {
      seen = 0;
      yield;
    }
    const depth = depths.pop() as number;
    if (depth > maxDepth) return { tooDeep: true };
    if (Array.isArray(item)) {
      seen += item.length;
      for (const element of item as unknown[]) {
        if (typeof element === 'object' && element !== null) {
          items.push(element);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record);
    seen += keys.length;
    for (const key of keys) {
      if (isForbiddenKey(key)) return { forbiddenKey: key };
      const element = record[key];
      if (typeof element === 'object' && element !== null) {
        items.push(element);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}
