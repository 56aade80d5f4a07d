// sed: the choice rule on a hand-made fleet, tie shares, and the check that it beats jsq
// on a heterogeneous fleet (paired replications).
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../../src/analysis/paired.js';
import { makeSandbox, pickCounts, sandboxPolicy } from '../../support/policy-sandbox.js';
import sed from '../../../src/policies/routing/sed.js';
import { runReplication } from '../../../src/runner/run-scenario.js';
import { makeStream } from '../../../src/sim/rng.js';
import { scenarioSchema } from '../../../src/workload/scenario-schema.js';

describe('sed', () => {
  it('sed picks the faster of two idle agents', () => {
    const box = makeSandbox([{ speed: 1 }, { speed: 4 }]);
    const counts = pickCounts(box, sandboxPolicy(box, sed), makeStream(1, 't', 0), 100);
    expect(Array.from(counts)).toEqual([0, 100]);
  });

  it('sed picks an idle slow agent over a fast one holding 4 tasks', () => {
    // Expected delays: (0 + 1) / 1 = 1 against (4 + 1) / 4 = 1.25.
    const box = makeSandbox([{ speed: 1 }, { speed: 4 }]);
    box.setLoad(1, 1, 3);
    expect(Array.from(pickCounts(box, sandboxPolicy(box, sed), makeStream(1, 't', 0), 100))).toEqual([
      100, 0,
    ]);
  });

  it('sed counts slots: an agent with 2 slots and 2 tasks beats one with 1 slot and 1 task', () => {
    // (2 + 1) / 2 = 1.5 against (1 + 1) / 1 = 2.
    const box = makeSandbox([{ slots: 1 }, { slots: 2 }]);
    box.setLoad(0, 1);
    box.setLoad(1, 2);
    expect(Array.from(pickCounts(box, sandboxPolicy(box, sed), makeStream(1, 't', 0), 50))).toEqual([0, 50]);
  });

  it('sed splits exact ties uniformly', () => {
    // Agents 0 and 2 tie at delay 1 (agent 1 at 2): X ~ Binomial(10 000, 1/2), sd = 50, ±4 sd = ±200.
    const box = makeSandbox([{}, {}, {}]);
    box.setLoad(1, 1);
    const counts = pickCounts(box, sandboxPolicy(box, sed), makeStream(2, 't', 0), 10_000);
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0]! - 5_000)).toBeLessThan(200);
  });
});

describe('sed against jsq on a heterogeneous fleet', () => {
  // 2 agents of speed 10 and 10 of speed 1 (30 units/s) at 21 tasks/s of mean 1: 70% load. jsq
  // hands a task to an idle slow agent (1 s of service) although a fast one would finish it, even
  // behind 3 others, in 0.4 s; sed compares (load + 1) / speed. Measured: sed 0.61 s, jsq 0.73 s.
  const scenario = (policy: string) =>
    scenarioSchema.parse({
      name: 'hetero-test',
      seed: 61,
      replications: 6,
      stop: { completed: 40_000 },
      warmup: { completed: 4_000 },
      agents: [
        { name: 'fast', count: 2, speed: 10, skills: ['x'] },
        { name: 'slow', count: 10, speed: 1, skills: ['x'] },
      ],
      workload: {
        arrivals: { process: 'poisson', rate: 21 },
        classes: [{ name: 'c', skill: 'x', size: { dist: 'exponential', mean: 1 } }],
      },
      routing: { policy },
    });
  const means = (policy: string) =>
    Array.from({ length: 6 }, (_, r) => runReplication(scenario(policy), r).metrics.responseTime.mean);

  it('sed − jsq mean response time is negative, with a 95% paired interval below 0', () => {
    const { diff, significant } = pairedDifference(means('sed'), means('jsq'));
    expect(significant).toBe(true);
    expect(diff.ci95[1]).toBeLessThan(0);
  });
});
