// Reports: the summary line, the table, JUnit escaping.
import assert from 'node:assert/strict';
import { escapeXml, junitReport } from '../src/report/junit.js';
import { summaryLine } from '../src/report/summary.js';
import { textReport } from '../src/report/text.js';
import type { RunReport } from '../src/run.js';
import { assertWellFormedXml } from './support/xml-well-formed.js';

const report: RunReport = {
  url: 'http://h/scim/v2',
  dialect: '2.0',
  profile: 'okta',
  prefix: 'p-',
  capabilities: ['GROUP_PUSH'],
  startedAt: '2026-11-28T00:00:00.000Z',
  steps: [
    {
      name: 'createGroup',
      exercises: ['createGroup'],
      status: 'pass',
      httpStatus: 201,
      ms: 3,
      exchanges: [],
    },
    {
      name: 'updateGroup',
      exercises: ['updateGroup', 'getGroup'],
      status: 'fail',
      message: 'bad <"&\u0001>',
      httpStatus: 500,
      ms: 2,
      exchanges: [],
    },
    {
      name: 'deleteGroup',
      exercises: ['deleteGroup'],
      status: 'not-implemented',
      message: 'not implemented: deleteGroup',
      httpStatus: 501,
      ms: 1,
      exchanges: [],
    },
  ],
  cleanup: [],
  counts: { pass: 1, fail: 1, skip: 0, 'not-implemented': 1 },
};

describe('reports', () => {
  const lines: [string, { counts: RunReport['counts']; want: string }][] = [
    ['no skips', { counts: { pass: 3, fail: 0, skip: 0, 'not-implemented': 0 }, want: '3 passed, 0 failed' }],
    [
      'skips and not implemented count as skipped',
      { counts: { pass: 1, fail: 2, skip: 1, 'not-implemented': 2 }, want: '1 passed, 2 failed, 3 skipped' },
    ],
  ];
  for (const [name, { counts, want }] of lines)
    it(`summary line: ${name}`, () => assert.equal(summaryLine(counts), want));

  it('the text report ends with the summary line alone and lists what is not implemented', () => {
    const text = textReport(report);
    assert.equal(text.split('\n').at(-1), '1 passed, 1 failed, 1 skipped');
    assert.match(text, /^not implemented\s+deleteGroup\s+501\s+1 ms\s+not implemented: deleteGroup$/m);
    assert.match(text, /not implemented yet:\n {2}deleteGroup: deleteGroup/);
  });

  it('JUnit escapes markup and drops control characters', () => {
    assert.equal(escapeXml('<a href="x">&\'\u0001'), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const xml = junitReport(report);
    assertWellFormedXml(xml);
    assert.match(xml, /<failure message="bad &lt;&quot;&amp;&gt;">/);
    assert.match(
      xml,
      /<testcase [^>]*name="deleteGroup"[^>]*>\s*<skipped message="not implemented: deleteGroup"\/>/,
    );
  });
});
