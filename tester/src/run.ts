// The library entry points: plan the steps for a capability list, run them (all, or one method), clean up, report.
import { CAPABILITIES } from 'scim-connector-sdk';
import type { Capability, Dialect } from 'scim-connector-sdk';
import { RunContext } from './context.js';
import type { TesterOptions } from './context.js';
import type { Profile } from './dialect.js';
import { cleanUp } from './cleanup.js';
import type { CleanupEntry } from './cleanup.js';
import type { Exchange } from './exchange.js';
import { StepNotImplemented, StepSkipped } from './outcome.js';
import type { StepResult, StepStatus } from './outcome.js';
import { ALWAYS, SCENARIOS } from './scenarios/catalogue.js';
import { exercisesIn } from './scenarios/step.js';
import type { StepDefinition } from './scenarios/step.js';
import { STEPS, findStep } from './scenarios/steps.js';

export interface PlannedStep {
  step: StepDefinition;
  /** The capability whose scenario brought the step in; absent for the checks every run makes. */
  capability?: Capability;
}

export interface RunReport {
  url: string;
  dialect: Dialect;
  profile: Profile;
  prefix: string;
  capabilities: Capability[];
  startedAt: string;
  steps: StepResult[];
  cleanup: CleanupEntry[];
  counts: Record<StepStatus, number>;
}

/** The steps a capability list calls for, in lifecycle order, each once. */
export function planSteps(capabilities: readonly Capability[]): PlannedStep[] {
  const plan: PlannedStep[] = [];
  for (const step of STEPS) {
    const scenario = SCENARIOS.find(
      (s) => capabilities.includes(s.capability) && s.steps.includes(step.name),
    );
    if (scenario) plan.push({ step, capability: scenario.capability });
    else if ((ALWAYS as readonly string[]).includes(step.name)) plan.push({ step });
  }
  return plan;
}

/** A passed step keeps its requests' lines and statuses, not their bodies: a large import would fill the report. */
function withoutBodies(exchange: Exchange): Exchange {
  const request = { ...exchange.request };
  delete request.body;
  const trimmed: Exchange = { ...exchange, request };
  if (exchange.response) {
    const response = { ...exchange.response };
    delete response.body;
    trimmed.response = response;
  }
  return trimmed;
}

/** Runs one step; every outcome, including a transport failure or a bug in a check, becomes a StepResult. */
export async function runStep(ctx: RunContext, planned: PlannedStep): Promise<StepResult> {
  ctx.exchanges = [];
  ctx.exercises = exercisesIn(planned.step, ctx.dialect);
  const started = performance.now();
  let status: StepStatus = 'pass';
  let message: string | undefined;
  try {
    await planned.step.run(ctx);
  } catch (err) {
    if (err instanceof StepSkipped) status = 'skip';
    else if (err instanceof StepNotImplemented) status = 'not-implemented';
    else status = 'fail';
    // A message may quote the server (a 501's detail, a value read back), and a server may echo a secret.
    message = ctx.client.maskSecrets(err instanceof Error ? err.message : String(err));
  }
  const result: StepResult = {
    name: planned.step.name,
    exercises: ctx.exercises,
    status,
    ms: Math.round(performance.now() - started),
    exchanges: status === 'pass' ? ctx.exchanges.map(withoutBodies) : ctx.exchanges,
  };
  if (planned.capability) result.capability = planned.capability;
  if (message !== undefined) result.message = message;
  const last = ctx.exchanges.at(-1)?.response?.status;
  if (last !== undefined) result.httpStatus = last;
  return result;
}

export function countSteps(steps: readonly StepResult[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { pass: 0, fail: 0, skip: 0, 'not-implemented': 0 };
  for (const step of steps) counts[step.status]++;
  return counts;
}

/** A run in progress: the mocha adapter drives it step by step; runScenarios drives it whole. */
export class TesterSession {
  readonly ctx: RunContext;
  readonly results: StepResult[] = [];
  cleanupEntries: CleanupEntry[] = [];

  constructor(readonly options: TesterOptions) {
    this.ctx = new RunContext(options);
  }

  async run(planned: PlannedStep): Promise<StepResult> {
    const result = await runStep(this.ctx, planned);
    this.results.push(result);
    return result;
  }

  async cleanUp(): Promise<CleanupEntry[]> {
    this.cleanupEntries = await cleanUp(this.ctx);
    return this.cleanupEntries;
  }

  report(capabilities: readonly Capability[]): RunReport {
    return {
      url: this.ctx.client.baseUrl,
      dialect: this.ctx.dialect,
      profile: this.ctx.speaker.profile,
      prefix: this.ctx.prefix,
      capabilities: [...capabilities],
      startedAt: this.ctx.startedAt.toISOString(),
      steps: this.results,
      cleanup: this.cleanupEntries,
      counts: countSteps(this.results),
    };
  }
}

/**
 * Runs every scenario of the capabilities (discovered from ServiceProviderConfig(s) when not given;
 * every capability when a SCIM 2.0 server has no Okta extension to discover them from) plus the
 * protocol checks, then cleans up.
 */
export async function runScenarios(options: TesterOptions): Promise<RunReport> {
  const session = new TesterSession(options);
  const discovery = findStep('getImplementedUserManagementCapabilities');
  if (!discovery) throw new Error('the step catalogue lacks getImplementedUserManagementCapabilities');
  const first = await session.run({ step: discovery });
  let capabilities = options.capabilities;
  if (capabilities === undefined) {
    capabilities = session.ctx.discovered;
    if (capabilities === undefined && first.status === 'skip' && session.ctx.dialect === '2.0') {
      // A generic SCIM 2.0 server: what it lacks answers 501 and is reported not implemented.
      capabilities = [...CAPABILITIES];
      first.message = `${first.message ?? ''}; testing every capability`;
    }
    if (capabilities === undefined) {
      if (first.status !== 'fail') {
        first.status = 'fail';
        first.message = `cannot discover the capabilities (${first.message ?? 'no answer'}): pass them with --capabilities A,B`;
      }
      return session.report([]);
    }
  }
  const withCapabilities = new TesterSession({ ...options, capabilities, prefix: session.ctx.prefix });
  withCapabilities.results.push(first);
  for (const planned of planSteps(capabilities).filter((p) => p.step !== discovery))
    await withCapabilities.run(planned);
  await withCapabilities.cleanUp();
  return withCapabilities.report(capabilities);
}

/** Runs one tester method (or check) by name with its prerequisites, then cleans up what it created. */
export async function runMethod(name: string, options: TesterOptions): Promise<RunReport> {
  const step = findStep(name);
  if (!step) throw new RangeError(`unknown method ${JSON.stringify(name)}`);
  const session = new TesterSession(options);
  await session.run({ step });
  await session.cleanUp();
  return session.report(options.capabilities ?? []);
}
