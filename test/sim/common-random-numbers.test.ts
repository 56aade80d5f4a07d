// Common random numbers: a task's arrival time, class and size are drawn from the workload's
// own streams when it arrives, so every policy faces the identical workload in a replication.
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import type { Probe } from '../../src/sim/probe.js';
import { simulate } from '../../src/sim/simulate.js';
import { scenarioSchema } from '../../src/workload/scenario-schema.js';

const scenario = scenarioSchema.parse({
  name: 'crn',
  seed: 9,
  stop: { completed: 3000 },
  agents: [
    { name: 'fast', count: 2, speed: 2, skills: ['a', 'b'] },
    { name: 'slow', count: 3, speed: 0.5, skills: ['a'] },
  ],
  workload: {
    arrivals: { process: 'poisson', rate: 3 },
    classes: [
      { name: 'x', skill: 'a', size: { dist: 'lognormal', mean: 1, cv: 1.5 } },
      { name: 'y', skill: 'b', size: { dist: 'exponential', mean: 0.5 }, key: { zipf: { n: 50, s: 1.1 } } },
    ],
  },
});

function arrivals(policy: string): string[] {
  const seen: string[] = [];
  const probe: Probe = {
    arrived: (seq, cls, now) => seen.push(`${seq}:${cls}:${now}`),
    started: () => {},
    completed: () => {},
    rejected: () => {},
  };
  const def = routingPolicies.get(policy)!;
  simulate(compileScenario(scenario), {
    policy: def,
    params: def.params.parse({}),
    seed: 9,
    replication: 2,
    probe,
    maxArrivals: 2000,
  });
  return seen;
}

describe('common random numbers', () => {
  it('every policy sees the same arrival times and classes in the same replication', () => {
    const reference = arrivals('random');
    expect(reference).toHaveLength(2000);
    for (const policy of routingPolicies.keys()) expect(arrivals(policy)).toEqual(reference);
  });
});
