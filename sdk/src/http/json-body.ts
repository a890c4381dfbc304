// Reads a JSON request body safely: UTF-8 only, bounded nesting and keys, no prototype keys, every failure a 400.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { errorCodes } from 'fastify';
import { ScimError } from '../protocol/errors.js';
import { parseInPieces } from './json-pieces.js';
import { JsonScanner, type JsonShape } from './json-scan.js';
import { slicer } from './next-turn.js';

export type { JsonShape } from './json-scan.js';

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
 * not for millions of keys spread over many objects: each key costs parsing and validation, and
 * 400,000 keys of distinct names held the event loop for over a second (issue 9).
 */
export const MAX_JSON_KEYS = 250_000;

/**
 * Most distinct key names in one body. A SCIM body has a few hundred at most, extensions included;
 * JSON.parse builds a new object layout for each new name, so 250,000 distinct names took it 0.3 to
 * 1.2 s on their own (issue 9), while the same count of repeated names (a large group) is cheap.
 */
export const MAX_JSON_DISTINCT_KEYS = 10_000;

/** Characters scanned between two looks at the clock: a fraction of a millisecond. */
const SCAN_CHARS = 8_192;

/** The scan's limits: MAX_JSON_DEPTH and the key limits. */
const BODY_LIMITS = {
  depth: MAX_JSON_DEPTH,
  keys: MAX_JSON_KEYS,
  widestObject: MAX_JSON_KEYS_PER_OBJECT,
  distinctKeys: MAX_JSON_DISTINCT_KEYS,
};

/** The nesting and the keys of JSON text, counted without parsing it (see JsonScanner). */
export function jsonShape(text: string, stopAt: Partial<JsonShape> = {}): JsonShape {
  const scanner = new JsonScanner(stopAt);
  scanner.feed(text);
  return scanner.shape;
}

/** The deepest nesting of arrays and objects in JSON text (see jsonShape). */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  return jsonShape(text, { depth: stopAt }).depth;
}

/** Throws the error for the first limit the scan found passed, or a forbidden key. */
function checkShape({ shape }: JsonScanner): void {
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
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A body's bytes as text; bytes that are not UTF-8 are a 400, never replaced with U+FFFD and stored. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decodeChunk(UTF8, bytes, false);
}

/** One chunk of a body as text (`stream`: more follow, a character may straddle them), as decodeUtf8. */
function decodeChunk(decoder: TextDecoder, bytes: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
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
  const scanner = new JsonScanner(BODY_LIMITS);
  scanner.feed(text);
  checkShape(scanner);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('the body is not valid JSON');
  }
}

/**
 * Reads and parses a request body as it arrives, as parseJsonBody would, in pieces: each chunk is
 * decoded and scanned when it comes, so a body over a limit is refused at the chunk that passes it
 * (the rest is never decoded), and a large body is parsed piece by piece (parseInPieces). No step
 * holds the event loop for the whole body: receiving, decoding and parsing a 16 MiB body in one
 * piece each blocked every other request for 65–300 ms (issue 9). Throws fastify's body-limit
 * errors (too large, a Content-Length that does not match) as fastify's own reader does.
 */
export function readJsonBody(
  payload: Readable,
  headers: IncomingHttpHeaders,
  limit: number,
): Promise<unknown> {
  const contentLength = Number(headers['content-length']);
  if (contentLength > limit) return Promise.reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new JsonScanner(BODY_LIMITS);
  const slices = slicer();
  let received = 0;
  /** Scans text in slices, a turn whenever one is due; throws at the first limit passed. */
  const scan = async (text: string) => {
    for (let at = 0; at < text.length; at += SCAN_CHARS) {
      scanner.feed(at === 0 && text.length <= SCAN_CHARS ? text : text.slice(at, at + SCAN_CHARS));
      if (scanner.stopped) checkShape(scanner);
      await slices.pause();
    }
  };
  return new Promise<string>((resolve, reject) => {
    // Each chunk, then the end, in turn: a chunk can take several turns to scan.
    let work = Promise.resolve();
    let failed = false;
    const stop = (error: Error) => {
      failed = true;
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', stop);
      reject(error);
    };
    const then = (step: () => Promise<void>) => {
      work = work.then(() => (failed ? undefined : step())).catch(stop);
    };
    // The stream waits while a chunk is scanned: chunks that queued up while the loop was busy
    // would otherwise all come in one turn.
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      payload.pause();
      then(async () => {
        if (received > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
        await scan(decodeChunk(decoder, chunk, true));
        payload.resume();
      });
    };
    const onEnd = () => {
      then(async () => {
        if (!Number.isNaN(contentLength) && received !== contentLength)
          throw new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH();
        await scan(decodeChunk(decoder, undefined, false));
        scanner.finish();
        payload.removeListener('error', stop);
        resolve(scanner.text());
      });
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', stop);
    payload.resume();
  }).then(async (text) => {
    if (scanner.blank) return undefined;
    checkShape(scanner);
    try {
      if (scanner.malformed || scanner.root === undefined) return JSON.parse(text) as unknown;
      return await parseInPieces(text, scanner.root, slices.pause);
    } catch {
      throw invalid('the body is not valid JSON');
    }
  });
}
