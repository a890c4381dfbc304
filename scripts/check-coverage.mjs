// Fails when line coverage of sdk/src/protocol (from c8's json-summary) is under the floor the issues set.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const FLOOR = 90;
const area = resolve('sdk/src/protocol') + sep;
const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
let covered = 0;
let total = 0;
for (const [file, data] of Object.entries(summary)) {
  if (!resolve(file).startsWith(area)) continue;
  covered += data.lines.covered;
  total += data.lines.total;
}
if (total === 0) {
  console.error('coverage: no file of sdk/src/protocol was measured; did the tests run?');
  process.exit(1);
}
const pct = (100 * covered) / total;
console.log(`coverage: sdk/src/protocol lines ${pct.toFixed(2)}% (${covered}/${total}), floor ${FLOOR}%`);
if (pct < FLOOR) {
  console.error(`coverage: below the floor of ${FLOOR}%: add tests for sdk/src/protocol`);
  process.exit(1);
}
