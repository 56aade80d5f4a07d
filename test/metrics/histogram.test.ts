import fc from 'fast-check';
import { quantileSorted } from 'd3-array';
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketValue,
  Histogram,
  isQuantilePath,
  nearestRank,
  QUANTILE_RELATIVE_ERROR,
  quantileRoundingDeviation,
} from '../../src/metrics/histogram.js';
import { checkProperty } from '../support/check-property.js';

describe('Histogram', () => {
  it('quantile(p) is within 0.4% of the exact nearest-rank order statistic', () => {
    checkProperty(
      'test/metrics/histogram.test.ts',
      fc.property(
        fc.array(fc.double({ min: 1e-5, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }),
        fc.constantFrom(0.5, 0.9, 0.95, 0.99, 0.999),
        (values, p) => {
          const h = new Histogram();
          for (const v of values) h.record(v);
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
          expect(Math.abs(h.quantile(p) - exact) / exact).toBeLessThanOrEqual(1 / 256 + 1e-12);
        },
      ),
    );
  });

  it('mean() is exact, not bucketed', () => {
    const h = new Histogram();
    for (const v of [0.1, 0.2, 0.7]) h.record(v);
    expect(h.mean).toBeCloseTo(1 / 3, 15);
  });

  it('records zero and sub-microsecond values in the zero bucket', () => {
    const h = new Histogram();
    h.record(0);
    h.record(1e-9);
    h.record(2);
    expect(bucketOf(0)).toBe(0);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(1)).toBeCloseTo(2, 1);
  });

  it('quantile() of an empty histogram is NaN and reset() empties it', () => {
    const h = new Histogram();
    expect(h.quantile(0.5)).toBeNaN();
    h.record(3);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantile(0.99)).toBeNaN();
  });

  it('bucketValue(bucketOf(x)) is within half a bucket of x', () => {
    for (const x of [1e-6, 0.001, 0.37, 1, 1.5, 1000, 123456.789]) {
      expect(Math.abs(bucketValue(bucketOf(x)) - x) / x).toBeLessThanOrEqual(QUANTILE_RELATIVE_ERROR);
    }
    expect(QUANTILE_RELATIVE_ERROR).toBe(1 / 256);
    // The rounding error is uniform over ±x/256 at most: its deviation is that half-width / √3.
    expect(quantileRoundingDeviation(-2.56)).toBeCloseTo(0.01 / Math.sqrt(3), 15);
  });

  it('tells the quantile figures by their path, not by a last segment a group may share', () => {
    const quantiles = [
      'responseTime.p50',
      'waitTime.p999',
      'classes.high.responseTime.p99',
      'responseTime.p95',
    ];
    expect(quantiles.every(isQuantilePath)).toBe(true);
    const others = [
      'responseTime.mean',
      'cost',
      'costPerTask',
      'utilizationByGroup.p4',
      'p99',
      'waitTime.p9x',
    ];
    expect(others.some(isQuantilePath)).toBe(false);
  });

  it('agrees with d3 quantileSorted on a large exponential sample', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => -Math.log(1 - (i + 0.5) / 10_000));
    const h = new Histogram();
    for (const v of values) h.record(v);
    const exact = quantileSorted(values, 0.99)!;
    expect(Math.abs(h.quantile(0.99) - exact) / exact).toBeLessThan(0.005);
  });

  it('quantiles(ps) gives, in one pass, every exact nearest-rank order statistic within 0.4%', () => {
    // ps of the form i/1000, so the exact rank ceil(i·n/1000) is integer arithmetic (p·n in
    // floating point is not: 0.07 × 100 is 7.000000000000001).
    checkProperty(
      'test/metrics/histogram.test.ts',
      fc.property(
        fc.array(fc.double({ min: 1e-5, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (values, thousandths) => {
          const h = new Histogram();
          for (const v of values) h.record(v);
          const sorted = [...values].sort((a, b) => a - b);
          const n = sorted.length;
          const ascending = [...thousandths].sort((a, b) => a - b);
          const got = h.quantiles(ascending.map((i) => i / 1000));
          ascending.forEach((i, j) => {
            const exact = sorted[Math.floor((i * n + 999) / 1000) - 1]!;
            expect(Math.abs(got[j]! - exact) / exact).toBeLessThanOrEqual(1 / 256 + 1e-12);
          });
        },
      ),
    );
  });

  it('nearestRank(p, n) is the smallest rank r >= p·n, in exact terms', () => {
    expect(nearestRank(0.07, 100)).toBe(7); // 0.07 × 100 = 7.000000000000001 in floating point
    expect(nearestRank(0.07, 100_000)).toBe(7000);
    expect(nearestRank(0.29, 100)).toBe(29); // 28.999999999999996
    expect(nearestRank(0.5, 1)).toBe(1);
    expect(nearestRank(0.5, 3)).toBe(2);
    expect(nearestRank(0, 10)).toBe(1);
    expect(nearestRank(1, 10)).toBe(10);
    expect(nearestRank(0.999, 2000)).toBe(1998);
  });
});
