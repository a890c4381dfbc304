// The short table printed at the end of a run, from the results written to bench/results.json.

const num = (value, digits = 0) => (value === undefined ? '-' : value.toFixed(digits));

/** Prints the results: HTTP rows with medians and ratios, then the scale curves and the generator timings. */
export function printTable(results) {
  const load = (values) => values.map((v) => v.toFixed(1)).join(' ');
  console.log(`\nbench ${results.date}${results.smoke ? ' (smoke)' : ''}: ${results.pinning}`);
  console.log(
    `load average at start ${load(results.loadAverageAtStart)}, at end ${load(results.loadAverageAtEnd)}; ${num(results.seconds)} s`,
  );
  if (results.http !== undefined) {
    const { rounds, seconds } = results.config;
    console.log(
      `\nHTTP, memory store, logging on (to a file): median req/s of ${rounds} runs of ${seconds} s; latency ms p50/p99; ratio ours/bare, ours/peer`,
    );
    console.log(
      `${'workload'.padEnd(34)} ${'conn'.padStart(6)} ${'ours'.padStart(7)} ${'p50/p99'.padStart(11)} ${'bare'.padStart(7)} ${'peer'.padStart(7)} ${'/bare'.padStart(6)} ${'/peer'.padStart(6)}`,
    );
    for (const row of results.http) {
      console.log(
        `${row.label.padEnd(34)} ${`${row.connections}x${row.pipelining}`.padStart(6)} ${num(row.ours.rps).padStart(7)} ${`${num(row.ours.p50)}/${num(row.ours.p99)}`.padStart(11)}` +
          ` ${num(row.bare.rps).padStart(7)} ${num(row.peer?.rps).padStart(7)} ${num(row.vsBare, 2).padStart(6)} ${num(row.vsPeer, 1).padStart(6)}`,
      );
    }
  }
}
