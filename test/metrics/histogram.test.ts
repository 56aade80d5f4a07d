import fc from 'fast-check';
import { quantileSorted } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketValue, Histogram } from '../../src/metrics/histogram.js';
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
      expect(Math.abs(bucketValue(bucketOf(x)) - x) / x).toBeLessThanOrEqual(1 / 256);
    }
  });

  it('agrees with d3 quantileSorted on a large exponential sample', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => -Math.log(1 - (i + 0.5) / 10_000));
    const h = new Histogram();
    for (const v of values) h.record(v);
    const exact = quantileSorted(values, 0.99)!;
    expect(Math.abs(h.quantile(0.99) - exact) / exact).toBeLessThan(0.005);
  });

  it('quantiles(ps) gives, in one pass, what quantile(p) gives for each p', () => {
    checkProperty(
      'test/metrics/histogram.test.ts',
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { maxLength: 400 }),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (values, ps) => {
          const h = new Histogram();
          for (const v of values) h.record(v);
          const ascending = [...ps].sort((a, b) => a - b);
          expect(h.quantiles(ascending)).toEqual(ascending.map((p) => h.quantile(p)));
        },
      ),
    );
  });
});
