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
if (config.parts.includes('http')) {
  results.http = await httpSuite(config, (row) =>
    console.error(`  ${row.label} x${row.connections}: ${row.vsBare.toFixed(2)} of bare`),
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
    ...(config.parts.includes('sql') ? await sqlSuite(config, backendProgress) : []),
    ...(config.parts.includes('openapi') ? await openapiSuite(config, backendProgress) : []),
  ];
}
if (config.parts.includes('scale')) results.scale = scaleCurves(config);
if (config.parts.includes('generator')) results.generator = generatorTimings(config);
results.loadAverageAtEnd = loadavg();
results.seconds = (Date.now() - started) / 1000;
writeFileSync(config.out, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
