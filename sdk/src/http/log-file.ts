// A log file written in synchronous batches: lines gather in memory and go out a few kilobytes at a time.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * A line whose text is made when its batch is written, by `text()` (newline included; it must not
 * throw). Under load a line made at once costs several times what the same code costs in a loop over
 * a batch, where its code and data stay in the caches. It holds values, not the request they came
 * from, which would otherwise live on until the batch is written.
 */
export interface DeferredLine {
  text(): string;
}

/** What a deferred line counts for towards a batch's length before it is made: a request line's typical size. */
const DEFERRED_LENGTH = 256;

/** How a LogFile batches: the least it writes at once, and how long a line may wait. */
export interface LogFileOptions {
  /** A batch is written once it holds this many characters. */
  minLength: number;
  /** A line waits at most this long (ms) before its batch is written, however small. */
  flushMs: number;
  /** Where to say that writes fail (once until one succeeds again); stderr by default. */
  report?: (message: string) => void;
}

/**
 * The stream pino writes a file's lines to. pino's own file destination measures the whole pending
 * batch again for every line it appends (3.6 µs a line at 4 KiB batches, more than the line's JSON);
 * this one keeps the lines in a list and a running count. Writes are synchronous: an asynchronous one
 * costs a thread-pool round trip and more CPU per line than the write itself. A write that fails (a
 * full disk) drops its batch and says so once on stderr; the server goes on answering.
 */
export class LogFile {
  readonly minLength: number;
  private readonly fd: number;
  private lines: (string | DeferredLine)[] = [];
  private pending = 0;
  private failing = false;
  private readonly report: (message: string) => void;

  /** Opens (creating its folder) `path` for appending; throws at once when it cannot. */
  constructor(
    readonly path: string,
    options: LogFileOptions,
  ) {
    this.minLength = options.minLength;
    this.report = options.report ?? ((message) => process.stderr.write(`${message}\n`));
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    closeWhenCollected.register(this, this.fd);
    // The timer holds the file weakly: a logger no one holds any more is collected, its file closed.
    const file = new WeakRef(this);
    const timer = setInterval(() => {
      const open = file.deref();
      if (open === undefined) clearInterval(timer);
      else open.flushSync();
    }, options.flushMs);
    timer.unref();
  }

  /** Takes one line (pino's, newline included); writes the batch once it is long enough. */
  write(line: string): boolean {
    this.hold(line, line.length);
    return true;
  }

  /** Takes a line to be made when its batch is written, in its place among the others. */
  writeLater(line: DeferredLine): void {
    this.hold(line, DEFERRED_LENGTH);
  }

  private hold(line: string | DeferredLine, length: number): void {
    this.lines.push(line);
    this.pending += length;
    if (this.pending >= this.minLength) this.flushSync();
  }

  /** Writes every line held, now. */
  flushSync(): void {
    if (this.lines.length === 0) return;
    let batch = '';
    for (const line of this.lines) batch += typeof line === 'string' ? line : line.text();
    const bytes = Buffer.from(batch, 'utf8');
    this.lines = [];
    this.pending = 0;
    try {
      for (let written = 0; written < bytes.length;) {
        written += writeSync(this.fd, bytes, written, bytes.length - written);
      }
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        this.report(
          `scim-connector: cannot write the log file ${this.path} (${code}); its lines are lost until it can`,
        );
      }
      this.failing = true;
    }
  }

  /** pino's flush: writes what is held, then calls back. */
  flush(callback?: (error?: Error) => void): void {
    this.flushSync();
    callback?.();
  }
}
