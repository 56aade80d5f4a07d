// pairedDifference: a hand-worked paired-t example in both directions, a null difference,
// the single-pair convention, and the length check.
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/analysis/paired.js';

describe('pairedDifference', () => {
  // d = a − b = [2, 1, 1, 2, 1]: mean 1.4, s = √0.3 = 0.547723,
  // h = t(0.975, 4) · s / √5 = 2.776445 · 0.547723 / 2.236068 = 0.680087.
  const a = [12, 15, 11, 14, 13];
  const b = [10, 14, 10, 12, 12];

  it('pairedDifference(a, b) is 1.4 ± 0.680087 and significant', () => {
    const { diff, significant } = pairedDifference(a, b);
    expect(diff.value).toBeCloseTo(1.4, 12);
    expect(diff.ci95[0]).toBeCloseTo(1.4 - 0.680087, 6);
    expect(diff.ci95[1]).toBeCloseTo(1.4 + 0.680087, 6);
    expect(significant).toBe(true);
  });

  it('pairedDifference(b, a) is −1.4 ± 0.680087 and significant', () => {
    const { diff, significant } = pairedDifference(b, a);
    expect(diff.value).toBeCloseTo(-1.4, 12);
    expect(diff.ci95[1]).toBeCloseTo(-1.4 + 0.680087, 6);
    expect(significant).toBe(true);
  });

  it('pairedDifference with differences [−1, 1, 0] is not significant', () => {
    const { diff, significant } = pairedDifference([1, 2, 3], [2, 1, 3]);
    expect(diff.value).toBe(0);
    expect(diff.ci95[0]).toBeLessThan(0);
    expect(diff.ci95[1]).toBeGreaterThan(0);
    expect(significant).toBe(false);
  });

  it("pairedDifference detects a constant shift that the runs' own spread would hide", () => {
    // Replications range over 10..1000, yet every paired difference is exactly 0.5.
    const base = [10, 500, 1000, 40, 250];
    const { diff, significant } = pairedDifference(
      base.map((x) => x + 0.5),
      base,
    );
    expect(diff).toEqual({ value: 0.5, ci95: [0.5, 0.5] });
    expect(significant).toBe(true);
  });

  it('pairedDifference with a single pair is never significant', () => {
    expect(pairedDifference([5], [3]).significant).toBe(false);
  });

  it('pairedDifference throws when the lengths differ', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/lengths differ/);
  });
});
