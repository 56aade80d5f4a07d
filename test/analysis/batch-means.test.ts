// batchMeans: zero width on a constant series, the leftover dropped from the start, a
// hand-computed four-batch example, and argument checks.
import { describe, expect, it } from 'vitest';
import { batchMeans } from '../../src/analysis/batch-means.js';
import { tQuantile } from '../../src/analysis/student-t.js';

describe('batchMeans', () => {
  it('batchMeans of a constant series has zero width', () => {
    expect(batchMeans(new Array(1000).fill(2.5))).toEqual({ value: 2.5, ci95: [2.5, 2.5] });
  });

  it('batchMeans drops the leftover values from the start', () => {
    // 45 values into 4 batches of 11: the first value (a warm-up outlier) is dropped.
    const series = [1000, ...new Array(44).fill(1)];
    expect(batchMeans(series, 4)).toEqual({ value: 1, ci95: [1, 1] });
  });

  it('batchMeans(0..99, 4) has batch means 12, 37, 62, 87', () => {
    // Mean 49.5; batch-mean variance = 2(37.5² + 12.5²)/3 = 3125/3, s = 32.2749;
    // h = t(0.975, 3) · s / √4 = 3.182446 · 32.2749 / 2 = 51.3565.
    const e = batchMeans(
      Array.from({ length: 100 }, (_, i) => i),
      4,
    );
    const h = (tQuantile(0.975, 3) * Math.sqrt(3125 / 3)) / 2;
    expect(h).toBeCloseTo(51.3565, 4);
    expect(e.value).toBeCloseTo(49.5, 12);
    expect(e.ci95[0]).toBeCloseTo(49.5 - h, 10);
    expect(e.ci95[1]).toBeCloseTo(49.5 + h, 10);
  });

  it('batchMeans rejects too few values and bad batch counts', () => {
    expect(() => batchMeans([1, 2, 3], 4)).toThrow(RangeError);
    expect(() => batchMeans([1, 2, 3, 4], 1)).toThrow(RangeError);
    expect(() => batchMeans([1, 2, 3, 4], 2.5)).toThrow(RangeError);
  });
});
