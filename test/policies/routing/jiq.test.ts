// jiq: idle agents first (in the order they became idle), a random eligible agent when none is
// idle, registration through idle(), skills respected, and fewer waits than random in a run.
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../../src/analysis/paired.js';
import jiq from '../../../src/policies/routing/jiq.js';
import { makeSandbox, pickCounts, sandboxPolicy } from '../../support/policy-sandbox.js';
import { runReplication } from '../../../src/runner/run-scenario.js';
import { makeStream } from '../../../src/sim/rng.js';
import { scenarioSchema } from '../../../src/workload/scenario-schema.js';

describe('jiq', () => {
  it('jiq sends the first tasks to the idle agents, each once, in registration order', () => {
    const box = makeSandbox([{}, {}, {}, {}]);
    const policy = sandboxPolicy(box, jiq);
    const rng = makeStream(6, 't', 0);
    expect(Array.from({ length: 4 }, () => policy.route(box.task(), box.fleet, rng))).toEqual([0, 1, 2, 3]);
  });

  it('jiq falls back to a uniformly random agent when no agent is idle', () => {
    // All four taken, so the next N = 8000 tasks are uniform: each count ~ Binomial(N, 1/4),
    // sd = 38.7; ±4 sd = ±155.
    const box = makeSandbox([{}, {}, {}, {}]);
    const policy = sandboxPolicy(box, jiq);
    const rng = makeStream(6, 't', 1);
    for (let i = 0; i < 4; i++) policy.route(box.task(), box.fleet, rng);
    const counts = pickCounts(box, policy, rng, 8_000);
    for (const c of counts) expect(Math.abs(c - 2_000)).toBeLessThan(155);
  });

  it('idle(agent) registers the agent: the next task goes there', () => {
    const box = makeSandbox([{}, {}, {}, {}]);
    const policy = sandboxPolicy(box, jiq);
    const rng = makeStream(6, 't', 2);
    for (let i = 0; i < 4; i++) policy.route(box.task(), box.fleet, rng);
    policy.idle!(2);
    policy.idle!(0);
    expect(policy.route(box.task(), box.fleet, rng)).toBe(2);
    expect(policy.route(box.task(), box.fleet, rng)).toBe(0);
  });

  it('jiq hands a task only an idle agent with its skill', () => {
    // Agent 0 has skill b only; the class-a task must skip it and take the idle agent 1.
    const box = makeSandbox([{ skills: ['b'] }, { skills: ['a'] }, { skills: ['a', 'b'] }], ['a', 'b']);
    const policy = sandboxPolicy(box, jiq);
    const rng = makeStream(6, 't', 3);
    expect(policy.route(box.task({ cls: 0 }), box.fleet, rng)).toBe(1);
    expect(policy.route(box.task({ cls: 1 }), box.fleet, rng)).toBe(0);
    expect(policy.route(box.task({ cls: 0 }), box.fleet, rng)).toBe(2);
  });

  it('idle(agent) twice registers the agent once', () => {
    const box = makeSandbox([{}, {}]);
    const policy = sandboxPolicy(box, jiq);
    const rng = makeStream(6, 't', 4);
    policy.route(box.task(), box.fleet, rng);
    policy.route(box.task(), box.fleet, rng);
    policy.idle!(1);
    policy.idle!(1);
    expect(policy.route(box.task(), box.fleet, rng)).toBe(1);
    // Agent 1 is taken again; no second registration is left, so this one is a random pick.
    const counts = pickCounts(box, policy, rng, 2_000);
    expect(counts[0]).toBeGreaterThan(900);
  });
});

describe('jiq in a run', () => {
  // 16 agents at 60% load: random queues like 16 M/M/1s (mean wait ρ/(μ − λ) = 1.5 s), while jiq
  // sends almost every task to an idle agent. With 16 dispatchers the idle agents are spread over
  // 16 I-queues and an arrival often asks an empty one, so it falls back to random more often.
  const wait = (policy: string, params: object = {}) =>
    Array.from(
      { length: 4 },
      (_, r) =>
        runReplication(
          scenarioSchema.parse({
            name: 'jiq-run',
            seed: 79,
            replications: 4,
            stop: { completed: 30_000 },
            warmup: { completed: 3_000 },
            agents: [{ name: 'worker', count: 16, skills: ['x'] }],
            workload: {
              arrivals: { process: 'poisson', rate: 9.6 },
              classes: [{ name: 'c', skill: 'x', size: { dist: 'exponential', mean: 1 } }],
            },
            routing: { policy, ...params },
          }),
          r,
        ).metrics.waitTime.mean,
    );

  it('jiq − random mean wait is significantly negative', () => {
    const { diff, significant } = pairedDifference(wait('jiq'), wait('random'));
    expect(significant && diff.value < 0).toBe(true);
  });

  it('jiq(dispatchers = 1) − jiq(dispatchers = 16) mean wait is significantly negative', () => {
    const { diff, significant } = pairedDifference(wait('jiq'), wait('jiq', { dispatchers: 16 }));
    expect(significant && diff.value < 0).toBe(true);
  });
});
