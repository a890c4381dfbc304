// The scale curves: a process per size loads its users straight into a MemoryStore; their reads are timed in rounds that go from size to size.
import { median } from './stats.mjs';
import { startTarget } from './targets.mjs';

/** Milliseconds of one timed round of one read in one process. */
const ROUND_MS = 100;

/** The reads each probe times (its result fields), and the ratio field each one's row gets. */
const READS = [
  ['mapGetMicros', 'mapGetVsFirst'],
  ['filterMicros', 'filterVsFirst'],
  ['requestFilterMicros', 'requestFilterVsFirst'],
  ['firstPageMicros', undefined],
  ['lastPageMicros', 'lastPageVsFirst'],
  ['requestLastPageMicros', 'requestLastPageVsFirst'],
];

/**
 * One row per size: bytes per user after a forced GC, then filter and page latencies (store calls and
 * whole requests), each a median of CPU µs per call and a ratio to the first size. Every size's
 * process stays up, and each round times a read in every process in turn (the order turning round by
 * round): a size timed a minute after another met another machine load, and on this shared machine
 * that moved the 1M ratios by half. A ratio is the median of the rounds' ratios.
 */
export async function scaleCurves(config) {
  const probes = [];
  try {
    // One at a time: the seeding of 1M users takes a core for seconds, and each probe settles (its
    // collector done) before the next starts.
    for (const size of config.scale) {
      probes.push(await startTarget('scale-probe.mjs', [size], ['--expose-gc', '--max-old-space-size=8192']));
    }
    const time = async (probe, read, ms) => {
      const answer = await probe.ask({ read, ms });
      if (answer.error !== undefined) throw new Error(`scale probe of ${probe.size} users: ${answer.error}`);
      return answer.micros;
    };
    const rows = probes.map(({ size, clock, bytesPerUser }) => ({ size, clock, bytesPerUser }));
    for (const [read, ratio] of READS) {
      for (const probe of probes) await time(probe, read, config.scaleWarmUpMs);
      const rounds = probes.map(() => []);
      for (let round = 0; round < config.scaleRounds; round++) {
        for (let k = 0; k < probes.length; k++) {
          const at = (k + round) % probes.length;
          rounds[at].push(await time(probes[at], read, ROUND_MS));
        }
      }
      rows.forEach((row, at) => {
        row[read] = median(rounds[at]);
        if (ratio !== undefined) row[ratio] = median(rounds[at].map((micros, r) => micros / rounds[0][r]));
      });
    }
    for (const row of rows) row.lastPageVsFirstPage = row.lastPageMicros / row.firstPageMicros;
    // The filter's own work, above the floor of the one hashed lookup it cannot do without: at a
    // million users the floor alone grows several times (cache and TLB misses), whoever looks up.
    const aboveFloor = (row) => row.filterMicros - row.mapGetMicros;
    for (const row of rows) row.filterAboveFloorVsFirst = aboveFloor(row) / aboveFloor(rows[0]);
    for (const probe of probes) {
      const answer = await probe.ask({ exit: true });
      if (answer.error !== undefined) throw new Error(`scale probe of ${probe.size} users: ${answer.error}`);
    }
    return rows;
  } finally {
    for (const probe of probes) probe.stop();
  }
}
