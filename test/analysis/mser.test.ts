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
    // A series that only climbs: the cut stops at ⌊k/2⌋.
    expect(mserTruncation(Array.from({ length: 11 }, (_, i) => i * i)).batches).toBeLessThanOrEqual(5);
  });

  it('gives 0 for fewer than two batches and rejects non-finite means', () => {
    expect(mserTruncation([]).batches).toBe(0);
    expect(mserTruncation([3]).batches).toBe(0);
    expect(() => mserTruncation([1, Number.NaN, 2])).toThrow(/not finite/);
  });
});
