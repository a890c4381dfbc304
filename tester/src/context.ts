// The state one run carries from step to step, and the request/expect/prerequisite primitives every step uses.
import type { Capability, Dialect, ServiceMethod } from 'scim-connector-sdk';
import { clientHeaders, isObject } from './dialect.js';
import type { Profile, Speaker } from './dialect.js';
import type { Exchange } from './exchange.js';
import { HttpClient, TransportError, mergeHeaders, printable } from './http-client.js';
import type { Auth, ScimRequest, ScimResponse } from './http-client.js';
import { StepFailure, StepNotImplemented, StepSkipped } from './outcome.js';
import { passwordProblem } from './checks/response-checks.js';
import { customUrn } from './requests/custom-urn.js';
import { runPrefix } from './requests/names.js';
import type { KnownUser } from './requests/user-bodies.js';

export interface KnownGroup {
  id: string;
  displayName: string;
  /** Member user ids as this run last set them. */
  members: string[];
  deleted: boolean;
  createdByRun: boolean;
}

/** Everything a run or a single method needs to know about the server and the client it plays. */
export interface TesterOptions {
  /** Base URL of the SCIM API, e.g. `http://localhost:8080/scim/v2`. */
  url: string;
  dialect?: Dialect;
  profile?: Profile;
  auth?: Auth;
  /** PEM text of the certificate(s) to trust. */
  ca?: string | Buffer;
  insecure?: boolean;
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  appName?: string;
  customUrn?: string;
  /** What the server implements; undefined (single methods) means: try, and let 501 answer. */
  capabilities?: Capability[];
  /** `--arg` values: userId, groupId, userName, email, pageSize. */
  args?: Record<string, string>;
  /** Body of the request under test, replacing the built-in one (`--file`). */
  body?: unknown;
  /** Whether checkUserExists / downloads should find something (`--expect-results`). */
  expectResults?: boolean;
  /** Prefix of every name the run creates; unique per run by default. */
  prefix?: string;
}

export class RunContext {
  readonly client: HttpClient;
  readonly speaker: Speaker;
  readonly customUrn: string;
  readonly prefix: string;
  readonly capabilities: Capability[] | undefined;
  readonly authKind: Auth['kind'];
  readonly args: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly expectResults: boolean | undefined;
  readonly users: KnownUser[] = [];
  readonly groups: KnownGroup[] = [];
  readonly startedAt = new Date();
  /** What getImplementedUserManagementCapabilities read from the server. */
  discovered: Capability[] | undefined;
  /** The step's exchanges, reset by the runner before each step. */
  exchanges: Exchange[] = [];
  /** The service methods the current step's request under test exercises. */
  exercises: ServiceMethod[] = [];
  #prerequisite: string | undefined;
  /** Names (lower case) of the `--header` headers: they win over the headers of the client played. */
  readonly #userHeaders: ReadonlySet<string>;

  constructor(options: TesterOptions) {
    this.client = new HttpClient({
      baseUrl: options.url,
      auth: options.auth ?? { kind: 'none' },
      ca: options.ca,
      insecure: options.insecure,
      timeoutMs: options.timeoutMs,
      headers: options.headers,
    });
    this.#userHeaders = new Set(Object.keys(options.headers ?? {}).map((name) => name.toLowerCase()));
    this.authKind = options.auth?.kind ?? 'none';
    const dialect = options.dialect ?? '2.0';
    this.speaker = { dialect, profile: options.profile ?? 'okta' };
    this.customUrn = customUrn(options.appName, options.customUrn);
    this.prefix = options.prefix ?? runPrefix();
    this.capabilities = options.capabilities;
    this.args = options.args ?? {};
    this.body = options.body;
    this.expectResults = options.expectResults;
  }

  get dialect(): Dialect {
    return this.speaker.dialect;
  }

  /** True when the capability is implemented, or when capabilities are unknown (then the server's answers decide). */
  may(...capabilities: Capability[]): boolean {
    return this.capabilities === undefined || capabilities.some((c) => this.capabilities?.includes(c));
  }

  /**
   * Sends a request as the client would. 501 ends the step: *not implemented*, or skipped inside a
   * prerequisite. A password in the response fails the step unless the caller checks it itself.
   */
  async request(request: ScimRequest, options: { passwordCheck?: boolean } = {}): Promise<ScimResponse> {
    const what = `${request.method} ${request.path}`;
    let response: ScimResponse;
    try {
      const client = Object.entries(clientHeaders(this.speaker, request.body !== undefined)).filter(
        ([name]) => !this.#userHeaders.has(name.toLowerCase()),
      );
      const headers = mergeHeaders(Object.fromEntries(client), request.headers);
      response = await this.client.send({ ...request, headers });
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      this.exchanges.push(err.exchange);
      throw this.#prerequisite
        ? new StepSkipped(`prerequisite ${this.#prerequisite}: ${err.message}`)
        : new StepFailure(err.message);
    }
    this.exchanges.push(response.exchange);
    if (response.status === 501) {
      const detail =
        isObject(response.body) && typeof response.body['detail'] === 'string'
          ? ` (${printable(response.body['detail'])})`
          : '';
      if (this.#prerequisite) {
        throw new StepSkipped(
          `prerequisite ${this.#prerequisite} is not implemented: ${what} answered 501${detail}`,
        );
      }
      const methods = this.exercises.length > 0 ? this.exercises.join(', ') : 'the service method';
      throw new StepNotImplemented(`not implemented: ${methods} — ${what} answered 501${detail}`);
    }
    if (options.passwordCheck !== false) this.expect(passwordProblem(response.body, what));
    return response;
  }

  /** Fails the step (or skips it, inside a prerequisite) when a check found a problem. */
  expect(problem: string | undefined): void {
    if (problem === undefined) return;
    if (this.#prerequisite) throw new StepSkipped(`prerequisite ${this.#prerequisite} failed: ${problem}`);
    throw new StepFailure(problem);
  }

  /** Runs what the step needs before its request under test; anything wrong in there skips the step. */
  async prerequisite<T>(what: string, run: () => Promise<T>): Promise<T> {
    const outer = this.#prerequisite;
    this.#prerequisite = outer ?? what;
    try {
      return await run();
    } finally {
      this.#prerequisite = outer;
    }
  }

  /** Marks the step skipped with the reason. */
  skip(reason: string): never {
    throw new StepSkipped(reason);
  }
}
