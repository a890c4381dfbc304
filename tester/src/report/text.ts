// The human report: a table of steps, each failure's requests and responses (secrets masked), clean-up, summary line.
import type { Exchange } from '../exchange.js';
import type { RunReport } from '../run.js';
import { summaryLine } from './summary.js';

const LABEL = { pass: 'pass', fail: 'FAIL', skip: 'skip', 'not-implemented': 'not implemented' } as const;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function stepTable(report: RunReport): string {
  const rows = report.steps.map((s) => [
    LABEL[s.status],
    s.name,
    s.httpStatus === undefined ? '-' : String(s.httpStatus),
    `${s.ms} ms`,
    s.message ?? '',
  ]);
  const header = ['result', 'step', 'status', 'time', 'detail'];
  const widths = header
    .slice(0, 4)
    .map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i < 4 ? pad(cell, widths[i] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function formatExchange(exchange: Exchange): string {
  const lines = [`  → ${exchange.request.method} ${exchange.request.url}`];
  for (const [name, value] of Object.entries(exchange.request.headers)) lines.push(`    ${name}: ${value}`);
  if (exchange.request.body !== undefined)
    lines.push(indent(JSON.stringify(exchange.request.body, null, 2), 4));
  if (exchange.response) {
    lines.push(`  ← ${exchange.response.status} (${exchange.ms} ms)`);
    if (exchange.response.body !== undefined) {
      const body =
        typeof exchange.response.body === 'string'
          ? exchange.response.body
          : JSON.stringify(exchange.response.body, null, 2);
      lines.push(indent(body, 4));
    }
  } else lines.push(`  ✗ ${exchange.error ?? 'no response'}`);
  return lines.join('\n');
}

function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(by) + l)
    .join('\n');
}

/** The whole text report; its last line is the summary line, alone. */
export function textReport(report: RunReport): string {
  const parts = [
    `SCIM ${report.dialect} (${report.profile}) at ${report.url}; names prefixed ${report.prefix}`,
    `capabilities: ${report.capabilities.length > 0 ? report.capabilities.join(', ') : '(none)'}`,
    '',
    stepTable(report),
  ];
  const failures = report.steps.filter((s) => s.status === 'fail');
  for (const failure of failures) {
    parts.push('', `FAILED ${failure.name}: ${failure.message ?? ''}`);
    // The failing request is the last one; earlier ones of the step give its context.
    for (const exchange of failure.exchanges.slice(-3)) parts.push(formatExchange(exchange));
  }
  const notImplemented = report.steps.filter((s) => s.status === 'not-implemented');
  if (notImplemented.length > 0) {
    parts.push('', 'not implemented yet:');
    for (const step of notImplemented)
      parts.push(`  ${step.name}: ${step.exercises.join(', ') || '(server)'}`);
  }
  if (report.cleanup.length > 0) {
    parts.push('', 'clean-up:');
    for (const entry of report.cleanup)
      parts.push(`  ${entry.resource} ${entry.id} ${entry.name}: ${entry.outcome}`);
  }
  parts.push('', summaryLine(report.counts));
  return parts.join('\n');
}
