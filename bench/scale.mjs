// The scale curves: for each size a fresh process loads the users straight into a MemoryStore; ratios are to the smallest size.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CORES } from './targets.mjs';

const PROBE = fileURLToPath(new URL('./scale-probe.mjs', import.meta.url));

/** One row per size: bytes per user after a forced GC, filter and page latencies (store calls and whole requests), each as a ratio to the first size. */
export function scaleCurves(config) {
  const rows = config.scale.map((size) => {
    const output = execFileSync(
      'taskset',
      [
        '-c',
        CORES.server,
        process.execPath,
        '--expose-gc',
        '--max-old-space-size=8192',
        PROBE,
        String(size),
        String(config.scaleRounds),
        String(config.scaleWarmUpMs),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    return JSON.parse(output);
  });
  const [first] = rows;
  return rows.map((row) => ({
    ...row,
    filterVsFirst: row.filterMicros / first.filterMicros,
    requestFilterVsFirst: row.requestFilterMicros / first.requestFilterMicros,
    lastPageVsFirst: row.lastPageMicros / first.lastPageMicros,
    requestLastPageVsFirst: row.requestLastPageMicros / first.requestLastPageMicros,
    lastPageVsFirstPage: row.lastPageMicros / row.firstPageMicros,
  }));
}
