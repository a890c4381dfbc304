// The JSON report (`--report json <file>`): the RunReport as it is, secrets already masked.
import type { RunReport } from '../run.js';

export function jsonReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
