// The benchmark suite's smoke mode runs end to end and produces every row; it checks shapes, never timings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const BACKEND_WORKLOADS = ['sql-get', 'sql-import', 'sql-filter', 'openapi-get', 'openapi-import'];
const PROFILED = ['sql-get', 'sql-import', 'openapi-get', 'openapi-import'];
/** The PostgreSQL the sql rows start (test/support/postgres-server.ts): without it they say why instead. */
const POSTGRES =
  process.env['PG_BIN'] !== undefined ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));

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

interface BackendRow {
  workload: string;
  label: string;
  backend: string;
  skipped?: string;
  baseline?: string;
  ours?: Measure;
  direct?: Measure;
  vsDirect?: number;
  cpu?: { generated: number; layers: Record<string, number>; busyMs: number; top: { name: string }[] };
}

interface ScaleRow {
  size: number;
  bytesPerUser: number;
  mapGetMicros: number;
  filterMicros: number;
  requestFilterMicros: number;
  firstPageMicros: number;
  lastPageMicros: number;
  requestLastPageMicros: number;
  filterAboveFloorVsFirst: number;
}

describe('npm run bench -- --smoke', function () {
  this.timeout(300_000);
  let dir: string;
  let results: {
    http: HttpRow[];
    backends: BackendRow[];
    pinning: string;
    scale: ScaleRow[];
    generator: { spec: string; freshMs: number; noopMs?: number }[];
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

  it('measures the generated sql and openapi connectors against their backends called directly', () => {
    assert.deepEqual(
      results.backends.map((row) => row.workload),
      BACKEND_WORKLOADS,
    );
    for (const row of results.backends) {
      if (row.backend === 'sql' && !POSTGRES) {
        assert.match(row.skipped ?? '', /initdb|PostgreSQL/, row.workload);
        continue;
      }
      assert.equal(row.skipped, undefined, row.workload);
      for (const measure of [row.ours!, row.direct!]) {
        assert.ok(
          measure.rps > 0 && Number.isFinite(measure.p99),
          `${row.workload}: ${JSON.stringify(measure)}`,
        );
      }
      assert.ok(row.vsDirect! > 0 && row.baseline !== undefined, row.workload);
    }
  });

  it("profiles each backend's read and import: the generated code's share of CPU among the layers", () => {
    for (const row of results.backends.filter(
      (r) => PROFILED.includes(r.workload) && r.skipped === undefined,
    )) {
      const cpu = row.cpu!;
      const total = Object.values(cpu.layers).reduce((sum, share) => sum + share, 0);
      assert.ok(
        Math.abs(total - 1) < 1e-9 && cpu.busyMs > 0,
        `${row.workload}: ${JSON.stringify(cpu.layers)}`,
      );
      // The connector's own process ran the SDK and the HTTP server: a profile without them profiled nothing.
      assert.ok((cpu.layers['sdk'] ?? 0) > 0 && (cpu.layers['fastify'] ?? 0) > 0, row.workload);
      assert.ok(cpu.generated >= 0 && cpu.generated <= 1 && cpu.top.length > 0, row.workload);
      assert.ok(printed.includes(`${(cpu.generated * 100).toFixed(1)} %`), row.workload);
    }
  });

  it('draws the scale curves at every size: heap per user, the Map.get floor, filter, request and page latencies', () => {
    assert.deepEqual(
      results.scale.map((row) => row.size),
      results.config.scale,
    );
    for (const row of results.scale) {
      const figures = [
        row.bytesPerUser,
        row.mapGetMicros,
        row.filterMicros,
        row.requestFilterMicros,
        row.firstPageMicros,
        row.lastPageMicros,
        row.requestLastPageMicros,
      ];
      assert.ok(
        figures.every((figure) => figure > 0 && Number.isFinite(figure)),
        JSON.stringify(row),
      );
      assert.ok(Number.isFinite(row.filterAboveFloorVsFirst), JSON.stringify(row));
    }
    assert.equal(results.scale[0]?.filterAboveFloorVsFirst, 1, 'the smallest size is its own base');
    assert.match(printed, /filter−Map\.get÷1k/);
  });

  it('times the generator, fresh and as a no-op regeneration, and once with its caches cold', () => {
    assert.deepEqual(
      results.generator.map((row) => row.spec),
      ['store-minimal, cold', 'store-minimal'],
    );
    const [cold, ...warm] = results.generator;
    assert.ok(cold!.freshMs > 0 && cold!.noopMs === undefined, JSON.stringify(cold));
    for (const row of warm) assert.ok(row.freshMs > 0 && row.noopMs! > 0, JSON.stringify(row));
  });

  it('says how the processes were pinned and prints a row per workload', () => {
    assert.match(results.pinning, /taskset/);
    for (const row of results.http) assert.ok(printed.includes(row.label), row.label);
    const measured = results.backends.filter((row) => row.skipped === undefined).length;
    assert.equal(
      printed.split('\n').filter((line) => /\d+x\d+/.test(line)).length,
      results.http.length + measured,
    );
  });
});
