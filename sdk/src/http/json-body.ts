// Reads a JSON request body safely: UTF-8 only, bounded nesting and keys, no prototype keys, every failure a 400.
import { ScimError } from '../protocol/errors.js';

/** Deeper than any SCIM message needs (a PATCH value is a handful of levels); deeper is refused. */
export const MAX_JSON_DEPTH = 64;

function invalid(reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason });
}

/**
 * Most keys one object of a body may have. A SCIM resource has a few dozen attributes; a million
 * unknown keys blocked the server 10 s (checking each against the schemas, and the JSON reviver).
 */
export const MAX_JSON_KEYS_PER_OBJECT = 1_000;

/**
 * Most keys in one body, all objects together: room for a group of 100,000 members (the most values
 * of one attribute) with `value`, `display` and `type` each, not for millions of keys spread over
 * many objects.
 */
export const MAX_JSON_KEYS = 400_000;

export interface JsonShape {
  /** The deepest nesting of arrays and objects. */
  depth: number;
  /** Keys in all objects together. */
  keys: number;
  /** Keys of the object that has the most. */
  widestObject: number;
}

/**
 * The nesting and the keys of JSON text, counted without parsing (a key is a `:` outside strings),
 * so that a 20,000-deep or million-key body is refused before any recursive or per-key code sees
 * it. Counting stops once a measure passes its `stopAt`.
 */
export function jsonShape(text: string, stopAt: Partial<JsonShape> = {}): JsonShape {
  const { depth: maxDepth = Infinity, keys: maxKeys = Infinity, widestObject: maxWidth = Infinity } = stopAt;
  const shape: JsonShape = { depth: 0, keys: 0, widestObject: 0 };
  // Keys so far of each open object; -1 for an open array.
  const open: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      open.push(c === 0x7b ? 0 : -1);
      if (open.length > shape.depth) {
        shape.depth = open.length;
        if (shape.depth > maxDepth) return shape;
      }
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x3a && open.length > 0) {
      const keys = (open[open.length - 1] as number) + 1;
      open[open.length - 1] = keys;
      shape.keys++;
      if (keys > shape.widestObject) shape.widestObject = keys;
      if (shape.keys > maxKeys || shape.widestObject > maxWidth) return shape;
    }
  }
  return shape;
}

/** The deepest nesting of arrays and objects in JSON text (see jsonShape). */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  return jsonShape(text, { depth: stopAt }).depth;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A body's bytes as text; bytes that are not UTF-8 are a 400, never replaced with U+FFFD and stored. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw invalid('the body is not valid UTF-8');
  }
}

/** `__proto__` anywhere, or `constructor.prototype`, could poison objects merged from the body later. */
function refusePrototypeKeys(this: unknown, key: string, value: unknown): unknown {
  if (
    key === '__proto__' ||
    (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)
  ) {
    throw invalid(`the key "${key}" is not allowed`);
  }
  return value;
}

/**
 * Parses a request body; throws ScimError invalidSyntax for malformed, too deep or poisoned JSON,
 * SCIM_ERR_TOO_MANY_KEYS for more keys than MAX_JSON_KEYS_PER_OBJECT or MAX_JSON_KEYS.
 * An empty body is no body (`undefined`): clients send a JSON Content-Type on DELETE too, and a
 * route that needs a body refuses `undefined` itself.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  const shape = jsonShape(text, {
    depth: MAX_JSON_DEPTH,
    keys: MAX_JSON_KEYS,
    widestObject: MAX_JSON_KEYS_PER_OBJECT,
  });
  if (shape.depth > MAX_JSON_DEPTH) throw invalid(`the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (shape.widestObject > MAX_JSON_KEYS_PER_OBJECT)
    throw new ScimError('SCIM_ERR_TOO_MANY_KEYS', {
      limit: `${MAX_JSON_KEYS_PER_OBJECT} keys in one object`,
    });
  if (shape.keys > MAX_JSON_KEYS)
    throw new ScimError('SCIM_ERR_TOO_MANY_KEYS', { limit: `${MAX_JSON_KEYS} keys in all` });
  try {
    return JSON.parse(text, refusePrototypeKeys);
  } catch (err) {
    if (err instanceof ScimError) throw err;
    throw invalid('the body is not valid JSON');
  }
}
