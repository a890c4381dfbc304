// The mocha adapter: one test per step, failures thrown, *not implemented* and skipped steps pending with the reason.
import assert from 'node:assert/strict';
import { describeScimConnector } from '../src/mocha.js';
import type { MochaContextLike, MochaGlobals } from '../src/mocha.js';
import { CAPABILITIES } from 'scim-connector-sdk';
import { GOOD_TOKEN, startFaultyServer } from './support/faulty-server.js';
import type { FaultyServerOptions } from './support/faulty-server.js';

type Fn = (this: MochaContextLike) => Promise<void>;

class Pending extends Error {}

/** Collects what the adapter declares, then runs it like mocha would: hooks, tests in order, outcome per test. */
async function declareAndRun(
  server: FaultyServerOptions,
  capabilities = [...CAPABILITIES],
): Promise<Map<string, string>> {
  const tests: { title: string; fn: Fn }[] = [];
  const hooks: { before: Fn[]; after: Fn[] } = { before: [], after: [] };
  const globals: MochaGlobals = {
    describe: (_title, body) => body(),
    it: (title, fn) => tests.push({ title, fn }),
    before: (fn) => hooks.before.push(fn),
    after: (fn) => hooks.after.push(fn),
  };
  describeScimConnector(
    {
      capabilities,
      auth: { kind: 'bearer', token: GOOD_TOKEN },
      start: async () => {
        const double = await startFaultyServer(server);
        return { url: double.url('2.0'), close: () => double.close() };
      },
    },
    globals,
  );
  const hookContext: MochaContextLike = {
    skip: () => {
      throw new Pending();
    },
    timeout: () => undefined,
  };
  for (const hook of hooks.before) await hook.call(hookContext);
  const outcomes = new Map<string, string>();
  for (const test of tests) {
    const context: MochaContextLike = {
      test: { title: test.title },
      skip: () => {
        throw new Pending();
      },
      timeout: () => undefined,
    };
    try {
      await test.fn.call(context);
      outcomes.set(test.title, 'passed');
    } catch (err) {
      outcomes.set(
        test.title,
        err instanceof Pending
          ? `pending: ${context.test?.title ?? ''}`
          : `failed: ${(err as Error).message}`,
      );
    }
  }
  for (const hook of hooks.after) await hook.call(hookContext);
  return outcomes;
}

describe('describeScimConnector (mocha adapter)', () => {
  it('declares one passing test per step against a correct server', async () => {
    const outcomes = await declareAndRun({});
    assert.ok(outcomes.size >= 20);
    assert.deepEqual(
      [...outcomes].filter(([, outcome]) => outcome !== 'passed'),
      [],
    );
    assert.ok(
      outcomes.has('createNewUser') &&
        outcomes.has('updateGroup') &&
        outcomes.has('check: 404 with a SCIM error body'),
    );
  });

  it('turns a 501 on the request under test into a pending test naming the service method, and a 501 prerequisite into a skipped one', async () => {
    const outcomes = await declareAndRun({ notImplemented: ['Groups'] });
    assert.match(
      outcomes.get('createGroup') ?? '',
      /^pending: createGroup \(pending: not implemented: createGroup — POST \/Groups answered 501/,
    );
    assert.match(
      outcomes.get('getGroupById') ?? '',
      /^pending: getGroupById \(skipped: prerequisite createGroup \(a group to work on\) is not implemented/,
    );
    assert.equal(outcomes.get('createNewUser'), 'passed');
  });

  it('turns a failure into a thrown error with the message and the last request', async () => {
    const outcomes = await declareAndRun({ fault: 'deactivate-ignored' });
    assert.match(
      outcomes.get('deactivateUser') ?? '',
      /^failed: after the deactivation the user reads back with active=true, expected false\n {2}last request: GET http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users\/\d+ → 200/,
    );
  });

  it('needs a url or a start function', () => {
    assert.throws(
      () =>
        describeScimConnector(
          { capabilities: ['PUSH_NEW_USERS'] },
          { describe: () => undefined, it: () => undefined, before: () => undefined, after: () => undefined },
        ),
      /needs url or start/,
    );
  });
});

// The adapter used for real, as a generated project does: these tests run in this mocha process.
describeScimConnector({
  title:
    'describeScimConnector in a real mocha run (faultless double, SCIM 2.0, PUSH_NEW_USERS and GROUP_PUSH)',
  capabilities: ['PUSH_NEW_USERS', 'GROUP_PUSH'],
  auth: { kind: 'bearer', token: GOOD_TOKEN },
  start: async () => {
    const double = await startFaultyServer();
    return { url: double.url('2.0'), close: () => double.close() };
  },
});
