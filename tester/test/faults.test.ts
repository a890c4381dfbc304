// The tester catches faults: each misbehaviour of the test double is reported as a failure with a clear message.
import assert from 'node:assert/strict';
import { runScenarios } from '../src/run.js';
import type { RunReport } from '../src/run.js';
import { FAULTS, GOOD_TOKEN, startFaultyServer } from './support/faulty-server.js';
import type { Fault } from './support/faulty-server.js';

async function runAgainst(
  fault: Fault | undefined,
  dialect: '2.0' | '1.1',
  profile: 'okta' | 'entra' = 'okta',
): Promise<RunReport> {
  const server = await startFaultyServer(fault === undefined ? {} : { fault });
  try {
    return await runScenarios({
      url: server.url(dialect),
      dialect,
      profile,
      auth: { kind: 'bearer', token: GOOD_TOKEN },
    });
  } finally {
    await server.close();
  }
}

function failures(report: RunReport): string[] {
  return report.steps.filter((s) => s.status === 'fail').map((s) => `${s.name}: ${s.message ?? ''}`);
}

describe('the tester against a faulty SCIM server', () => {
  const clean: [string, '2.0' | '1.1', 'okta' | 'entra'][] = [
    ['SCIM 2.0, okta', '2.0', 'okta'],
    ['SCIM 2.0, entra', '2.0', 'entra'],
    ['SCIM 1.1, okta', '1.1', 'okta'],
  ];
  for (const [name, dialect, profile] of clean) {
    it(`passes every step against the faultless double (${name})`, async () => {
      const report = await runAgainst(undefined, dialect, profile);
      assert.deepEqual(failures(report), []);
      assert.equal(report.counts.skip + report.counts['not-implemented'], 0);
      assert.ok(report.counts.pass >= 20, `only ${report.counts.pass} steps passed`);
      assert.ok(
        report.cleanup.length > 0 &&
          report.cleanup.every((c) => c.outcome === 'deactivated' || c.outcome === 'deleted'),
      );
    });
  }

  // Each fault: the dialects it applies to, the step that must fail, and what its message must say.
  const cases: [Fault, { dialects: ('2.0' | '1.1')[]; step: string; message: RegExp }][] = [
    [
      'create-200',
      { dialects: ['2.0'], step: 'createNewUser', message: /answered 200; SCIM 2\.0 requires 201 Created/ },
    ],
    ['missing-id', { dialects: ['2.0', '1.1'], step: 'createNewUser', message: /without an `id`/ }],
    [
      'duplicate-accepted',
      {
        dialects: ['2.0', '1.1'],
        step: 'check: 409 on a duplicate userName',
        message: /existing userName .* answered 201, expected 409/,
      },
    ],
    [
      'total-results-string',
      {
        dialects: ['2.0', '1.1'],
        step: 'downloadUsers',
        message: /`totalResults` is "\d+" \(string\), expected a JSON integer/,
      },
    ],
    [
      'unstable-order',
      { dialects: ['2.0', '1.1'], step: 'downloadUsers', message: /order is not stable across pages/ },
    ],
    [
      'page-gap',
      {
        dialects: ['2.0', '1.1'],
        step: 'downloadUsers',
        message: /a gap: the pages held \d+ distinct resources but totalResults is \d+/,
      },
    ],
    [
      'unstable-order',
      { dialects: ['2.0', '1.1'], step: 'downloadGroups', message: /order is not stable across pages/ },
    ],
    ['page-gap', { dialects: ['2.0', '1.1'], step: 'downloadGroups', message: /GET \/Groups by 100: a gap/ }],
    [
      'count-ignored',
      {
        dialects: ['2.0', '1.1'],
        step: 'downloadUsers',
        message: /GET \/Users\?startIndex=1&count=1 returned 3 resources, more than count=1/,
      },
    ],
    [
      'deactivate-ignored',
      {
        dialects: ['2.0', '1.1'],
        step: 'deactivateUser',
        message: /reads back with active=true, expected false/,
      },
    ],
    [
      'bad-filter-500',
      {
        dialects: ['2.0', '1.1'],
        step: 'check: 400 (not 500) on a bad filter',
        message: /answered 500, expected 400/,
      },
    ],
    [
      'no-401',
      {
        dialects: ['2.0', '1.1'],
        step: 'check: 401 with a SCIM error body',
        message: /wrong token answered 200, expected 401/,
      },
    ],
    [
      'error-without-schema',
      {
        dialects: ['2.0'],
        step: 'check: 404 with a SCIM error body',
        message: /schemas lack urn:ietf:params:scim:api:messages:2\.0:Error/,
      },
    ],
    [
      'error-without-schema',
      { dialects: ['1.1'], step: 'check: 404 with a SCIM error body', message: /neither an `errors` array/ },
    ],
    [
      'password-echoed',
      {
        dialects: ['2.0', '1.1'],
        step: 'createNewUser',
        message: /returned a password \(at \$\.password\): a password must never be returned/,
      },
    ],
  ];
  it('has a case for every fault the double knows', () => {
    assert.deepEqual([...new Set(cases.map(([fault]) => fault))].sort(), [...FAULTS].sort());
  });
  for (const [fault, { dialects, step, message }] of cases) {
    for (const dialect of dialects) {
      it(`reports ${fault} over SCIM ${dialect} as a failure of "${step}"`, async () => {
        const report = await runAgainst(fault, dialect);
        const failed = report.steps.find((s) => s.name === step);
        assert.equal(
          failed?.status,
          'fail',
          `"${step}" did not fail; failures: ${failures(report).join(' | ')}`,
        );
        assert.match(failed.message ?? '', message);
        assert.ok(failed.exchanges.length > 0, 'the failure carries its requests and responses');
        if (step.startsWith('download'))
          assert.equal(
            failed.exchanges.at(-1)?.request.method,
            'GET',
            'the failing listing is the last request',
          );
      });
    }
  }

  it("still cleans up against a server that echoes passwords (the echo is the steps' failure, not the clean-up's)", async () => {
    const report = await runAgainst('password-echoed', '2.0');
    assert.ok(report.cleanup.length > 0);
    assert.deepEqual(
      report.cleanup.filter((c) => c.outcome !== 'deactivated'),
      [],
    );
  });

  it('cleans up the second user and group a server made when it accepted a duplicate', async () => {
    const report = await runAgainst('duplicate-accepted', '2.0');
    const users = report.cleanup.filter((c) => c.resource === 'User').map((c) => c.name);
    assert.ok(new Set(users).size < users.length, `no user cleaned up twice by name: ${users.join(', ')}`);
    // The first group was renamed and deleted by the scenario; the duplicate kept the created name.
    const groups = report.cleanup.filter((c) => c.resource === 'Group');
    assert.deepEqual(
      groups.map((g) => [g.name.slice(report.prefix.length), g.outcome]),
      [['AppGroup-04', 'deleted']],
    );
    assert.ok(report.cleanup.every((c) => c.outcome === 'deactivated' || c.outcome === 'deleted'));
  });

  it('does not fault 200 on create over SCIM 1.1 (the agent accepts any 2xx)', async () => {
    const report = await runAgainst('create-200', '1.1');
    assert.equal(report.steps.find((s) => s.name === 'createNewUser')?.httpStatus, 200);
    assert.deepEqual(failures(report), []);
  });
});
