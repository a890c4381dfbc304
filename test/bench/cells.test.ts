// The warm-up rules of a benchmark cell: one run, or until two runs in a row agree; none more for a peer that gave up.
import assert from 'node:assert/strict';
import {
  MAX_WARMUP_RUNS,
  MIN_WARMUP_RUNS,
  needsWarmUp,
  pairedRatio,
  warmUpRuns,
} from '../../bench/cells.mjs';

describe('bench/cells warmUpRuns', () => {
  const cases: [string, number[], boolean][] = [
    ['no run yet', [], true],
    ['slow runs that agree (a peer compiling): still under the fewest', [560, 773, 708], true],
    ['a fresh server in its first 2.5 s', [2000, 2514, 6347, 5180, 9478], true],
    ['a sixth run as fast as the fifth', [2000, 2514, 6347, 5180, 9478, 8916], false],
    ['a sixth run 10 % faster: within noise', [2000, 3000, 4000, 4500, 5000, 5500], false],
    ['a sixth run 10 % slower: within noise', [2000, 3000, 4000, 4500, 5000, 4500], false],
    ['a sixth run 20 % faster: still warming', [2000, 3000, 4000, 4500, 5000, 6000], true],
    ['a dip of 16 %: not steady', [1000, 2000, 2500, 3000, 2189, 1835], true],
    ['warming, then steady', [1000, 2000, 3000, 4000, 5000, 6000, 6100], false],
    ['still warming under the cap', [1000, 2000, 3000, 4000, 5000, 6000, 7000], true],
    ['still warming at the cap', [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000], false],
  ];
  for (const [label, rates, want] of cases) {
    it(`${label}: ${want ? 'another run' : 'done'}`, () => assert.equal(warmUpRuns(rates), want));
  }

  it('stops at MAX_WARMUP_RUNS whatever the trend', () => {
    const rates = Array.from({ length: MAX_WARMUP_RUNS }, (_, i) => 1000 * 2 ** i);
    assert.equal(warmUpRuns(rates), false);
    assert.equal(warmUpRuns(rates.slice(0, -1)), true);
  });

  it('runs MIN_WARMUP_RUNS however steady the first ones', () => {
    const steady = Array.from({ length: MIN_WARMUP_RUNS - 1 }, () => 5000);
    assert.equal(warmUpRuns(steady), true);
    assert.equal(warmUpRuns([...steady, 5000]), false);
  });
});

describe('bench/cells needsWarmUp', () => {
  const cases: [string, number[], { steady: boolean; givesUp: boolean }, boolean][] = [
    ['not steady, no run yet', [], { steady: false, givesUp: false }, true],
    ['not steady, one run', [5000], { steady: false, givesUp: false }, false],
    ['steady, one run', [5000], { steady: true, givesUp: false }, true],
    ['steady, settled', [1000, 3000, 4000, 4500, 5000, 5100], { steady: true, givesUp: false }, false],
    ['steady peer that finished nothing: given up', [0], { steady: true, givesUp: true }, false],
    ['steady peer that answered: warms on', [900], { steady: true, givesUp: true }, true],
    ['a target that does not give up warms on after nothing', [0], { steady: true, givesUp: false }, true],
  ];
  for (const [label, rates, how, want] of cases) {
    it(`${label}: ${want ? 'another run' : 'done'}`, () => assert.equal(needsWarmUp(rates, how), want));
  }
});

describe('bench/cells pairedRatio', () => {
  const cases: [string, number[], number[], number][] = [
    ['one round', [800], [1000], 0.8],
    ['steady rounds', [800, 800, 800], [1000, 1000, 1000], 0.8],
    // The ratio of the medians would be 6,000 ÷ 10,000 = 0.6, though every round but one was 0.5.
    [
      'a slow round slows both runs of it',
      [4000, 8000, 5000, 6000, 9000],
      [8000, 16000, 10000, 12000, 10000],
      0.5,
    ],
    ['an even number of rounds: the middle two averaged', [1, 2, 3, 4], [10, 10, 10, 10], 0.25],
    ['runs past the shorter list are left out', [500, 500, 9000], [1000, 1000], 0.5],
  ];
  for (const [label, a, b, want] of cases) {
    it(`${label}: ${want}`, () => assert.equal(pairedRatio({ runs: a }, { runs: b }), want));
  }
});
