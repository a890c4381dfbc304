// The warm-up rule of a benchmark cell: a target that warms until steady runs again while it is still getting faster.
import assert from 'node:assert/strict';
import { MAX_WARMUP_RUNS, warmUpRuns } from '../../bench/cells.mjs';

describe('bench/cells warmUpRuns', () => {
  const cases: [string, number[], boolean][] = [
    ['no run yet', [], true],
    ['one run: two at least, to see a trend', [5000], true],
    ['a second run no faster', [5000, 5000], false],
    ['a second run slower (noise)', [5000, 4000], false],
    ['a second run 10 % faster: within noise', [5000, 5500], false],
    ['a second run 20 % faster: still warming', [5000, 6000], true],
    ['warming, then steady', [1000, 3000, 3100], false],
    ['still warming at the cap', [1000, 2000, 3000, 4000], false],
  ];
  for (const [label, rates, want] of cases) {
    it(`${label}: ${want ? 'another run' : 'done'}`, () => assert.equal(warmUpRuns(rates), want));
  }

  it('stops at MAX_WARMUP_RUNS whatever the trend', () => {
    const rates = Array.from({ length: MAX_WARMUP_RUNS }, (_, i) => 1000 * 2 ** i);
    assert.equal(warmUpRuns(rates), false);
    assert.equal(warmUpRuns(rates.slice(0, -1)), true);
  });
});
