// Parses SCIM filters (RFC 7644 §3.4.2.2, Figure 1) and PATCH paths (§3.5.2) into the filter AST.
import { ScimError } from '../errors.js';
import type { AttrPath, CompareOp, Filter, FilterValue, PatchPath } from './ast.js';

/** Bounds checked before parsing, so that no input can exhaust time or stack. */
export interface FilterLimits {
  /** Most characters a filter may have. */
  maxLength?: number;
  /** Most nested parentheses, `not (…)` and value paths `[…]`. */
  maxDepth?: number;
}

export const DEFAULT_FILTER_LIMITS: Readonly<Required<FilterLimits>> = { maxLength: 8192, maxDepth: 64 };

/** Depth beyond which recursion could threaten the stack, whatever limit a caller asks for. */
const HARD_MAX_DEPTH = 1000;

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const ATTRNAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Characters that end a word: whitespace, parentheses, brackets and the string quote. */
function isDelimiter(code: number): boolean {
  return isSpace(code) || code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d || code === 0x22;
}

function describe(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the filter';
  const ch = text[pos] as string;
  if (ch === '"') return 'a quoted string';
  const word = /^[^\s()[\]"]+/.exec(text.slice(pos, pos + 40))?.[0];
  return word === undefined ? `"${ch}"` : `"${word}"`;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private inValuePath = false;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly fail: (reason: string, position: number) => never,
  ) {}

  parseWholeFilter(): Filter {
    this.skipSpace();
    if (this.atEnd()) this.fail('the filter is empty', this.pos);
    const filter = this.parseOr();
    this.skipSpace();
    if (!this.atEnd()) this.failTrailing('the end of the filter');
    return filter;
  }

  parseWholePatchPath(): PatchPath {
    this.skipSpace();
    const start = this.pos;
    const word = this.readWord();
    if (word === '') this.fail(`expected an attribute path, found ${describe(this.text, start)}`, start);
    const path = this.toAttrPath(word, start);
    const result: PatchPath = { path };
    if (this.peekCode() === 0x5b) {
      result.filter = this.parseValueFilter(path, start);
      if (this.peekCode() === 0x2e) {
        this.pos++;
        const subStart = this.pos;
        const sub = this.readWord();
        if (sub === '') this.fail('expected a sub-attribute name after "]."', subStart);
        this.checkName(sub, subStart);
        result.valueSubAttr = sub;
      }
    }
    this.skipSpace();
    if (!this.atEnd()) this.fail(`unexpected ${describe(this.text, this.pos)} after the path`, this.pos);
    return result;
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private peekCode(): number {
    return this.text.charCodeAt(this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private readWord(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isDelimiter(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Whether the next word (after spaces) is `keyword`, in any case; consumes nothing. */
  private atKeyword(keyword: string): boolean {
    const text = this.text;
    let p = this.pos;
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    for (let i = 0; i < keyword.length; i++) {
      // `| 0x20` lower-cases ASCII letters; keywords are all letters.
      if ((text.charCodeAt(p + i) | 0x20) !== keyword.charCodeAt(i)) return false;
    }
    const after = p + keyword.length;
    return after >= text.length || isDelimiter(text.charCodeAt(after));
  }

  private enter(position: number): void {
    this.depth++;
    if (this.depth > this.maxDepth) {
      this.fail(`the filter is nested more than ${this.maxDepth} levels deep`, position);
    }
  }

  private failTrailing(expected: string): never {
    const code = this.peekCode();
    if (code === 0x29) this.fail('unbalanced parenthesis: ")" without a matching "("', this.pos);
    if (code === 0x5d) this.fail('"]" without a matching "["', this.pos);
    this.fail(`expected "and", "or" or ${expected}, found ${describe(this.text, this.pos)}`, this.pos);
  }

  private parseOr(): Filter {
    let left = this.parseAnd();
    while (this.atKeyword('or')) {
      this.skipSpace();
      this.pos += 2;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Filter {
    let left = this.parseUnary();
    while (this.atKeyword('and')) {
      this.skipSpace();
      this.pos += 3;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  /** `( filter )` with its closing parenthesis; the caller has seen the `(`. */
  private parseGroup(): Filter {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    this.skipSpace();
    if (this.peekCode() === 0x29) this.fail('empty parentheses', this.pos);
    const inner = this.parseOr();
    this.skipSpace();
    if (this.atEnd()) {
      this.fail(`unbalanced parenthesis: the "(" at position ${open} is never closed`, this.pos);
    }
    if (this.peekCode() !== 0x29) this.failTrailing('")"');
    this.pos++;
    this.depth--;
    return inner;
  }

  private parseUnary(): Filter {
    this.skipSpace();
    const start = this.pos;
    if (this.atEnd()) this.fail('expected an attribute path, found the end of the filter', start);
    const code = this.peekCode();
    if (code === 0x28) return this.parseGroup();
    if (code === 0x22)
      this.fail('expected an attribute path, found a quoted string (a value with no attribute)', start);
    if (code === 0x29 || code === 0x5d || code === 0x5b) {
      this.fail(`expected an attribute path, found "${this.text[start] as string}"`, start);
    }
    const word = this.readWord();
    if (word.length === 3 && word.toLowerCase() === 'not' && this.startsNot()) {
      this.skipSpace();
      return { kind: 'not', filter: this.parseGroup() };
    }
    const path = this.toAttrPath(word, start);
    if (this.peekCode() === 0x5b)
      return { kind: 'valuePath', path, filter: this.parseValueFilter(path, start) };
    return this.parseOperation(path, word);
  }

  /** After the word `not`: whether it is the logical operator rather than an attribute named "not". */
  private startsNot(): boolean {
    const save = this.pos;
    this.skipSpace();
    const code = this.peekCode();
    if (code === 0x28) {
      this.pos = save;
      return true;
    }
    const next = this.readWord().toLowerCase();
    this.pos = save;
    if (code === 0x5b || next === 'pr' || COMPARE_OPS.has(next)) return false;
    this.fail('expected "(" after "not"', save);
  }

  private parseValueFilter(path: AttrPath, start: number): Filter {
    const open = this.pos;
    if (this.inValuePath) this.fail('value filters cannot be nested', open);
    if (path.subAttr !== undefined) {
      this.fail('a value filter "[...]" follows a multi-valued attribute, not a sub-attribute', open);
    }
    this.enter(start);
    this.inValuePath = true;
    this.pos++;
    this.skipSpace();
    if (this.peekCode() === 0x5d) this.fail('empty value filter "[]"', this.pos);
    const inner = this.parseOr();
    this.skipSpace();
    if (this.atEnd()) this.fail(`the "[" at position ${open} is never closed`, this.pos);
    if (this.peekCode() !== 0x5d) this.failTrailing('"]"');
    this.pos++;
    this.inValuePath = false;
    this.depth--;
    return inner;
  }

  private parseOperation(path: AttrPath, pathText: string): Filter {
    this.skipSpace();
    const opStart = this.pos;
    const opWord = this.readWord();
    if (opWord === '') {
      this.fail(`expected an operator after ${pathText}, found ${describe(this.text, opStart)}`, opStart);
    }
    const op = opWord.toLowerCase();
    if (op === 'pr') return { kind: 'present', path };
    if (!COMPARE_OPS.has(op)) {
      this.fail(`expected an operator after ${pathText}, found unknown operator "${opWord}"`, opStart);
    }
    return { kind: 'compare', path, op: op as CompareOp, value: this.parseValue(opWord) };
  }

  private parseValue(opWord: string): FilterValue {
    this.skipSpace();
    const start = this.pos;
    if (this.atEnd()) this.fail(`expected a value after "${opWord}", found the end of the filter`, start);
    if (this.peekCode() === 0x22) return this.parseString();
    const word = this.readWord();
    if (word === '')
      this.fail(`expected a value after "${opWord}", found ${describe(this.text, start)}`, start);
    const lower = word.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (NUMBER.test(word)) {
      const number = Number(word);
      if (!Number.isFinite(number)) this.fail(`the number ${word} is out of range`, start);
      return number;
    }
    // Tolerated: some clients send bare words (`userName sw O`); they are strings.
    return word;
  }

  private parseString(): string {
    const start = this.pos;
    const text = this.text;
    let end = start + 1;
    let plain = true;
    for (;;) {
      if (end >= text.length) this.fail('unclosed string', start);
      const code = text.charCodeAt(end);
      if (code === 0x22) break;
      if (code === 0x5c) {
        plain = false;
        end += 2;
      } else {
        if (code < 0x20) plain = false;
        end++;
      }
    }
    this.pos = end + 1;
    // Most values hold no escape or control character and need no JSON decoding.
    if (plain) return text.slice(start + 1, end);
    try {
      return JSON.parse(text.slice(start, end + 1)) as string;
    } catch {
      return this.fail('invalid string: bad escape sequence or raw control character', start);
    }
  }

  private checkName(name: string, position: number): void {
    if ((name.length === 9 || name.length === 11) && RESERVED.has(name.toLowerCase()))
      this.fail(`"${name}" is not allowed as an attribute name`, position);
    if (!ATTRNAME.test(name) && name.toLowerCase() !== '$ref') {
      this.fail(`invalid attribute name "${name}"`, position);
    }
  }

  /** `[uri:]name[.subAttr]`: the URI is everything up to the last ":". */
  private toAttrPath(word: string, start: number): AttrPath {
    const colon = word.lastIndexOf(':');
    const uri = colon < 0 ? undefined : word.slice(0, colon);
    if (uri === '') this.fail('empty schema URI before ":"', start);
    const rest = word.slice(colon + 1);
    const restStart = start + colon + 1;
    if (rest === '') this.fail('expected an attribute name after the schema URI', restStart);
    const dot = rest.indexOf('.');
    const name = dot < 0 ? rest : rest.slice(0, dot);
    this.checkName(name, restStart);
    const path: AttrPath = uri === undefined ? { name } : { uri, name };
    if (dot >= 0) {
      const subAttr = rest.slice(dot + 1);
      const extraDot = subAttr.indexOf('.');
      if (extraDot >= 0)
        this.fail(`too many "." in attribute path "${word}"`, restStart + dot + 1 + extraDot);
      this.checkName(subAttr, restStart + dot + 1);
      path.subAttr = subAttr;
    }
    return path;
  }
}

function effectiveLimits(limits: FilterLimits | undefined): Required<FilterLimits> {
  return {
    maxLength: limits?.maxLength ?? DEFAULT_FILTER_LIMITS.maxLength,
    maxDepth: Math.min(limits?.maxDepth ?? DEFAULT_FILTER_LIMITS.maxDepth, HARD_MAX_DEPTH),
  };
}

/**
 * Parses a `filter` parameter. Keywords and operators are case-insensitive; bare words are read as
 * strings. Any problem is a ScimError `SCIM_ERR_INVALID_FILTER` (400 invalidFilter) with the 0-based
 * `position` where it was found.
 */
export function parseFilter(text: string, limits?: FilterLimits): Filter {
  const fail = (reason: string, position: number): never => {
    throw new ScimError('SCIM_ERR_INVALID_FILTER', { position, reason }, { position });
  };
  if (typeof text !== 'string') return fail('the filter is not a string', 0);
  const { maxLength, maxDepth } = effectiveLimits(limits);
  if (text.length > maxLength) fail(`the filter is longer than ${maxLength} characters`, maxLength);
  return new Parser(text, maxDepth, fail).parseWholeFilter();
}

/**
 * Parses a PATCH `path`: `attrPath`, or `valuePath` optionally followed by `.subAttr`. Any problem
 * is a ScimError `SCIM_ERR_INVALID_PATH` (400 invalidPath) naming the path, with a `position`.
 */
export function parsePatchPath(text: string, limits?: FilterLimits): PatchPath {
  const shown = typeof text === 'string' && text.length > 200 ? `${text.slice(0, 200)}…` : String(text);
  const fail = (reason: string, position: number): never => {
    throw new ScimError('SCIM_ERR_INVALID_PATH', { path: shown, reason }, { position });
  };
  if (typeof text !== 'string') return fail('the path is not a string', 0);
  const { maxLength, maxDepth } = effectiveLimits(limits);
  if (text.length > maxLength) fail(`the path is longer than ${maxLength} characters`, maxLength);
  return new Parser(text, maxDepth, fail).parseWholePatchPath();
}
