// Prints each freeze shape's longest event-loop block at issue 9's sizes, or with `--at-limits` at the limits: `node --import tsx sdk/test/support/measure-freeze-shapes.ts`.
import {
  AT_LIMITS,
  freezeShapes,
  idleHealthzMedian,
  ISSUE_SIZES,
  measure,
  startServer,
} from './freeze-shapes.js';

const running = await startServer();
console.log(`idle /healthz median ${(await idleHealthzMedian(running)).toFixed(2)} ms`);
for (const shape of freezeShapes(process.argv.includes('--at-limits') ? AT_LIMITS : ISSUE_SIZES)) {
  const request = await shape.prepare(running);
  const { status, longestBlockMs, worstHealthzMs } = await measure(running, request);
  console.log(
    `${shape.name}: ${status}, longest event-loop block ${longestBlockMs.toFixed(0)} ms, worst /healthz ${worstHealthzMs.toFixed(0)} ms`,
  );
}
await running.server.close();
