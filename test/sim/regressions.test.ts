// Saved cases: failures the fast-check properties once found, replayed forever.
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import { InvariantProbe } from '../../src/sim/invariant-probe.js';
import { simulate } from '../../src/sim/simulate.js';
import { scenarioSchema } from '../../src/workload/scenario-schema.js';

const corpus = [
  {
    // A class limit (maxSlots 1) on a fleet with no queue room: rejections freed the limit but
    // did not admit the class's waiting tasks, so the last one was never run (found with jiq).
    name: 'class limit with rejections admits the waiting tasks',
    maxArrivals: 294,
    scenario: {
      name: 'limit-rejections',
      seed: 265899,
      stop: { time: 1e9 },
      agents: [
        { name: 'g0', count: 2, slots: 1, speed: 0.2, skills: ['c'], queueCapacity: 0, affinityKeys: 1 },
      ],
      workload: {
        arrivals: { process: 'poisson', rate: 0.9143599830747379 },
        classes: [
          { name: 'c0', skill: 'c', size: { dist: 'exponential', mean: 0.20037556186684272 }, deadline: 1 },
          {
            name: 'c1',
            skill: 'c',
            size: { dist: 'lognormal', mean: 0.18025204469040548, cv: 0.9520722703979487 },
            deadline: 2,
          },
        ],
      },
      routing: { policy: 'jiq' },
      rules: [{ class: 'c0', maxSlots: 1 }],
    },
  },
];

describe('regression corpus', () => {
  for (const c of corpus) {
    for (const policy of routingPolicies.keys()) {
      it(`${c.name} (${policy})`, () => {
        const scenario = scenarioSchema.parse({ ...c.scenario, routing: { policy } });
        const compiled = compileScenario(scenario);
        const def = routingPolicies.get(policy)!;
        const probe = new InvariantProbe(compiled, false);
        simulate(compiled, {
          policy: def,
          params: def.params.parse({}),
          seed: scenario.seed,
          replication: 0,
          probe,
          maxArrivals: c.maxArrivals,
        });
        probe.checkDrained();
        expect(probe.violations).toEqual([]);
        expect(probe.completedCount + probe.rejectedCount).toBe(c.maxArrivals);
      });
    }
  }
});
