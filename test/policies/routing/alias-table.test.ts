// buildAlias / sampleAlias: the table's exact column masses equal the normalised weights, and
// sampled shares match them within a binomial band.
import { describe, expect, it } from 'vitest';
import { buildAlias, sampleAlias } from '../../../src/policies/routing/alias-table.js';
import { makeStream } from '../../../src/sim/rng.js';

/** Probability the table gives index i: (prob[i] + Σ over columns j aliasing to i of 1 − prob[j]) / n. */
function masses(weights: number[]): number[] {
  const { prob, alias } = buildAlias(weights);
  const n = weights.length;
  const m = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    m[j]! += prob[j]! / n;
    if (alias[j] !== j) m[alias[j]!]! += (1 - prob[j]!) / n;
  }
  return m;
}

describe('buildAlias', () => {
  it('buildAlias([1, 2, 3, 4]) gives each index exactly its weight / 10', () => {
    const m = masses([1, 2, 3, 4]);
    for (let i = 0; i < 4; i++) expect(m[i]).toBeCloseTo((i + 1) / 10, 12);
  });

  it('buildAlias([0.3, 7, 0, 2.7]) never gives a zero weight and matches the others', () => {
    const m = masses([0.3, 7, 0, 2.7]);
    expect(m[2]).toBe(0);
    const want = [0.03, 0.7, 0, 0.27];
    for (let i = 0; i < 4; i++) expect(m[i]).toBeCloseTo(want[i]!, 12);
  });

  it('buildAlias([0, 0]) falls back to the uniform table', () => {
    expect(masses([0, 0])).toEqual([0.5, 0.5]);
  });
});

describe('sampleAlias', () => {
  it('sampleAlias(buildAlias([1, 3])) draws index 1 about 3/4 of the time', () => {
    // N = 40 000 draws, X ~ Binomial(N, 0.75): sd = √(N·0.75·0.25) = 86.6; ±4 sd = ±346.
    const t = buildAlias([1, 3]);
    const rng = makeStream(1, 'alias-test', 0);
    let ones = 0;
    for (let i = 0; i < 40_000; i++) ones += sampleAlias(t, rng);
    expect(Math.abs(ones - 30_000)).toBeLessThan(346);
  });
});
