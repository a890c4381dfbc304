// Finds where and why a JSON text fails to parse, as line and column, for error messages people can act on.

/** A point in a text: 0-based offset, 1-based line and column (column counts UTF-16 code units). */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  reason: string;
}

/** Nesting deeper than this is reported rather than followed, so a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 2_000;

class SyntaxFound extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The first syntax error in `text` (RFC 8259 JSON), or undefined when it is valid. Reasons read like
 * "Unexpected ',' before ']' (trailing comma)" or "Unexpected end of file (expected ',' or '}')".
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFound)) throw error;
    return { ...positionAt(text, error.offset), reason: error.reason };
  }
}

/** Offsets where each element of a top-level array starts (empty when the text is not an array). */
export function topLevelElementOffsets(text: string): number[] {
  const scanner = new Scanner(text);
  try {
    scanner.document();
  } catch (error) {
    if (!(error instanceof SyntaxFound)) throw error;
  }
  return scanner.elementOffsets;
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

class Scanner {
  private pos = 0;
  readonly elementOffsets: number[] = [];

  constructor(private readonly text: string) {}

  document(): void {
    this.whitespace();
    this.value('a value', 0);
    this.whitespace();
    if (this.pos < this.text.length) this.fail(`${this.unexpected()} after the end of the JSON value`);
  }

  private value(expected: string, depth: number): void {
    const char = this.text[this.pos];
    if (char === undefined) this.fail(`Unexpected end of file (expected ${expected})`);
    if (char === '{') return this.object(depth + 1);
    if (char === '[') return this.array(depth + 1);
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    this.fail(`${this.unexpected()} (expected ${expected})`);
  }

  private object(depth: number): void {
    this.enter(depth);
    this.whitespace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}') this.fail(`Unexpected '}' after ',' (trailing comma)`);
        this.fail(`${this.unexpected()} (expected a double-quoted property name)`);
      }
      this.string();
      this.whitespace();
      this.expect(':', "':' after the property name");
      this.whitespace();
      this.value('a value', depth);
      this.whitespace();
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        return;
      }
      this.expect(',', "',' or '}'");
      this.whitespace();
    }
  }

  private array(depth: number): void {
    this.enter(depth);
    this.whitespace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return;
    }
    for (;;) {
      if (this.text[this.pos] === ']') this.fail(`Unexpected ']' after ',' (trailing comma)`);
      if (depth === 1) this.elementOffsets.push(this.pos);
      this.value('a value', depth);
      this.whitespace();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return;
      }
      this.expect(',', "',' or ']'");
      this.whitespace();
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos += 1;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail('Unexpected end of file inside a string', start);
      if (code === 0x22) {
        this.pos += 1;
        return;
      }
      if (code < 0x20) {
        this.fail(
          code === 0x0a
            ? 'Line break inside a string (write it as \\n)'
            : `Control character U+${hex4(code)} inside a string`,
        );
      }
      if (code === 0x5c) {
        const escape = this.text[this.pos + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail('Bad \\u escape: expected four hex digits');
          this.pos += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape))
          this.fail(`Bad escape '\\${escape ?? ''}' in a string`);
        this.pos += 2;
        continue;
      }
      this.pos += 1;
    }
  }

  private number(): void {
    const start = this.pos;
    const token = /^[-+0-9.eE]+/.exec(this.text.slice(start, start + 400))?.[0] ?? '';
    const valid = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(token);
    if (!valid) this.fail(`Bad number '${token}'`, start);
    this.pos += token.length;
  }

  private enter(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`Nested deeper than ${MAX_DEPTH} levels`);
    this.pos += 1;
  }

  private expect(char: string, expected: string): void {
    if (this.text[this.pos] !== char) {
      this.fail(
        this.pos >= this.text.length
          ? `Unexpected end of file (expected ${expected})`
          : `${this.unexpected()} (expected ${expected})`,
      );
    }
    this.pos += 1;
  }

  private whitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos += 1;
  }

  /** Names what stands at the current position: a word whole, anything else as one character. */
  private unexpected(): string {
    if (this.pos >= this.text.length) return 'Unexpected end of file';
    const word = /^[A-Za-z0-9_$]+/.exec(this.text.slice(this.pos, this.pos + 40));
    const shown = word !== null ? word[0] : (this.text[this.pos] as string);
    const code = shown.charCodeAt(0);
    return code < 0x20 || code === 0xfeff ? `Unexpected character U+${hex4(code)}` : `Unexpected '${shown}'`;
  }

  private fail(reason: string, offset = this.pos): never {
    throw new SyntaxFound(offset, reason);
  }
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}
