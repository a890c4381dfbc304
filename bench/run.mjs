// `npm run bench`: the HTTP suite, the sql and openapi backends, the scale curves and the generator timings; writes bench/results.json and prints the table.
// `--smoke` runs every row with tiny sizes and durations (npm test does); `--only get,sql-get,scale` picks workloads or parts; `--help` says more.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { readConfig, usage, UsageError } from './config.mjs';
import { httpSuite } from './http-suite.mjs';
import { openapiSuite, openapiWorkloadIds } from './backend-openapi.mjs';
import { sqlSuite, sqlWorkloadIds } from './backend-sql.mjs';
import { generatorTimings } from './generator.mjs';
import { scaleCurves } from './scale.mjs';
import { printTable } from './table.mjs';
import { pinLoadGenerator } from './targets.mjs';
import { workloads } from './workloads.mjs';

const names = {
  http: workloads({ users: 1, members: 1 }).map((workload) => workload.id),
  sql: sqlWorkloadIds(),
  openapi: openapiWorkloadIds(),
};
let config;
try {
  config = readConfig(process.argv.slice(2), names);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
if (config.help) {
  console.log(usage(names));
  process.exit(0);
}
const started = Date.now();
const results = {
  date: new Date().toISOString(),
  smoke: config.smoke,
  pinning: pinLoadGenerator(),
  loadAverageAtStart: loadavg(),
  config: { ...config, out: undefined },
};
results.partSeconds = {};
/** Runs one part of the suite, saying when it starts and how long it took (kept in results.partSeconds). */
async function part(name, run) {
  console.error(`${name}…`);
  const start = Date.now();
  const result = await run();
  results.partSeconds[name] = (Date.now() - start) / 1000;
  console.error(`${name}: ${results.partSeconds[name].toFixed(0)} s`);
  return result;
}
if (config.parts.includes('http')) {
  results.http = await part('http', () =>
    httpSuite(config, (row) =>
      console.error(`  ${row.label} x${row.connections}: ${row.vsBare.toFixed(2)} of bare`),
    ),
  );
}
const backendProgress = (row) =>
  console.error(
    row.skipped === undefined
      ? `  ${row.label}: ${row.vsDirect.toFixed(2)} of direct${row.cpu === undefined ? '' : `, generated code ${(row.cpu.generated * 100).toFixed(1)} % of CPU`}`
      : `  ${row.label}: skipped (${row.skipped})`,
  );
if (config.parts.includes('sql') || config.parts.includes('openapi')) {
  results.backends = [
    ...(config.parts.includes('sql') ? await part('sql', () => sqlSuite(config, backendProgress)) : []),
    ...(config.parts.includes('openapi')
      ? await part('openapi', () => openapiSuite(config, backendProgress))
      : []),
  ];
}
if (config.parts.includes('scale')) results.scale = await part('scale', () => scaleCurves(config));
if (config.parts.includes('generator'))
  results.generator = await part('generator', () => generatorTimings(config));
results.loadAverageAtEnd = loadavg();
results.seconds = (Date.now() - started) / 1000;
writeFileSync(config.out, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
