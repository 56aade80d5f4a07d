// estimate / halfWidth / contains: the textbook five-point example, the n = 1 convention,
// input checks, and a coverage study showing the 95% interval covers ~95% of the time.
import { describe, expect, it } from 'vitest';
import { contains, estimate, halfWidth } from '../../src/analysis/estimate.js';

/** mulberry32: a small seeded uniform generator on [0, 1), so the coverage study is repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('estimate', () => {
  it('estimate([1, 2, 3, 4, 5]) is 3 ± 1.963243', () => {
    // s = √2.5 = 1.581139, t(0.975, 4) = 2.776445, h = 2.776445 · 1.581139 / √5 = 1.963243.
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.value).toBe(3);
    expect(e.ci95[0]).toBeCloseTo(3 - 1.963243, 6);
    expect(e.ci95[1]).toBeCloseTo(3 + 1.963243, 6);
    expect(halfWidth([1, 2, 3, 4, 5])).toBeCloseTo(1.963243, 6);
  });

  it('estimate accepts typed arrays', () => {
    expect(estimate(Float64Array.from([2, 4])).value).toBe(3);
  });

  it('estimate([7]) is the degenerate interval [7, 7] (one replication gives no interval)', () => {
    expect(estimate([7])).toEqual({ value: 7, ci95: [7, 7] });
    expect(halfWidth([7])).toBe(0);
  });

  it('estimate of a constant sample has zero width', () => {
    expect(estimate([4, 4, 4, 4])).toEqual({ value: 4, ci95: [4, 4] });
  });

  it('minDeviation is the least spread the interval assumes; a larger sample deviation wins', () => {
    // t(0.975, 3) = 3.182446: constant values with a floor of 0.5 give 3.182446 · 0.5 / 2.
    const e = estimate([4, 4, 4, 4], 0.95, 0.5);
    expect(e.value).toBe(4);
    expect(e.ci95[1] - 4).toBeCloseTo((3.182446 * 0.5) / 2, 6);
    expect(estimate([1, 2, 3, 4, 5], 0.95, 0.1)).toEqual(estimate([1, 2, 3, 4, 5]));
    expect(estimate([7], 0.95, 0.5)).toEqual({ value: 7, ci95: [7, 7] });
    expect(() => estimate([1, 2], 0.95, -1)).toThrow(/minDeviation/);
    expect(() => estimate([1, 2], 0.95, Number.NaN)).toThrow(/minDeviation/);
  });

  it('estimate throws on NaN and on empty input', () => {
    expect(() => estimate([1, Number.NaN, 3])).toThrow(/NaN/);
    expect(() => estimate([])).toThrow();
    expect(() => halfWidth([Number.NaN, 1])).toThrow(/NaN/);
  });

  it('contains(estimate, x) is true inside the closed interval only', () => {
    const e = { value: 3, ci95: [1, 5] as [number, number] };
    expect(contains(e, 1)).toBe(true);
    expect(contains(e, 3)).toBe(true);
    expect(contains(e, 5)).toBe(true);
    expect(contains(e, 5.0001)).toBe(false);
    expect(contains(e, 0.9999)).toBe(false);
  });

  it('estimate covers the true mean about 95% of the time (normal samples, n = 5)', () => {
    // Box–Muller normals with mean 10, sd 3; 4000 intervals, binomial sd of coverage ≈ 0.0034.
    const uniform = mulberry32(12345);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    let covered = 0;
    const trials = 4000;
    for (let k = 0; k < trials; k++) {
      const sample = Array.from({ length: 5 }, () => 10 + 3 * normal());
      if (contains(estimate(sample), 10)) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.935);
    expect(covered / trials).toBeLessThan(0.965);
  });
});
