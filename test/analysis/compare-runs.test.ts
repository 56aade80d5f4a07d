// comparePolicies: the best policy per metric, each other policy's paired difference from it by
// replication, and simultaneous intervals (Bonferroni over every pair of policies), checked by
// hand-worked numbers and by the false-alarm rate of equal policies.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { comparePolicies, type PolicySamples } from '../../src/analysis/compare-runs.js';
import { tQuantile } from '../../src/analysis/student-t.js';
import { quantileRoundingDeviation } from '../../src/metrics/histogram.js';

const samples = (rows: Record<string, number[]>): PolicySamples[] =>
  Object.entries(rows).map(([policy, values]) => ({ policy, values: { m: values } }));

describe('comparePolicies', () => {
  // Replications differ a lot (10 to 50: the common random numbers), policies little. B is best;
  // A − B = [1, 2, 3, 4, 5] by replication: mean 3, s = 1.581139. Three policies make three
  // pairs, so each interval is drawn at 1 − 0.05/3: t(1 − 0.05/6, 4) = 3.960786 (scipy), and
  // h = 3.960786 · 1.581139 / √5 = 2.800699 (at 95% alone it would be 1.963243).
  const b = [10, 20, 30, 40, 50];
  const rows = {
    A: b.map((x, i) => x + i + 1),
    B: b,
    C: b.map((x) => x + 0.5),
  };

  it('pairs by replication and draws simultaneous intervals over all three pairs', () => {
    const { best, paired } = comparePolicies(samples(rows), ['m']);
    expect(best).toEqual({ m: 'B' });
    const a = paired.find((p) => p.a === 'A')!;
    expect(a.b).toBe('B');
    expect(a.diff.value).toBeCloseTo(3, 12);
    expect(a.diff.ci95[0]).toBeCloseTo(3 - 2.800699, 5);
    expect(a.diff.ci95[1]).toBeCloseTo(3 + 2.800699, 5);
    expect(a.significant).toBe(true);
    // C − B is 0.5 in every replication: no spread, significant.
    const c = paired.find((p) => p.a === 'C')!;
    expect(c.diff.ci95).toEqual([0.5, 0.5]);
    expect(c.significant).toBe(true);
  });

  it('counts every policy in the family, also one with no figure for a metric (the heading counts them all)', () => {
    const withGap = [...samples(rows).slice(0, 2), { policy: 'D', values: { m: [Number.NaN, 1, 2, 3, 4] } }];
    const a = comparePolicies(withGap, ['m']).paired.find((p) => p.a === 'A')!;
    // Three policies, three pairs, as in the case above: 3 ± 2.800699.
    expect(a.diff.ci95[0]).toBeCloseTo(3 - 2.800699, 5);
  });

  it('is not fooled by the spread between replications (unpaired, A and B would overlap)', () => {
    // Unpaired, A's and B's own intervals (each about ±20) overlap widely; paired, A is worse.
    const { paired } = comparePolicies(samples({ A: rows.A, B: rows.B }), ['m']);
    expect(paired).toHaveLength(1);
    expect(paired[0]!.significant).toBe(true);
    // Two policies, one pair: the plain 95% interval, 3 ± 1.963243.
    expect(paired[0]!.diff.ci95[0]).toBeCloseTo(3 - 1.963243, 5);
  });

  it('with more policies, a difference needs more evidence (the same A − B, five policies)', () => {
    const five = { ...rows, D: b.map((x) => x + 7), E: b.map((x) => x + 9) };
    const a = comparePolicies(samples(five), ['m']).paired.find((p) => p.a === 'A')!;
    // Ten pairs: t(1 − 0.05/20, 4) = 5.597568 (scipy), h = 5.597568 · 0.707107 = 3.958079 > 3.
    expect(a.diff.ci95[0]).toBeCloseTo(3 - 3.958079, 5);
    expect(a.significant).toBe(false);
  });

  it('skips a metric where every policy scores the same, and policies with missing values', () => {
    const { best, paired } = comparePolicies(
      [
        { policy: 'x', values: { m: [1, 1], n: [1, 2] } },
        { policy: 'y', values: { m: [1, 1], n: [Number.NaN, 2] } },
      ],
      ['m', 'n'],
    );
    expect(best).toEqual({});
    expect(paired).toEqual([]);
  });

  it('names no best where two policies share the lowest mean, though a third scores worse', () => {
    const { best, paired } = comparePolicies(
      [
        { policy: 'x', values: { rejected: [0, 0, 0], m: [2, 3, 4] } },
        { policy: 'y', values: { rejected: [0, 0, 0], m: [1, 2, 3] } },
        { policy: 'z', values: { rejected: [4, 6, 5], m: [3, 4, 5] } },
      ],
      ['rejected', 'm'],
    );
    expect(best).toEqual({ m: 'y' });
    expect(paired.map((p) => `${p.a}-${p.b} ${p.metric}`)).toEqual(['x-y m', 'z-y m']);
  });

  it("gives a quantile difference at least both figures' rounding: equal buckets are not an exact difference", () => {
    // Every replication in the same bucket: p99 4.015625 against 3.6953125 (a review's case, 2
    // replications), whose sample deviation of the differences is 0.
    const samples = [
      { policy: 'a', values: { 'responseTime.p99': [4.015625, 4.015625], 'waitTime.mean': [2, 2] } },
      { policy: 'b', values: { 'responseTime.p99': [3.6953125, 3.6953125], 'waitTime.mean': [1, 1] } },
      { policy: 'c', values: { 'responseTime.p99': [3.953125, 4.4453125], 'waitTime.mean': [1.5, 1.7] } },
    ];
    const { paired } = comparePolicies(samples, ['responseTime.p99', 'waitTime.mean']);
    const p99 = paired.find((p) => p.a === 'a' && p.metric === 'responseTime.p99')!;
    const floor = Math.hypot(quantileRoundingDeviation(4.015625), quantileRoundingDeviation(3.6953125));
    const t = tQuantile(1 - 0.05 / 3 / 2, 1);
    expect(p99.diff.ci95[1] - p99.diff.value).toBeCloseTo((t * floor) / Math.SQRT2, 12);
    expect(p99.significant).toBe(false);
    // A figure that is not a quantile keeps the plain interval: zero spread, zero width.
    const wait = paired.find((p) => p.a === 'a' && p.metric === 'waitTime.mean')!;
    expect(wait.diff.ci95).toEqual([1, 1]);
  });

  it('says "significant" wrongly in at most 5% of tables when all policies are equal', () => {
    // Six equal policies sharing a large replication effect (common random numbers), n = 10,
    // 2,000 tables: a table is a false alarm when any of its five rows says significant. With
    // intervals at 95% each this happens in about 35% of tables, with Bonferroni over the five
    // rows shown in about 10% (the best is the lowest of six means), over all 15 pairs in 4%.
    const rng = seedrandom('compare-runs false alarms');
    const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const tables = 2000;
    let alarms = 0;
    for (let t = 0; t < tables; t++) {
      const common = Array.from({ length: 10 }, () => 5 * normal());
      const policies = Array.from({ length: 6 }, (_, p) => ({
        policy: `p${p}`,
        values: { m: common.map((c) => c + normal()) },
      }));
      if (comparePolicies(policies, ['m']).paired.some((r) => r.significant)) alarms++;
    }
    const rate = alarms / tables;
    // 95% binomial upper bound of the observed rate must stay under 5% + its own noise.
    expect(rate).toBeLessThan(0.05 + 2 * Math.sqrt((0.05 * 0.95) / tables));
    // And the correction is not so strong that nothing is ever flagged.
    expect(rate).toBeGreaterThan(0.01);
  });
});
