// power-of-d: the weighted mode's sampling and choice rule on a hand-made fleet, and the issue's
// check that d = 2 on many agents reproduces the supermarket model (Mitzenmacher 1996).
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/analysis/estimate.js';
import { supermarketMeanResponse } from '../../../src/analysis/queueing-theory.js';
import powerOfD from '../../../src/policies/routing/power-of-d.js';
import { makeSandbox, pickCounts, sandboxPolicy } from '../../support/policy-sandbox.js';
import { runReplication } from '../../../src/runner/run-scenario.js';
import { makeStream } from '../../../src/sim/rng.js';
import { scenarioSchema } from '../../../src/workload/scenario-schema.js';

describe('power-of-d', () => {
  it("power-of-d's mode defaults to 'load'", () => {
    expect(powerOfD.params.parse({})).toEqual({ d: 2, mode: 'load' });
  });

  it("power-of-d(d = 1, mode 'weighted') samples agents in proportion to speed × slots", () => {
    // Weights 1, 3·1, 2·2 = 1, 3, 4 (total 8); N = 80 000 picks, count ~ Binomial(N, wᵢ/8):
    // sd = 93.5, 153.1, 158.1; ±4 sd.
    const box = makeSandbox([{ speed: 1 }, { speed: 3 }, { speed: 2, slots: 2 }]);
    const policy = sandboxPolicy(box, powerOfD, { d: 1, mode: 'weighted' });
    const n = 80_000;
    const counts = pickCounts(box, policy, makeStream(5, 'weighted', 0), n);
    [1 / 8, 3 / 8, 4 / 8].forEach((p, i) => {
      expect(Math.abs(counts[i]! - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    });
  });

  it("power-of-d(d = 2, mode 'weighted') takes the slow agent only when both samples are slow", () => {
    // Slow: speed 1, idle, expected delay 1; fast: speed 4 with 2 tasks, delay 3/4. Samples are
    // fast with probability 4/5, so P(slow) = (1/5)² = 0.04: over N = 50 000 picks the slow
    // count is Binomial(N, 0.04), mean 2000, sd = √(N·0.04·0.96) = 43.8; ±4 sd = ±175.
    const box = makeSandbox([{ speed: 1 }, { speed: 4 }]);
    box.setLoad(1, 1, 1);
    const counts = pickCounts(
      box,
      sandboxPolicy(box, powerOfD, { mode: 'weighted' }),
      makeStream(5, 'w2', 0),
      50_000,
    );
    expect(Math.abs(counts[0]! - 2_000)).toBeLessThan(175);
  });
});

describe('power-of-d against the supermarket model', () => {
  // Mitzenmacher's limit for n → ∞ agents, λ = 0.9 per agent, μ = 1, d = 2:
  //   E[T] = Σ_{i≥1} λ^((2^i − 2)) = 1 + 0.9² + 0.9⁶ + 0.9¹⁴ + … = 2.6140574.
  // A finite fleet does a little worse: with n = 100 the simulator gives 2.6614 ± 0.0067 (20
  // replications of 2 M tasks; n = 1000 gives 2.6136 ± 0.0066, the limit). So the 95% interval of
  // the mean response time must meet [limit, limit + 0.07]: 0.07 covers the measured finite-n
  // excess of 0.047 with room for its own uncertainty, and is 2.7% of the limit.
  const limit = supermarketMeanResponse(0.9, 2);
  const n = 100;
  const scenario = scenarioSchema.parse({
    name: 'supermarket',
    seed: 71,
    replications: 10,
    stop: { completed: 300_000 },
    warmup: { completed: 30_000 },
    agents: [{ name: 'server', count: n, skills: ['x'] }],
    workload: {
      arrivals: { process: 'poisson', rate: 0.9 * n },
      classes: [{ name: 'c', skill: 'x', size: { dist: 'exponential', mean: 1 } }],
    },
    routing: { policy: 'power-of-d', d: 2 },
  });

  it('supermarketMeanResponse(0.9, 2) is 2.6140574', () => {
    expect(limit).toBeCloseTo(2.6140574, 6);
  });

  it('power-of-d(d = 2) on 100 agents at λ = 0.9 has a mean response time within the CI of the limit plus 0.07', () => {
    const means = Array.from({ length: 10 }, (_, r) => runReplication(scenario, r).metrics.responseTime.mean);
    const e = estimate(means);
    expect(e.ci95[1]).toBeGreaterThanOrEqual(limit);
    expect(e.ci95[0]).toBeLessThanOrEqual(limit + 0.07);
  });
});
