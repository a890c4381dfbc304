// The closing line CI reads: `N passed, N failed`, plus `, N skipped` (skipped and not implemented) when any.
import type { StepStatus } from '../outcome.js';

export function summaryLine(counts: Readonly<Record<StepStatus, number>>): string {
  const skipped = counts.skip + counts['not-implemented'];
  return `${counts.pass} passed, ${counts.fail} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
