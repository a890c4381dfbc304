// A request's logger that makes its pino child (the one holding the request id) only when something is logged through it.
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level, LevelWithSilentOrString, Logger } from 'pino';

/** The levels a request logger writes at, each through its child. */
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const satisfies readonly Level[];

/**
 * fastify gives every request a pino child bound to the request id. Making one serialises and
 * redacts the bindings at once, a few percent of a read's CPU, yet most requests log nothing through
 * it: their one line is written by the log controller from the request itself. This stands in for
 * the child with fastify's logger interface and makes the child at the first call that needs it.
 */
export class RequestLogger implements FastifyBaseLogger {
  private pinoChild: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get made(): Logger {
    this.pinoChild ??= this.parent.child(this.bindings, this.options);
    return this.pinoChild;
  }

  get level(): LevelWithSilentOrString {
    return this.pinoChild?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: LevelWithSilentOrString) {
    this.made.level = level;
  }

  /** Whether a line at `level` would be written, without making the child when it has no level of its own. */
  isLevelEnabled(level: LevelWithSilentOrString): boolean {
    return this.pinoChild === undefined && this.options.level === undefined
      ? this.parent.isLevelEnabled(level)
      : this.made.isLevelEnabled(level);
  }

  declare fatal: (...args: unknown[]) => void;
  declare error: (...args: unknown[]) => void;
  declare warn: (...args: unknown[]) => void;
  declare info: (...args: unknown[]) => void;
  declare debug: (...args: unknown[]) => void;
  declare trace: (...args: unknown[]) => void;

  // One function per level, shared on the prototype: arrow fields would cost each request six closures.
  static {
    for (const level of LEVELS) {
      Object.defineProperty(this.prototype, level, {
        value(this: RequestLogger, ...args: unknown[]): void {
          this.forward(level, args);
        },
        writable: true,
        configurable: true,
      });
    }
  }

  silent(..._args: unknown[]): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.made.child(bindings, options);
  }

  private forward(level: Level, args: unknown[]): void {
    // A call below the level writes nothing: no child is made for it.
    if (!this.isLevelEnabled(level)) return;
    const made = this.made;
    Reflect.apply(made[level], made, args);
  }
}

/** fastify's `childLoggerFactory`: a RequestLogger in place of each request's child. */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new RequestLogger(logger as Logger, bindings, options);
}
