// Scans JSON text as it arrives, chunk by chunk: its shape (nesting, keys, forbidden keys) and where a large value can be cut into pieces.

/** What a scan found out about JSON text, without parsing it. */
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

/**
 * A run of whole members of a container (`[start, end)` of the text, without the brackets), or one
 * member whose value is a large container of its own, cut into pieces in turn.
 */
export type JsonPiece =
  { run: [start: number, end: number] } | { member: [start: number, end: number]; value: JsonNode };

/** A container at least PIECE_CHARS long: `[start, end]` holds its brackets. */
export interface JsonNode {
  kind: 'object' | 'array';
  start: number;
  end: number;
  pieces: JsonPiece[];
}

/** About the text one JSON.parse call gets: short enough to take well under a millisecond. */
export const PIECE_CHARS = 32_768;

/** An open container while scanning. */
interface Frame {
  object: boolean;
  start: number;
  keys: number;
  /** Is the value of a `constructor` key (a `prototype` key in it is forbidden). */
  underConstructor: boolean;
  /** Where the members not yet in a piece begin (after the bracket or a comma). */
  runStart: number;
  /** Where the current member begins. */
  memberStart: number;
  /** The large container that is the current member's value, if it is one. */
  large: JsonNode | undefined;
  pieces: JsonPiece[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Counts the nesting and the keys of JSON text without parsing it (a key is a `:` outside strings),
 * so that a 20,000-deep or million-key body is refused before any recursive or per-key code sees it,
 * while it is still arriving; it finds the first forbidden key (checked here rather than by a
 * JSON.parse reviver, which made parsing a large body three to four times slower), and records
 * where large containers can be cut so that parsing them can be done piece by piece (parseInPieces).
 * Scanning stops once a measure passes its `stopAt`, or at a forbidden key: `stopped` is then true.
 */
export class JsonScanner {
  readonly shape: JsonShape = { depth: 0, keys: 0, widestObject: 0, distinctKeys: 0 };
  /** The outermost container when it is large (a cut tree for parseInPieces), else undefined. */
  root: JsonNode | undefined;
  /** Brackets that do not match, or text after the end: the body is not JSON (JSON.parse says where). */
  malformed = false;
  stopped = false;
  private readonly stopAt: Required<Omit<JsonShape, 'forbiddenKey'>>;
  private readonly names = new Set<string>();
  private readonly open: Frame[] = [];
  /** The chunks so far and where each begins: a key can straddle two. */
  private readonly chunks: string[] = [];
  private readonly chunkStarts: number[] = [];
  private length = 0;
  private inString = false;
  private skipNext = false;
  private stringOpen = 0;
  private stringClose = 0;
  private escaped = false;
  /** After a `constructor` key's `:`, until the next non-blank character. */
  private afterConstructor = false;

  /** `pieceChars`: the size from which a container is cut into pieces (PIECE_CHARS; smaller in tests). */
  constructor(
    stopAt: Partial<JsonShape> = {},
    private readonly pieceChars = PIECE_CHARS,
  ) {
    this.stopAt = {
      depth: stopAt.depth ?? Infinity,
      keys: stopAt.keys ?? Infinity,
      widestObject: stopAt.widestObject ?? Infinity,
      distinctKeys: stopAt.distinctKeys ?? Infinity,
    };
  }

  /** The text fed so far. */
  text(): string {
    return this.chunks.join('');
  }

  /** Whether all the text fed so far is blank. */
  get blank(): boolean {
    return this.shape.depth === 0 && this.chunks.every((chunk) => chunk.trim() === '');
  }

  /** Scans the next chunk of the text; does nothing once stopped. */
  feed(chunk: string): void {
    const base = this.length;
    this.chunks.push(chunk);
    this.chunkStarts.push(base);
    this.length += chunk.length;
    if (this.stopped) return;
    const open = this.open;
    let i = 0;
    if (this.skipNext) {
      this.skipNext = false;
      i = 1;
    }
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (c === BACKSLASH) {
          if (i + 1 === chunk.length) this.skipNext = true;
          i++;
          this.escaped = true;
        } else if (c === QUOTE) {
          this.inString = false;
          this.stringClose = base + i;
        }
        continue;
      }
      if (isWhitespace(c)) continue;
      const afterConstructor = this.afterConstructor;
      this.afterConstructor = false;
      if (c === QUOTE) {
        this.inString = true;
        this.stringOpen = base + i;
        this.escaped = false;
      } else if (c === 0x7b || c === 0x5b) {
        if (open.length === 0 && this.shape.depth > 0) this.malformed = true;
        const start = base + i;
        open.push({
          object: c === 0x7b,
          start,
          keys: 0,
          underConstructor: c === 0x7b && afterConstructor,
          runStart: start + 1,
          memberStart: start + 1,
          large: undefined,
          pieces: [],
        });
        if (open.length > this.shape.depth) {
          this.shape.depth = open.length;
          if (this.shape.depth > this.stopAt.depth) return this.stop();
        }
      } else if (c === 0x7d || c === 0x5d) {
        const frame = open.pop();
        if (frame === undefined || frame.object !== (c === 0x7d)) {
          this.malformed = true;
          return this.stop();
        }
        this.close(frame, base + i);
      } else if (c === 0x2c) {
        const frame = open[open.length - 1];
        if (frame !== undefined) this.endMember(frame, base + i);
      } else if (c === 0x3a && open.length > 0) {
        if (this.key(open[open.length - 1] as Frame)) return this.stop();
      }
    }
  }

  /** Ends the scan: text that stops inside a string or a container is not JSON. */
  finish(): void {
    if (this.inString || this.open.length > 0) this.malformed = true;
  }

  private stop(): void {
    this.stopped = true;
  }

  /** Counts the key whose `:` was just read; true when the scan must stop. */
  private key(frame: Frame): boolean {
    const shape = this.shape;
    const keys = ++frame.keys;
    shape.keys++;
    if (keys > shape.widestObject) shape.widestObject = keys;
    const raw = this.slice(this.stringOpen + 1, this.stringClose);
    this.names.add(raw);
    shape.distinctKeys = this.names.size;
    if (
      shape.keys > this.stopAt.keys ||
      shape.widestObject > this.stopAt.widestObject ||
      shape.distinctKeys > this.stopAt.distinctKeys
    )
      return true;
    const key = keyOf(raw, this.escaped);
    this.afterConstructor = key === 'constructor';
    if (key === '__proto__' || (key === 'prototype' && frame.underConstructor)) {
      shape.forbiddenKey = key === '__proto__' ? key : 'constructor';
      return true;
    }
    return false;
  }

  /** A member of `frame` ends at `end` (its comma or closing bracket): cut a piece when it is time. */
  private endMember(frame: Frame, end: number): void {
    if (frame.large !== undefined) {
      if (frame.memberStart > frame.runStart)
        frame.pieces.push({ run: [frame.runStart, frame.memberStart - 1] });
      frame.pieces.push({ member: [frame.memberStart, end], value: frame.large });
      frame.large = undefined;
      frame.runStart = end + 1;
    } else if (end - frame.runStart >= this.pieceChars) {
      frame.pieces.push({ run: [frame.runStart, end] });
      frame.runStart = end + 1;
    }
    frame.memberStart = end + 1;
  }

  private close(frame: Frame, end: number): void {
    if (end - frame.start + 1 < this.pieceChars) return;
    this.endMember(frame, end);
    // Even a blank last run: after a comma it is a missing member, which parsing refuses.
    if (frame.runStart <= end) frame.pieces.push({ run: [frame.runStart, end] });
    const node: JsonNode = {
      kind: frame.object ? 'object' : 'array',
      start: frame.start,
      end,
      pieces: frame.pieces,
    };
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) this.root = node;
    else parent.large = node;
  }

  /** Text from absolute `start` to `end`, across chunks when it straddles them. */
  private slice(start: number, end: number): string {
    const last = this.chunks.length - 1;
    const lastStart = this.chunkStarts[last] as number;
    if (start >= lastStart) return (this.chunks[last] as string).slice(start - lastStart, end - lastStart);
    let text = '';
    for (let k = 0; k <= last; k++) {
      const from = this.chunkStarts[k] as number;
      const chunk = this.chunks[k] as string;
      if (from + chunk.length <= start || from >= end) continue;
      text += chunk.slice(Math.max(0, start - from), end - from);
    }
    return text;
  }
}

/** A key's name, decoded only where it could be a forbidden one (same length, or escaped). */
function keyOf(raw: string, escaped: boolean): string | undefined {
  if (!escaped) return raw.length === 9 || raw.length === 11 ? raw : undefined;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined; // A malformed string: parsing the body reports it.
  }
}
