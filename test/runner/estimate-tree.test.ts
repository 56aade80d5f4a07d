// estimateTree: every numeric leaf across replications becomes a mean with its 95% interval; a
// quantile leaf (p50 … p999, read off a histogram bucket) assumes at least its rounding as spread.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/analysis/estimate.js';
import { quantileRoundingDeviation } from '../../src/metrics/histogram.js';
import { estimateTree } from '../../src/runner/estimate-tree.js';
import { runReplication } from '../../src/runner/run-scenario.js';
import { smallScenario } from './small-scenario.js';

describe('estimateTree', () => {
  const reps = [
    {
      responseTime: { mean: 2, p99: 4.015625 },
      rejected: 0,
      rate: Number.NaN,
      utilizationByGroup: { p4: 0.5 },
    },
    { responseTime: { mean: 2, p99: 4.015625 }, rejected: 0, rate: 1, utilizationByGroup: { p4: 0.5 } },
  ];

  it('gives equal quantiles of two replications an interval from their rounding, not zero width', () => {
    const tree = estimateTree(reps);
    expect(tree.responseTime.p99).toEqual(
      estimate([4.015625, 4.015625], 0.95, quantileRoundingDeviation(4.015625)),
    );
    const p99 = tree.responseTime.p99;
    expect(p99.ci95).not.toBeNull();
    // t(0.975, 1) = 12.7062: the half-width is 12.7062 · (4.015625 / 256 / √3) / √2.
    expect(p99.ci95![1] - 4.015625).toBeCloseTo((12.7062 * (4.015625 / 256 / Math.sqrt(3))) / Math.SQRT2, 4);
  });

  it('leaves other figures as they are: equal values, zero width; a missing value, no figure', () => {
    const tree = estimateTree(reps);
    expect(tree.responseTime.mean).toEqual({ value: 2, ci95: [2, 2] });
    expect(tree.rejected).toEqual({ value: 0, ci95: [0, 0] });
    expect(tree.rate).toEqual({ value: null, ci95: null });
    // A group named like a quantile is still a utilization, measured exactly.
    expect(tree.utilizationByGroup.p4).toEqual({ value: 0.5, ci95: [0.5, 0.5] });
  });
});

describe('a run where nothing completed in the window', () => {
  it('has no cost per task (null), not a cost per task of 0 that would rank first', () => {
    const scenario = smallScenario(['stop={time: 5}', 'warmup={time: 1}', 'agents.0.speed=0.000001']);
    const reps = [0, 1].map((i) => runReplication(scenario, i));
    for (const r of reps) {
      expect(r.metrics.completed).toBe(0);
      expect(r.metrics.costPerTask).toBeNaN();
    }
    expect(estimateTree(reps.map((r) => r.metrics)).costPerTask).toEqual({ value: null, ci95: null });
  });
});
