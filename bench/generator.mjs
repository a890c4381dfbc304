// The generator timings: median wall time of `scim-connector generate` for each example spec, fresh and as a no-op regeneration.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin/scim-connector.js');

/** The example specs: each folder of spec/examples that holds a connector.yaml, plus the example server's. */
function specs() {
  const examples = join(ROOT, 'spec/examples');
  const found = readdirSync(examples)
    .map((name) => [name, join(examples, name, 'connector.yaml')])
    .filter(([, path]) => existsSync(path));
  return [...found, ['example-server', join(ROOT, 'examples/example-server/connector.yaml')]];
}

function timed(spec, out) {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [CLI, 'generate', spec, '--out', out], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds of one generation into an empty folder, which is removed afterwards. */
function freshOnce(spec) {
  const out = join(mkdtempSync(join(tmpdir(), 'scim-gen-')), 'project');
  try {
    return timed(spec, out);
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

/**
 * The first generation on a machine: without the generator's caches (the packed SDK and tester,
 * the DDL models PGlite read), of the sql spec when chosen, as it uses both.
 */
function coldRow(chosen) {
  const [name, spec] = chosen.find(([n]) => n === 'initech-sql') ?? chosen[0];
  for (const cache of ['scim-connector-pack', 'scim-connector-ddl']) {
    rmSync(join(ROOT, 'node_modules', '.cache', cache), { recursive: true, force: true });
  }
  return { spec: `${name}, cold`, freshMs: freshOnce(spec) };
}

/**
 * One row per spec: median milliseconds of a generation into an empty folder and of a regeneration
 * that changes nothing, with the generator's caches warm; and a first row with them cold.
 */
export function generatorTimings(config) {
  const chosen = specs().filter(
    ([name]) => config.generatorSpecs === undefined || config.generatorSpecs.includes(name),
  );
  return [
    coldRow(chosen),
    ...chosen.map(([name, spec]) => {
      const fresh = [];
      const noop = [];
      for (let run = 0; run < config.generatorRuns; run++) {
        const out = join(mkdtempSync(join(tmpdir(), 'scim-gen-')), 'project');
        try {
          fresh.push(timed(spec, out));
          noop.push(timed(spec, out));
        } finally {
          rmSync(join(out, '..'), { recursive: true, force: true });
        }
      }
      return {
        spec: name,
        freshMs: median(fresh),
        noopMs: median(noop),
        noopVsFresh: median(noop) / median(fresh),
      };
    }),
  ];
}
