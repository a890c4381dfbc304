// The JUnit XML report (`--report junit <file>`): one testcase per step; not implemented counts as skipped.
import type { RunReport } from '../run.js';

const ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/** XML 1.0 cannot carry control characters other than tab, newline and carriage return, even escaped. */
function isXmlChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export function escapeXml(text: string): string {
  return [...text]
    .filter(isXmlChar)
    .map((char) => ENTITIES[char] ?? char)
    .join('');
}

export function junitReport(report: RunReport): string {
  const suite = `scim-connector-tester SCIM ${report.dialect} ${report.profile}`;
  const skipped = report.counts.skip + report.counts['not-implemented'];
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const total = report.steps.reduce((sum, s) => sum + s.ms, 0);
  const cases = report.steps.map((step) => {
    const open = `    <testcase classname="${escapeXml(suite)}${step.capability ? `.${step.capability}` : ''}" name="${escapeXml(step.name)}" time="${seconds(step.ms)}"`;
    const message = escapeXml(step.message ?? '');
    if (step.status === 'pass') return `${open}/>`;
    if (step.status === 'fail') {
      const detail = escapeXml(JSON.stringify(step.exchanges.slice(-3), null, 2));
      return `${open}>\n      <failure message="${message}">${detail}</failure>\n    </testcase>`;
    }
    return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${report.steps.length}" failures="${report.counts.fail}" skipped="${skipped}" time="${seconds(total)}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${report.steps.length}" failures="${report.counts.fail}" errors="0" skipped="${skipped}" timestamp="${report.startedAt}" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
