// Each size distribution's sample mean must contain its analytic mean (meanOf) in a 99% CI
// computed from 20 independent batches of draws; exact checks for the deterministic ones.
import { describe, expect, it } from 'vitest';
import { tQuantile } from '../../src/analysis/student-t.js';
import { makeStream } from '../../src/sim/rng.js';
import { makeSampler, meanOf } from '../../src/workload/distributions.js';
import type { SizeDist } from '../../src/workload/scenario-schema.js';

const cases: SizeDist[] = [
  { dist: 'exponential', mean: 2 },
  { dist: 'uniform', min: 1, max: 3 },
  { dist: 'lognormal', mean: 1.5, cv: 0.8 },
  { dist: 'pareto', alpha: 2.5, min: 1 },
  { dist: 'pareto', alpha: 1.2, min: 0.5, max: 50 },
  { dist: 'pareto', alpha: 1, min: 1, max: 10 },
  { dist: 'empirical', values: [1, 2, 6] },
];

function batchMeans(d: SizeDist, batches = 20, perBatch = 20_000): number[] {
  const rng = makeStream(1, `dist:${JSON.stringify(d)}`, 0);
  const sample = makeSampler(d);
  return Array.from({ length: batches }, () => {
    let s = 0;
    for (let i = 0; i < perBatch; i++) s += sample(rng);
    return s / perBatch;
  });
}

describe('size distributions', () => {
  for (const d of cases) {
    it(`makeSampler(${JSON.stringify(d)}) has mean meanOf() = ${meanOf(d).toFixed(4)} within a 99% CI`, () => {
      const means = batchMeans(d);
      const n = means.length;
      const m = means.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
      const half = (tQuantile(0.995, n - 1) * sd) / Math.sqrt(n);
      expect(Math.abs(m - meanOf(d))).toBeLessThanOrEqual(half);
    });
  }

  it('constant always gives its value', () => {
    const rng = makeStream(1, 'c', 0);
    const s = makeSampler({ dist: 'constant', value: 2.5 });
    expect([s(rng), s(rng)]).toEqual([2.5, 2.5]);
  });

  it('bounded pareto stays within [min, max]', () => {
    const rng = makeStream(1, 'p', 0);
    const s = makeSampler({ dist: 'pareto', alpha: 0.8, min: 2, max: 7 });
    for (let i = 0; i < 10_000; i++) {
      const x = s(rng);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(7);
    }
  });

  it('makeStream gives the same numbers for the same (seed, name, replication) and others otherwise', () => {
    const a = makeStream(5, 'arrivals', 0);
    const b = makeStream(5, 'arrivals', 0);
    const c = makeStream(5, 'arrivals', 1);
    const xa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xa);
    expect([c(), c(), c()]).not.toEqual(xa);
  });
});
