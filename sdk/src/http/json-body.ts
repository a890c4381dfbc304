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
 * Most keys in one body, all objects together: room for a whole-group PUT of 50,000 members with
 * five keys each (`value`, `display`, `type`, `$ref` and one more; Okta's agent PUTs whole groups),
 * not for millions of keys spread over many objects. JSON.parse cannot be split, and 400,000 keys
 * of distinct names held the event loop for over a second on its own (issue 9).
 */
export const MAX_JSON_KEYS = 250_000;

/**
 * Most distinct key names in one body. A SCIM body has a few hundred at most, extensions included;
 * JSON.parse builds a new object layout for each new name, so 250,000 distinct names took it 0.3 to
 * 1.2 s on their own (issue 9), while the same count of repeated names (a large group) is cheap.
 */
export const MAX_JSON_DISTINCT_KEYS = 10_000;

export interface JsonShape {
  /** The deepest nesting of arrays and objects. */
  depth: number;
  /** Keys in all objects together. */
  keys: number;
  /** Keys of the object that has the most. */
  widestObject: number;
  /** Distinct key names, as written (two escapes of one name count twice). */
  distinctKeys: number;
  /** A key that could reach a prototype: `__proto__`, or `constructor` holding a `prototype` key. */
  forbiddenKey?: string;
}

/** A key's text, decoded only where it could be a forbidden one (same length, or escaped). */
function keyAt(text: string, open: number, close: number, escaped: boolean): string | undefined {
  const length = close - open - 1;
  if (!escaped) return length === 9 || length === 11 ? text.slice(open + 1, close) : undefined;
  try {
    return JSON.parse(text.slice(open, close + 1)) as string;
  } catch {
    return undefined; // A malformed string: JSON.parse of the whole body reports it.
  }
}

/**
 * The nesting and the keys of JSON text, counted without parsing (a key is a `:` outside strings),
 * so that a 20,000-deep or million-key body is refused before any recursive or per-key code sees
 * it, and the first forbidden key (checked here rather than by a JSON.parse reviver, which made
 * parsing a large body three to four times slower). Counting stops once a measure passes its
 * `stopAt`, or at a forbidden key.
 */
export function jsonShape(text: string, stopAt: Partial<JsonShape> = {}): JsonShape {
  const {
    depth: maxDepth = Infinity,
    keys: maxKeys = Infinity,
    widestObject: maxWidth = Infinity,
    distinctKeys: maxDistinct = Infinity,
  } = stopAt;
  const shape: JsonShape = { depth: 0, keys: 0, widestObject: 0, distinctKeys: 0 };
  const names = new Set<string>();
  // Keys so far of each open object; -1 for an open array.
  const open: number[] = [];
  // Of each open container: whether it is an object that is the value of a `constructor` key.
  const underConstructor: boolean[] = [];
  let inString = false;
  let stringOpen = 0;
  let stringClose = 0;
  let escaped = false;
  // Where the last `constructor` key's `:` was, while no other key has come since.
  let constructorColon = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        i++;
        escaped = true;
      } else if (c === 0x22) {
        inString = false;
        stringClose = i;
      }
    } else if (c === 0x22) {
      inString = true;
      stringOpen = i;
      escaped = false;
    } else if (c === 0x7b || c === 0x5b) {
      open.push(c === 0x7b ? 0 : -1);
      underConstructor.push(
        c === 0x7b && constructorColon >= 0 && text.slice(constructorColon + 1, i).trim() === '',
      );
      if (open.length > shape.depth) {
        shape.depth = open.length;
        if (shape.depth > maxDepth) return shape;
      }
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      underConstructor.pop();
    } else if (c === 0x3a && open.length > 0) {
      const keys = (open[open.length - 1] as number) + 1;
      open[open.length - 1] = keys;
      shape.keys++;
      if (keys > shape.widestObject) shape.widestObject = keys;
      names.add(text.slice(stringOpen + 1, stringClose));
      shape.distinctKeys = names.size;
      if (shape.keys > maxKeys || shape.widestObject > maxWidth || shape.distinctKeys > maxDistinct)
        return shape;
      const key = keyAt(text, stringOpen, stringClose, escaped);
      constructorColon = key === 'constructor' ? i : -1;
      if (
        key === '__proto__' ||
        (key === 'prototype' && underConstructor[underConstructor.length - 1] === true)
      ) {
        shape.forbiddenKey = key === '__proto__' ? key : 'constructor';
        return shape;
      }
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

/**
 * Parses a request body; throws ScimError invalidSyntax for malformed, too deep or poisoned JSON,
 * SCIM_ERR_TOO_MANY_KEYS for more keys than MAX_JSON_KEYS_PER_OBJECT, MAX_JSON_KEYS or
 * MAX_JSON_DISTINCT_KEYS.
 * An empty body is no body (`undefined`): clients send a JSON Content-Type on DELETE too, and a
 * route that needs a body refuses `undefined` itself.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  const shape = jsonShape(text, {
    depth: MAX_JSON_DEPTH,
    keys: MAX_JSON_KEYS,
    widestObject: MAX_JSON_KEYS_PER_OBJECT,
    distinctKeys: MAX_JSON_DISTINCT_KEYS,
  });
  if (shape.depth > MAX_JSON_DEPTH) throw invalid(`the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (shape.widestObject > MAX_JSON_KEYS_PER_OBJECT)
    throw new ScimError('SCIM_ERR_TOO_MANY_KEYS', {
      limit: `${MAX_JSON_KEYS_PER_OBJECT} keys in one object`,
    });
  if (shape.keys > MAX_JSON_KEYS)
    throw new ScimError('SCIM_ERR_TOO_MANY_KEYS', { limit: `${MAX_JSON_KEYS} keys in all` });
  if (shape.distinctKeys > MAX_JSON_DISTINCT_KEYS)
    throw new ScimError('SCIM_ERR_TOO_MANY_KEYS', { limit: `${MAX_JSON_DISTINCT_KEYS} distinct key names` });
  // `__proto__` anywhere, or `constructor.prototype`, could poison objects merged from the body later.
  if (shape.forbiddenKey !== undefined) throw invalid(`the key "${shape.forbiddenKey}" is not allowed`);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('the body is not valid JSON');
  }
}
