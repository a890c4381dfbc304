// A request's logger that makes its pino child (the one holding the request id) only when something is logged through it.
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level, LevelWithSilentOrString, Logger } from 'pino';

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

  // Methods on the prototype, not arrow fields: a request must not pay for seven closures.
  fatal(...args: unknown[]): void {
    this.forward('fatal', args);
  }

  error(...args: unknown[]): void {
    this.forward('error', args);
  }

  warn(...args: unknown[]): void {
    this.forward('warn', args);
  }

  info(...args: unknown[]): void {
    this.forward('info', args);
  }

  debug(...args: unknown[]): void {
    this.forward('debug', args);
  }

  trace(...args: unknown[]): void {
    this.forward('trace', args);
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
