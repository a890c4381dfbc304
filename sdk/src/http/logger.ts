// The server's pino options: level info by default, URLs without secret query values, secrets redacted whatever the caller adds.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';
import { destination, symbols, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { LogFile, type DeferredLine } from './log-file.js';

/** Paths pino censors in every log line: credentials in headers, cookies, passwords anywhere we can name. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  'body.password',
  'user.password',
];

const CENSOR = '[redacted]';

/**
 * Query parameters whose values are logged: SCIM's paging, sorting and projection, which say what a
 * client asked for and carry no data. Every other value is redacted: `filter` quotes attribute
 * values (a userName, an email, `password eq "…"`), and a client may put a credential in any
 * parameter (`access_token`, a signature).
 */
const LOGGED_PARAMETERS = new Set(
  ['startIndex', 'count', 'sortBy', 'sortOrder', 'attributes', 'excludedAttributes'].map((name) =>
    name.toLowerCase(),
  ),
);

/** A parameter name that reads as a name; anything else (a bare token as `?abc123…`) is not logged. */
const PLAIN_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/;

/**
 * A request URL as the log holds it: the path, and of the query each parameter's name, its value only
 * for the parameters in LOGGED_PARAMETERS. The names stay so that a log still tells which
 * parameters a client sent.
 */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const parameters = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      if (!PLAIN_NAME.test(name)) return CENSOR;
      if (equals < 0) return name;
      return LOGGED_PARAMETERS.has(name.toLowerCase()) ? pair : `${name}=${CENSOR}`;
    });
  return `${url.slice(0, at)}?${parameters.join('&')}`;
}

/** fastify's request serializer, with the URL as loggedUrl gives it. */
function requestSerializer(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: loggedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * Logger options by which a caller can put more into a request line than the serializers here give
 * (a `res` serializer with headers, a mixin, formatters, hooks), name more to redact, or nest the
 * line or prefix its message: with any of them, request lines go through pino with its redaction.
 */
const LINE_SHAPING_OPTIONS = [
  'serializers',
  'mixin',
  'formatters',
  'hooks',
  'redact',
  'nestedKey',
  'msgPrefix',
];

/**
 * Whether request lines hold nothing but what the serializers here give: the method, the URL as
 * loggedUrl gives it, host, remote address, status and time. Such a line has nothing to redact.
 */
export function plainRequestLines(setting: boolean | Record<string, unknown> | undefined): boolean {
  if (setting === false) return false;
  const given = setting === true || setting === undefined ? {} : setting;
  return LINE_SHAPING_OPTIONS.every((name) => given[name] === undefined);
}

/**
 * One line per request, written when it is answered: the request (as the serializer gives it), the
 * status and the time taken. fastify's own two lines (incoming, completed) cost a second stringify,
 * redaction and write per request; a route not found is that line with its 404.
 */
export class ScimLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    const plain = plainLines.get(this);
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (plain === undefined) reply.log.info(line, 'request completed');
    else if ((reply.log as unknown as Pick<Logger, 'isLevelEnabled'>).isLevelEnabled('info'))
      plain(request, reply);
  }

  override routeNotFound(): void {}
}

/** Per controller, the writer of its plain request lines (see writePlainLinesWith). */
const plainLines = new WeakMap<ScimLogController, (request: FastifyRequest, reply: FastifyReply) => void>();

/** The parts of a pino logger a plain line is written with; pino keeps them under these symbols. */
interface PinoParts {
  [symbols.lsCacheSym]: Record<number, string>;
  [symbols.timeSym]: () => string;
  [symbols.chindingsSym]: string;
  [symbols.messageKeySym]: string;
  [symbols.endSym]: string;
  [symbols.streamSym]: { write(line: string): unknown; [symbols.needsMetadataGsym]?: boolean };
}

/** pino's pieces of a request line around the request's values. */
interface LineFrame {
  /** `{"level":30`, as pino starts an info line. */
  start: string;
  /** From the message key to pino's line end. */
  end: string;
}

/** The line of one answered request, made from its values when its batch is written. */
class RequestLine implements DeferredLine {
  constructor(
    private readonly frame: LineFrame,
    private readonly time: string,
    /** The logger's bindings as pino holds them (`,"pid":…,"hostname":…`), when the request ended. */
    private readonly bindings: string,
    private readonly id: string,
    private readonly request: Record<string, unknown>,
    private readonly status: number,
    private readonly responseTime: number,
  ) {}

  text(): string {
    const time = this.responseTime;
    return (
      `${this.frame.start}${this.time}${this.bindings},"reqId":${JSON.stringify(this.id)}` +
      `,"req":${JSON.stringify(this.request)},"res":{"statusCode":${this.status}}` +
      `,"responseTime":${Number.isFinite(time) ? time : null}${this.frame.end}`
    );
  }
}

/**
 * Makes `controller` write the line of an answered request itself, as `root` would write
 * `info({ reqId, req, res, responseTime }, 'request completed')` through a child without redaction:
 * the same text, from pino's own level, time, bindings and line end, in a fifth of the time (pino
 * parses every redaction path for every line, then serialises each key in turn). A log file makes
 * the text when it writes the batch (see DeferredLine); another stream gets it at once. Only for a
 * logger whose options pass plainRequestLines, and a stream that needs no metadata of each line (a
 * multistream does): elsewhere lines go through pino. A line with an error keeps the redaction.
 */
export function writePlainLinesWith(controller: ScimLogController, root: FastifyBaseLogger): void {
  const parts = root as unknown as PinoParts;
  const stream = parts[symbols.streamSym];
  if (stream[symbols.needsMetadataGsym] === true) return;
  const frame: LineFrame = {
    start: parts[symbols.lsCacheSym][(root as Logger).levels.values['info'] ?? 30] ?? '',
    end: `,${JSON.stringify(parts[symbols.messageKeySym])}:"request completed"${parts[symbols.endSym]}`,
  };
  const write =
    stream instanceof LogFile
      ? (line: RequestLine) => stream.writeLater(line)
      : (line: RequestLine) => stream.write(line.text());
  plainLines.set(controller, (request, reply) =>
    write(
      new RequestLine(
        frame,
        parts[symbols.timeSym](),
        parts[symbols.chindingsSym],
        request.id,
        requestSerializer(request),
        reply.statusCode,
        reply.elapsedTime,
      ),
    ),
  );
}

/** The caller's own redaction paths, given as pino takes them: an array or `{ paths }`. */
function redactPaths(redact: unknown): string[] {
  const paths = Array.isArray(redact)
    ? redact
    : redact !== null && typeof redact === 'object' && Array.isArray((redact as { paths?: unknown }).paths)
      ? (redact as { paths: unknown[] }).paths
      : [];
  return paths.filter((path): path is string => typeof path === 'string');
}

/**
 * Whether the log is written as readable lines rather than JSON: when it goes to stdout (the caller
 * named no stream, file or transport) and stdout is a terminal. A pipe, a file or a log collector
 * gets JSON.
 */
export function wantsReadableLog(given: Record<string, unknown>, stdoutIsTty: boolean): boolean {
  return (
    stdoutIsTty &&
    given['stream'] === undefined &&
    given['file'] === undefined &&
    given['transport'] === undefined
  );
}

/** How long a line may wait in the batch before it is written, in milliseconds. */
export const LOG_FLUSH_MS = 200;

/** Something holding lines not yet written, which it can write at once. */
interface Flushable {
  flushSync(): void;
}

/** Destinations holding lines not yet written: each writes what it holds when the process exits. */
const unwritten = new Set<WeakRef<Flushable>>();
let flushesOnExit = false;

function flushOnExit<T extends Flushable>(stream: T): T {
  for (const ref of unwritten) if (ref.deref() === undefined) unwritten.delete(ref);
  unwritten.add(new WeakRef(stream));
  if (!flushesOnExit) process.once('exit', flushLogFiles);
  flushesOnExit = true;
  return stream;
}

/** Writes what every file destination still holds; called when the process exits. */
export function flushLogFiles(): void {
  for (const ref of unwritten) {
    // One destination that cannot write (a full disk) must not keep the others' lines from theirs.
    try {
      ref.deref()?.flushSync();
    } catch {
      continue;
    }
  }
}

/**
 * Where the lines go: readable lines to a terminal; the caller's stream or transport as given;
 * else JSON to the file named or to stdout, in batches of a few kilobytes (one write a line was the
 * most of a request's CPU under load), each line written within LOG_FLUSH_MS and all of them at exit.
 * A file's batches are written synchronously by a LogFile (see there). stdout stays asynchronous: a
 * pipe whose reader lags would make a synchronous write wait, and the server with it.
 */
function output(given: Record<string, unknown>, stdoutIsTty: boolean): Record<string, unknown> {
  if (wantsReadableLog(given, stdoutIsTty)) {
    return { stream: pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) };
  }
  if (given['stream'] !== undefined || given['transport'] !== undefined) return {};
  if (typeof given['file'] === 'string') {
    // 64 KiB a write: a file write's cost is mostly the call, however many lines it carries (measured
    // 67-87 µs for 16 KiB, 125 µs for 64 KiB). A line still waits at most LOG_FLUSH_MS.
    return { stream: flushOnExit(new LogFile(given['file'], { minLength: 65_536, flushMs: LOG_FLUSH_MS })) };
  }
  // pino flushes an asynchronous destination at exit itself.
  return { stream: destination({ dest: 1, minLength: 4096, periodicFlush: LOG_FLUSH_MS, sync: false }) };
}

/**
 * fastify's logger option. Readable lines on a terminal, JSON elsewhere (see wantsReadableLog). The request serializer logs method, URL (see loggedUrl), host and remote
 * address only (no headers, no body), whatever serializers the caller gives; the redaction is a
 * second line should a caller log more.
 */
export function loggerOptions(
  setting: boolean | Record<string, unknown> | undefined,
  stdoutIsTty = process.stdout.isTTY === true,
): NonNullable<FastifyServerOptions['logger']> {
  if (setting === false) return false;
  const given = setting === true || setting === undefined ? {} : setting;
  const extra = redactPaths(given['redact']);
  const serializers = (given['serializers'] ?? {}) as Record<string, unknown>;
  const { file, ...rest } = given;
  return {
    level: 'info',
    ...output(given, stdoutIsTty),
    ...rest,
    serializers: { ...serializers, req: requestSerializer },
    redact: { paths: [...REDACTED_PATHS, ...extra], censor: CENSOR },
  };
}
