// Reads a JSON request body safely: UTF-8 only, bounded nesting, no prototype keys, every failure a 400 invalidSyntax.
import { ScimError } from '../protocol/errors.js';

/** Deeper than any SCIM message needs (a PATCH value is a handful of levels); deeper is refused. */
export const MAX_JSON_DEPTH = 64;

function invalid(reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason });
}

/**
 * The deepest nesting of arrays and objects in JSON text, counted without parsing, so that a
 * 20,000-deep body is refused before any recursive code sees it.
 */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
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
 * Parses a request body; throws ScimError invalidSyntax for malformed, too deep or poisoned JSON.
 * An empty body is no body (`undefined`): clients send a JSON Content-Type on DELETE too, and a
 * route that needs a body refuses `undefined` itself.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw invalid(`the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text, refusePrototypeKeys);
  } catch (err) {
    if (err instanceof ScimError) throw err;
    throw invalid('the body is not valid JSON');
  }
}
