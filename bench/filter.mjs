// Filter benchmark: parses/s and evaluations/s (per call, and compiled once) of realistic filters, against JSON.parse of a same-length JSON text.
// Run after `npx tsc -b`: `node bench/filter.mjs`. Prints medians over rounds; the ratio is to the baseline.
import { attribute, createSchemaRegistry } from 'scim-connector-sdk';
import { compileFilter, createAliasTable, evaluateFilter, parseFilter } from 'scim-connector-sdk/protocol';
import { median } from './stats.mjs';

const ROUNDS = 7;
const ROUND_MS = 30;

const CUSTOM = 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User';
const schema = createSchemaRegistry({
  userExtensions: [
    {
      id: CUSTOM,
      name: 'OnPremApp',
      attributes: [attribute('departmentName'), attribute('isAdmin', 'boolean')],
    },
  ],
}).user;
const aliases = createAliasTable();

const emailChain = Array.from({ length: 20 }, (_, i) => `email eq "user${i}@example.com"`).join(' OR ');
const filters = [
  ['userName eq', 'userName eq "user500@example.com"'],
  ['id eq', 'id eq "102"'],
  ['name.givenName eq', 'name.givenName eq "john"'],
  ['Okta custom attribute', 'urn:okta:onprem_app:1.0:user:custom:departmentName eq "Cloud Service"'],
  ['meta.lastModified gt', 'meta.lastModified gt "2024-01-31T10:00:00Z"'],
  [
    'RFC value path or',
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  ],
  [
    'RFC not/and/or',
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  ],
  ['agent email OR x20', emailChain],
];

const users = Array.from({ length: 1000 }, (_, i) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', CUSTOM],
  id: String(i),
  userName: `user${i}@example.com`,
  userType: i % 3 === 0 ? 'Employee' : 'Contractor',
  name: { givenName: i % 7 === 0 ? 'John' : 'Jane', familyName: `Family${i}` },
  emails: [
    { value: `user${i}@example.com`, type: 'work', primary: true },
    { value: `home${i}@example.org`, type: 'home' },
  ],
  meta: { lastModified: new Date(Date.UTC(2024, 0, 1 + (i % 60))).toISOString() },
  [CUSTOM]: { departmentName: i % 2 ? 'Cloud Service' : 'Administration', isAdmin: i % 10 === 0 },
}));

let sink = 0;

/** Operations per second of `op` over one round of about ROUND_MS. */
function measure(op) {
  const limit = BigInt(ROUND_MS) * 1_000_000n;
  const start = process.hrtime.bigint();
  let count = 0;
  let elapsed = 0n;
  do {
    for (let i = 0; i < 50; i++) sink += op() ? 1 : 0;
    count += 50;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < limit);
  return count / (Number(elapsed) / 1e9);
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(12);

console.log(
  `filter bench: ${ROUNDS} rounds of ~${ROUND_MS} ms each, medians; baseline = JSON.parse of a JSON text as long as the filter`,
);
console.log(
  'evals/s: evaluateFilter per resource; compiled/s: one compileFilter, then the predicate per resource',
);
console.log(
  `${'filter'.padEnd(24)} ${'chars'.padStart(5)} ${'baseline/s'.padStart(12)} ${'parses/s'.padStart(12)} ${'ratio'.padStart(6)}` +
    ` ${'evals/s'.padStart(12)} ${'ratio'.padStart(6)} ${'compiled/s'.padStart(12)} ${'ratio'.padStart(6)}`,
);
for (const [label, text] of filters) {
  const json = JSON.stringify('x'.repeat(Math.max(0, text.length - 2)));
  const ast = aliases.filterTo20(parseFilter(text));
  const predicate = compileFilter(ast, schema);
  let next = 0;
  const rates = { baseline: [], parse: [], evaluate: [], compiled: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rates.baseline.push(measure(() => JSON.parse(json).length > 0));
    rates.parse.push(measure(() => parseFilter(text).kind === 'compare'));
    rates.evaluate.push(measure(() => evaluateFilter(ast, users[next++ % users.length], schema)));
    rates.compiled.push(measure(() => predicate(users[next++ % users.length])));
  }
  const base = median(rates.baseline);
  const parse = median(rates.parse);
  const evaluate = median(rates.evaluate);
  const compiled = median(rates.compiled);
  const ratio = (value) => (value / base).toFixed(3).padStart(6);
  console.log(
    `${label.padEnd(24)} ${String(text.length).padStart(5)} ${fmt(base)} ${fmt(parse)} ${ratio(parse)}` +
      ` ${fmt(evaluate)} ${ratio(evaluate)} ${fmt(compiled)} ${ratio(compiled)}`,
  );
}
if (sink < 0) console.log(sink);
