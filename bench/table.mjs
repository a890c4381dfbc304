// The short table printed at the end of a run, from the results written to bench/results.json.
import { MAX_WARMUP_RUNS, MIN_WARMUP_RUNS, STEADY_GAIN } from './cells.mjs';

const num = (digits) => (value) => (value === undefined ? '-' : value.toFixed(digits));

/** Prints `rows` under a header; each column is [title, width, cell of a row]; the first is left-aligned. */
function section(title, columns, rows) {
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(columns[0][1]) : cell.padStart(columns[i][1]))).join(' ');
  console.log(`\n${title}`);
  console.log(line(columns.map(([name]) => name)));
  for (const row of rows) console.log(line(columns.map(([, , cell]) => cell(row))));
}

const HTTP = [
  [
    'workload',
    34,
    (row) => `${row.label}${['ours', 'bare', 'peer'].some((name) => row[name]?.non2xx > 0) ? ' !' : ''}`,
  ],
  ['backend', 7, (row) => row.backend],
  ['conn', 6, (row) => `${row.connections}x${row.pipelining}`],
  ['ours', 7, (row) => num(0)(row.ours.rps)],
  ['p50/p99', 9, (row) => `${num(0)(row.ours.p50)}/${num(0)(row.ours.p99)}`],
  ['bare', 7, (row) => num(0)(row.bare.rps)],
  ['peer', 6, (row) => num(0)(row.peer?.rps)],
  ['/bare', 5, (row) => num(2)(row.vsBare)],
  [
    '/peer',
    6,
    (row) => (row.vsPeerAtLeast === undefined ? num(1)(row.vsPeer) : `>${num(0)(row.vsPeerAtLeast)}`),
  ],
  ['bare/peer', 9, (row) => num(1)(row.bareVsPeer)],
];

const pct = (value) => (value === undefined ? '-' : `${(value * 100).toFixed(1)} %`);

const BACKENDS = [
  [
    'workload',
    30,
    (row) => `${row.label}${['ours', 'direct'].some((name) => row[name]?.non2xx > 0) ? ' !' : ''}`,
  ],
  ['conn', 5, (row) => (row.skipped === undefined ? `${row.connections}x${row.pipelining}` : '-')],
  ['ours', 7, (row) => num(0)(row.ours?.rps)],
  [
    'p50/p99',
    9,
    (row) => (row.skipped === undefined ? `${num(0)(row.ours.p50)}/${num(0)(row.ours.p99)}` : '-'),
  ],
  ['direct', 7, (row) => num(0)(row.direct?.rps)],
  ['/direct', 7, (row) => num(2)(row.vsDirect)],
  // Over the target, the share says so.
  [
    'generated CPU',
    13,
    (row) => `${pct(row.cpu?.generated)}${row.cpu?.withinTarget === false ? ' >10%' : ''}`,
  ],
  [
    'sdk sql/app',
    11,
    (row) =>
      pct(
        row.cpu === undefined
          ? undefined
          : (row.cpu.layers['sdk sql'] ?? 0) + (row.cpu.layers['sdk app'] ?? 0),
      ),
  ],
];

const SCALE = [
  ['users', 8, (row) => String(row.size)],
  ['B/user', 6, (row) => num(0)(row.bytesPerUser)],
  ['Map.get', 7, (row) => num(1)(row.mapGetMicros)],
  ['filter', 7, (row) => num(1)(row.filterMicros)],
  ['request', 7, (row) => num(0)(row.requestFilterMicros)],
  ['1st pg', 6, (row) => num(1)(row.firstPageMicros)],
  ['last pg', 7, (row) => num(1)(row.lastPageMicros)],
  ['req last', 8, (row) => num(0)(row.requestLastPageMicros)],
  ['Map.get÷1k', 10, (row) => num(2)(row.mapGetVsFirst)],
  ['filter÷1k', 9, (row) => num(2)(row.filterVsFirst)],
  ['filter−Map.get÷1k', 17, (row) => num(2)(row.filterAboveFloorVsFirst)],
  ['request÷1k', 10, (row) => num(2)(row.requestFilterVsFirst)],
  ['last÷1k', 7, (row) => num(2)(row.lastPageVsFirst)],
  ['req last÷1k', 11, (row) => num(2)(row.requestLastPageVsFirst)],
];

const GENERATOR = [
  ['spec', 18, (row) => row.spec],
  ['fresh ms', 8, (row) => num(0)(row.freshMs)],
  ['no-op ms', 8, (row) => num(0)(row.noopMs)],
  ['no-op÷fresh', 11, (row) => num(2)(row.noopVsFresh)],
];

/** Prints the results: HTTP rows with medians and ratios, then the scale curves and the generator timings. */
export function printTable(results) {
  const load = (values) => values.map((v) => v.toFixed(1)).join(' ');
  console.log(`\nbench ${results.date}${results.smoke ? ' (smoke)' : ''}: ${results.pinning}`);
  console.log(
    `load average at start ${load(results.loadAverageAtStart)}, at end ${load(results.loadAverageAtEnd)}; ${num(0)(results.seconds)} s` +
      (results.partSeconds === undefined
        ? ''
        : ` (${Object.entries(results.partSeconds)
            .map(([name, seconds]) => `${name} ${num(0)(seconds)} s`)
            .join(', ')})`),
  );
  const { rounds, seconds, warmup } = results.config;
  const warm = `after warm-ups of ${warmup} s (each target's ${MIN_WARMUP_RUNS} to ${MAX_WARMUP_RUNS}, until two in a row agree within ${STEADY_GAIN * 100} %, at a workload's first connection count)`;
  if (results.http !== undefined) {
    const title = `HTTP, memory store, logging on (to a file): median req/s of ${rounds} runs of ${seconds} s ${warm}; ours' latency ms p50/p99; ratios (medians of each round's ratio) ours÷bare, ours÷peer (>N: the peer finished no request in a run; after a warm-up that finished none it is not loaded again), bare÷peer; ! = some non-2xx answers (counts in results.json)`;
    section(title, HTTP, results.http);
  }
  if (results.backends !== undefined) {
    const title = `backends, generated connectors (request logging on): median req/s of ${rounds} runs of ${seconds} s after warm-ups of ${warmup} s (each target's ${MIN_WARMUP_RUNS} to ${MAX_WARMUP_RUNS}, until two in a row agree within ${STEADY_GAIN * 100} %); ratio ours÷direct (median of each round's ratio); generated code = CPU self time in the project's src/** while profiled (target ≤ 10 %)`;
    section(title, BACKENDS, results.backends);
    for (const baseline of new Set(results.backends.map((row) => row.baseline).filter(Boolean)))
      console.log(
        `  direct (${results.backends.find((row) => row.baseline === baseline).backend}): ${baseline}`,
      );
    for (const row of results.backends.filter((r) => r.cpu !== undefined)) {
      const layers = Object.entries(row.cpu.layers)
        .slice(0, 7)
        .map(([layer, share]) => `${layer} ${pct(share)}`);
      console.log(`  CPU of ${row.label}: ${layers.join(', ')}`);
    }
    for (const row of results.backends.filter((r) => r.skipped !== undefined))
      console.log(`  ${row.label}: not measured: ${row.skipped}`);
  }
  if (results.scale !== undefined) {
    const title =
      'scale, users loaded straight into the memory store: median CPU µs per store call; Map.get = the floor of an indexed filter, a Map from userName to the stored user read with the same names; filter−Map.get = what the filter does above that floor; request, req last = a whole filter request and a whole last-page request, one at a time over loopback; ratios to the smallest size, medians of rounds that go from size to size';
    section(title, SCALE, results.scale);
  }
  if (results.generator !== undefined) {
    const title = `generator: scim-connector generate into an empty folder, then again into it (no-op); median of ${results.config.generatorRuns} run(s); caches (packed SDK and tester, DDL models) warm but on the cold row`;
    section(title, GENERATOR, results.generator);
  }
}
