import { describe, expect, it } from 'vitest';
import { mserTruncation } from '../../src/analysis/mser.js';

describe('mserTruncation(means)', () => {
  it('matches a hand-computed case', () => {
    // Z = [10, 2, 1, 3, 2], k = 5, d in {0, 1, 2}:
    //   d = 0: mean 3.6, Σ(Z − 3.6)² = 40.96 + 2.56 + 6.76 + 0.36 + 2.56 = 53.2, / 5² = 2.128
    //   d = 1: mean 2,   Σ = 0 + 1 + 1 + 0 = 2,                                 / 4² = 0.125
    //   d = 2: mean 2,   Σ = 1 + 1 + 0 = 2,                                     / 3² = 0.2222
    const cut = mserTruncation([10, 2, 1, 3, 2]);
    expect(cut.batches).toBe(1);
    expect(cut.statistic).toBeCloseTo(0.125, 12);
  });

  it('cuts an obvious transient exactly where it ends', () => {
    // Five decaying batches, then a stationary series alternating 1.2, 0.8 (mean 1, variance 0.04):
    // MSER(5) = 100·0.04 / 100² = 4e-4; dropping one more value gives about 3.96 / 99² = 4.04e-4.
    const transient = [50, 40, 30, 20, 10];
    const steady = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1.2 : 0.8));
    expect(mserTruncation([...transient, ...steady]).batches).toBe(5);
  });

  it('keeps everything when there is no transient, and never cuts more than half', () => {
    expect(mserTruncation([1, 1, 1, 1]).batches).toBe(0);
    // Z_j = j², j = 0..10: MSER(d) for d = 0..5 is 98, 105.1, 110.5, 113.5, 113.7, 110.4, so the
    // cut is 0 (the longest suffix wins despite the climb).
    expect(mserTruncation(Array.from({ length: 11 }, (_, i) => i * i)).batches).toBe(0);
  });

  it('may cut exactly half the batches, and no more', () => {
    // k = 6: MSER(3) = 0 (the suffix [1, 1, 1] is constant), the largest cut allowed.
    expect(mserTruncation([100, 100, 100, 1, 1, 1]).batches).toBe(3);
    // k = 7, ⌊k/2⌋ = 3: MSER(4) = 0 lies past the limit, so the cut is 3, not 4:
    // MSER(3) over [5, 1, 1, 1] is (9 + 1 + 1 + 1) / 4² = 0.75.
    const cut = mserTruncation([100, 100, 100, 5, 1, 1, 1]);
    expect(cut.batches).toBe(3);
    expect(cut.statistic).toBeCloseTo(0.75, 12);
  });

  it('gives 0 for fewer than two batches and rejects non-finite means', () => {
    expect(mserTruncation([]).batches).toBe(0);
    expect(mserTruncation([3]).batches).toBe(0);
    expect(() => mserTruncation([1, Number.NaN, 2])).toThrow(/not finite/);
  });
});
