// The suite's sizes and durations: the full run (`npm run bench`, under 10 minutes) and the smoke run `npm test` makes.
import { parseArgs } from 'node:util';

const FULL = {
  users: 20_000,
  members: 10_000,
  connections: [10, 50],
  pipelining: 4,
  seconds: 0.8,
  // Half-second warm-ups, up to MAX_WARMUP_RUNS (cells.mjs) where a code path is new: a fresh
  // server's GET ran at 1,616, 1,546, 5,896 and 8,841 req/s in its first 2.8 s.
  warmup: 0.5,
  // Five short runs rather than three long ones: a median of five shrugs off two runs another
  // process on this shared machine slowed.
  rounds: 5,
  scale: [1_000, 10_000, 100_000, 1_000_000],
  scaleRounds: 5,
  scaleWarmUpMs: 300,
  // The backend rows: PostgreSQL with 100k users (seeded by INSERT … SELECT), the openapi fake app with the HTTP suite's users.
  sqlUsers: 100_000,
  openapiUsers: 20_000,
  // One generation takes 20-30 s on the shared machine: a single fresh and no-op run per spec keeps the suite under 10 minutes.
  generatorRuns: 1,
};

const SMOKE = {
  ...FULL,
  users: 300,
  members: 100,
  connections: [2],
  pipelining: 2,
  amount: 40,
  warmup: 0,
  rounds: 1,
  scale: [1_000, 2_000],
  scaleRounds: 1,
  scaleWarmUpMs: 100,
  sqlUsers: 300,
  openapiUsers: 300,
  generatorRuns: 1,
  generatorSpecs: ['store-minimal'],
};

/** The parts of the suite `--only` can name besides the HTTP workloads. */
export const PARTS = ['http', 'sql', 'openapi', 'scale', 'generator'];

/** The part a workload id belongs to: `sql-get` to sql, `openapi-import` to openapi, the rest to http. */
function partOf(id) {
  return PARTS.find((part) => id.startsWith(`${part}-`)) ?? 'http';
}

/** Whether `--only` keeps `workload` of `part`: it names the workload, or no workload of that part. */
export function chosen(config, part, workload) {
  const named = config.only.filter((id) => partOf(id) === part);
  return named.length === 0 || named.includes(workload.id);
}

/** A command line the suite cannot run: the message says what to change. */
export class UsageError extends Error {}

/**
 * What `npm run bench -- --help` prints. `names`: the workload ids `--only` takes, by part
 * ({ http: ['get', …], sql: […], openapi: […] }).
 */
export function usage(names) {
  const rows = PARTS.map((part) => `  ${part.padEnd(10)}${names[part]?.join(', ') ?? '(a whole part)'}`);
  return [
    'Usage: npm run bench -- [--only <names>] [--smoke] [--out <file>]',
    '',
    'Runs the benchmark suite (about 9 minutes) and prints its table; the figures go to',
    'bench/results.json. Every ratio compares targets measured in the same run.',
    '',
    '  --only <names>  comma-separated parts or workload ids: only those run',
    '  --smoke         tiny sizes and durations, to check that every row runs (npm test does)',
    '  --out <file>    where the results go (bench/results.json by default)',
    '  --help          this text',
    '',
    'Parts and their workload ids:',
    ...rows,
  ].join('\n');
}

/**
 * Reads `--smoke`, `--only a,b` (workload ids or parts: http, sql, openapi, scale, generator),
 * `--out file` and `--help` from the command line; `names` as for usage. Throws a UsageError for an
 * option it does not know, or a name in `--only` that is neither a part nor a workload id.
 */
export function readConfig(argv, names) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        smoke: { type: 'boolean', default: false },
        only: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error.message} (see --help)`);
  }
  if (values.help) return { help: true };
  const only = values.only === undefined ? [] : values.only.split(',').map((name) => name.trim());
  const known = new Set([...PARTS, ...Object.values(names).flat()]);
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `--only names ${unknown.map((name) => `"${name}"`).join(', ')}: not a part or workload id (see --help)`,
    );
  }
  return {
    ...(values.smoke ? SMOKE : FULL),
    help: false,
    smoke: values.smoke,
    out: values.out ?? new URL('./results.json', import.meta.url).pathname,
    parts:
      only.length === 0
        ? PARTS
        : PARTS.filter(
            (part) => only.includes(part) || only.some((id) => !PARTS.includes(id) && partOf(id) === part),
          ),
    only: only.filter((id) => !PARTS.includes(id)),
  };
}
