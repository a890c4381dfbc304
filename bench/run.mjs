// `npm run bench`: the HTTP suite, the sql and openapi backends, the scale curves and the generator timings; writes bench/results.json and prints the table.
// `--smoke` runs every row with tiny sizes and durations (npm test does); `--only get,sql-get,scale` picks workloads or parts.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { readConfig } from './config.mjs';
import { httpSuite } from './http-suite.mjs';
import { openapiSuite } from './backend-openapi.mjs';
import { sqlSuite } from './backend-sql.mjs';
import { generatorTimings } from './generator.mjs';
import { scaleCurves } from './scale.mjs';
import { printTable } from './table.mjs';
import { pinLoadGenerator } from './targets.mjs';

const config = readConfig(process.argv.slice(2));
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
