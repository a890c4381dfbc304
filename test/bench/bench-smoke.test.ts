// The benchmark suite's smoke mode runs end to end and produces every row; it checks shapes, never timings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKLOADS = [
  'get',
  'filter',
  'import',
  'post',
  'put',
  'deactivate',
  'members',
  'members-small',
  'get-v1',
];
const PEER_WORKLOADS = ['get', 'filter', 'import'];

interface Measure {
  rps: number;
  p50: number;
  p99: number;
}
interface HttpRow {
  workload: string;
  label: string;
  ours: Measure;
  bare: Measure;
  peer?: Measure;
  vsBare: number;
  vsPeer?: number;
}

interface ScaleRow {
  size: number;
  bytesPerUser: number;
  filterMicros: number;
  requestFilterMicros: number;
  firstPageMicros: number;
  lastPageMicros: number;
}

describe('npm run bench -- --smoke', function () {
  this.timeout(300_000);
  let dir: string;
  let results: {
    http: HttpRow[];
    pinning: string;
    scale: ScaleRow[];
    generator: { spec: string; freshMs: number; noopMs: number }[];
    config: { scale: number[] };
  };
  let printed: string;

  before(() => {
    // The peer (scimmy) is the benchmark's own package, installed as `npm run bench` installs it.
    if (!existsSync(join(root, 'bench/peer/node_modules/scimmy-routers'))) {
      execFileSync('npm', ['ci', '--prefix', 'bench/peer', '--no-audit', '--no-fund'], {
        cwd: root,
        stdio: 'ignore',
      });
    }
    dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    const out = join(dir, 'results.json');
    printed = execFileSync(process.execPath, ['bench/run.mjs', '--smoke', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    results = JSON.parse(readFileSync(out, 'utf8')) as typeof results;
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('measures every workload against ours and the bare route, and the reads against the peer', () => {
    assert.deepEqual([...new Set(results.http.map((row) => row.workload))], WORKLOADS);
    for (const row of results.http) {
      for (const measure of [row.ours, row.bare, ...(row.peer === undefined ? [] : [row.peer])]) {
        assert.ok(
          measure.rps > 0 && Number.isFinite(measure.p99),
          `${row.workload}: ${JSON.stringify(measure)}`,
        );
      }
      assert.equal(row.peer !== undefined, PEER_WORKLOADS.includes(row.workload), row.workload);
      assert.ok(row.vsBare > 0);
    }
  });

  it('draws the scale curves at every size: heap per user, filter, request and page latencies', () => {
    assert.deepEqual(
      results.scale.map((row) => row.size),
      results.config.scale,
    );
    for (const row of results.scale) {
      const figures = [
        row.bytesPerUser,
        row.filterMicros,
        row.requestFilterMicros,
        row.firstPageMicros,
        row.lastPageMicros,
      ];
      assert.ok(
        figures.every((figure) => figure > 0 && Number.isFinite(figure)),
        JSON.stringify(row),
      );
    }
  });

  it('times the generator, fresh and as a no-op regeneration', () => {
    assert.deepEqual(
      results.generator.map((row) => row.spec),
      ['store-minimal'],
    );
    for (const row of results.generator) assert.ok(row.freshMs > 0 && row.noopMs > 0, JSON.stringify(row));
  });

  it('says how the processes were pinned and prints a row per workload', () => {
    assert.match(results.pinning, /taskset/);
    for (const row of results.http) assert.ok(printed.includes(row.label), row.label);
    assert.equal(printed.split('\n').filter((line) => /\d+x\d+/.test(line)).length, results.http.length);
  });
});
