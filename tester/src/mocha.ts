// Mocha adapter: one `it` per step of the capabilities' scenarios; *not implemented* and skipped steps become pending.
import type { Capability } from 'scim-connector-sdk';
import type { TesterOptions } from './context.js';
import { planSteps, TesterSession } from './run.js';
import type { StepResult } from './outcome.js';

/** The part of a mocha test context the adapter uses. */
export interface MochaContextLike {
  skip(): never;
  test?: { title: string };
  timeout(ms: number): unknown;
}

type HookFn = (this: MochaContextLike) => Promise<void>;

/** mocha's BDD globals (or equivalents passed explicitly). */
export interface MochaGlobals {
  describe(title: string, body: () => void): unknown;
  it(title: string, fn: HookFn): unknown;
  before(fn: HookFn): unknown;
  after(fn: HookFn): unknown;
}

export interface ScimConnectorSuiteOptions extends Omit<TesterOptions, 'url' | 'capabilities'> {
  /** The capabilities the connector offers: they decide which tests exist, so they are needed up front. */
  capabilities: Capability[];
  /** Base URL of a running server… */
  url?: string;
  /** …or a function that starts one and says where (and how to stop it). */
  start?: () => Promise<{ url: string; close?: () => Promise<void> }>;
  /** Suite title; default `SCIM <dialect> connector (<profile>)`. */
  title?: string;
  /** Per-test (and hook) timeout in milliseconds; default 30 s. Each request keeps the tester's own deadline, 10 s. */
  timeoutMs?: number;
}

function failureText(result: StepResult): string {
  const last = result.exchanges.at(-1);
  const where = last
    ? `\n  last request: ${last.request.method} ${last.request.url} → ${last.response?.status ?? last.error ?? 'no response'}`
    : '';
  return `${result.message ?? 'failed'}${where}`;
}

/** The suite options without the adapter's own. */
function testerOptions(options: ScimConnectorSuiteOptions): Omit<TesterOptions, 'url'> {
  const tester: Omit<TesterOptions, 'url'> & Partial<ScimConnectorSuiteOptions> = { ...options };
  delete tester.start;
  delete tester.title;
  delete tester.timeoutMs;
  delete tester.url;
  return tester;
}

function mochaGlobals(): MochaGlobals {
  const globals = globalThis as unknown as Partial<MochaGlobals>;
  if (!globals.describe || !globals.it || !globals.before || !globals.after) {
    throw new Error(
      'describeScimConnector runs inside mocha (or pass describe/it/before/after as its second argument)',
    );
  }
  return globals as MochaGlobals;
}

/**
 * Declares a mocha suite that plays the identity provider against the connector: one test per tester
 * method and protocol check of the capabilities' scenarios, in lifecycle order, then cleans up.
 */
export function describeScimConnector(
  options: ScimConnectorSuiteOptions,
  mocha: MochaGlobals = mochaGlobals(),
): void {
  if (options.url === undefined && options.start === undefined)
    throw new TypeError('describeScimConnector needs url or start');
  const dialect = options.dialect ?? '2.0';
  const title = options.title ?? `SCIM ${dialect} connector (${options.profile ?? 'okta'})`;
  const timeout = options.timeoutMs ?? 30_000;
  mocha.describe(title, () => {
    let session: TesterSession | undefined;
    let stop: (() => Promise<void>) | undefined;
    mocha.before(async function () {
      this.timeout(timeout);
      let url = options.url;
      if (options.start) {
        const started = await options.start();
        url = started.url;
        stop = started.close;
      }
      session = new TesterSession({ ...testerOptions(options), url: url as string });
    });
    mocha.after(async function () {
      this.timeout(timeout);
      try {
        await session?.cleanUp();
      } finally {
        await stop?.();
      }
    });
    for (const planned of planSteps(options.capabilities)) {
      mocha.it(planned.step.name, async function () {
        this.timeout(timeout);
        if (!session) throw new Error('the connector did not start');
        const result = await session.run(planned);
        if (result.status === 'fail') throw new Error(failureText(result));
        if (result.status === 'skip' || result.status === 'not-implemented') {
          // mocha's pending tests carry no reason: the title takes it, so the report says why.
          if (this.test)
            this.test.title += ` (${result.status === 'skip' ? 'skipped' : 'pending'}: ${result.message ?? ''})`;
          this.skip();
        }
      });
    }
  });
}
