// Plain-JSON helpers shared by validation, PATCH and projection: object test, copy, forbidden keys.

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
  return FORBIDDEN_KEYS.has(key.toLowerCase());
}

/**
 * A deep copy of a JSON value; never shares an object or array with its input. Forbidden keys are
 * left out: assigning an own `__proto__` key (JSON.parse makes them) would set the copy's prototype.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (!isForbiddenKey(key)) copy[key] = cloneJson(item);
    return copy as T;
  }
  return value;
}

/**
 * The first forbidden key anywhere in a JSON value, or nesting deeper than `maxDepth` (the root
 * object or array is depth 1). Iterative, so a hostile depth cannot overflow the stack.
 */
export function findStructureProblem(
  value: unknown,
  maxDepth: number,
): { forbiddenKey: string } | { tooDeep: true } | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > maxDepth) return { tooDeep: true };
    if (Array.isArray(item)) {
      for (const element of item) stack.push([element, depth + 1]);
      continue;
    }
    for (const [key, element] of Object.entries(item)) {
      if (isForbiddenKey(key)) return { forbiddenKey: key };
      stack.push([element, depth + 1]);
    }
  }
  return undefined;
}
