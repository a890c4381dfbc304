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
for (const shape of freezeShapes(process.argv.includes('--at-limits') ? AT_LIMITS : ISSUE_SIZES)) {
  // At the issue's sizes the 100,000-email user is itself over a limit now.
  const request = await shape.prepare(running).catch((error: unknown) => {
    console.log(`${shape.name}: not prepared, ${String(error).slice(0, 160)}`);
  });
  if (request === undefined) continue;
  const idle = await idleHealthzMedian(running);
  const { status, longestBlockMs, worstHealthzMs } = await measure(running, request);
  console.log(
    `${shape.name}: ${status}, longest event-loop block ${longestBlockMs.toFixed(0)} ms, worst /healthz ${worstHealthzMs.toFixed(0)} ms, idle median ${idle.toFixed(2)} ms`,
  );
}
await running.server.close();
