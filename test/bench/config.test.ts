// The bench's command line: which parts and workloads `--only` picks, and what it refuses.
import assert from 'node:assert/strict';
import { PARTS, readConfig, usage, UsageError, type BenchConfig } from '../../bench/config.mjs';

const NAMES = {
  http: ['get', 'import'],
  sql: ['sql-get', 'sql-import'],
  openapi: ['openapi-get'],
};

/** The config a command line gives, failing the test if it asks for the usage instead. */
function configOf(argv: string[]): BenchConfig {
  const config = readConfig(argv, NAMES);
  if (config.help) assert.fail(`${argv.join(' ')} asked for the usage`);
  return config;
}

describe('bench/config readConfig', () => {
  const picks: [string, string[], { parts: string[]; only: string[]; smoke: boolean }][] = [
    ['nothing: every part', [], { parts: PARTS, only: [], smoke: false }],
    ['a part', ['--only', 'scale'], { parts: ['scale'], only: [], smoke: false }],
    [
      'a workload and a part',
      ['--only', 'get,scale'],
      { parts: ['http', 'scale'], only: ['get'], smoke: false },
    ],
    ['a backend workload', ['--only', 'sql-get'], { parts: ['sql'], only: ['sql-get'], smoke: false }],
    [
      'names with spaces',
      ['--only', ' import , openapi-get'],
      { parts: ['http', 'openapi'], only: ['import', 'openapi-get'], smoke: false },
    ],
    ['the smoke run', ['--smoke', '--only', 'http'], { parts: ['http'], only: [], smoke: true }],
  ];
  for (const [label, argv, want] of picks) {
    it(`${label}: ${argv.join(' ') || '(no arguments)'}`, () => {
      const config = configOf(argv);
      assert.deepEqual({ parts: config.parts, only: config.only, smoke: config.smoke }, want);
      assert.equal(config.help, false);
    });
  }

  it('gives the smoke run its own, smaller sizes', () => {
    assert.ok(configOf(['--smoke']).users < configOf([]).users);
  });

  for (const argv of [['--help'], ['-h'], ['--only', 'nonsense', '--help']]) {
    it(`asks for the usage: ${argv.join(' ')}`, () =>
      assert.deepEqual(readConfig(argv, NAMES), { help: true }));
  }

  const refusals: [string, string[], RegExp][] = [
    [
      'a misspelt workload',
      ['--only', 'gett'],
      /--only names "gett": not a part or workload id \(see --help\)/,
    ],
    ['one bad name among good ones', ['--only', 'get,scael,sql-get'], /"scael"/],
    ['an option it does not know', ['--bogus'], /'--bogus'.*\(see --help\)/],
    ['--only without names', ['--only'], /--only.*\(see --help\)/],
  ];
  for (const [label, argv, message] of refusals) {
    it(`refuses ${label}: ${argv.join(' ')}`, () => {
      assert.throws(
        () => readConfig(argv, NAMES),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }

  it('lists every part and workload id in the usage', () => {
    const text = usage(NAMES);
    for (const name of [...PARTS, ...Object.values(NAMES).flat()])
      assert.match(text, new RegExp(`\\b${name}\\b`));
  });
});
