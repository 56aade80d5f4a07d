// The conformance kit every routing policy must pass. It runs the policy on small scenarios that
// stress its edges (several skills, bounded queues, an all-busy fleet, priority queueing) until
// the system drains, with every lifecycle step watched, and reports each broken rule:
//   same seed -> same decisions; only agents with the task's skill; no task lost or finished
//   twice; no agent over its slots; FIFO order at each agent under FIFO queueing.
import { compileScenario } from '../../sim/compile.js';
import { InvariantProbe } from '../../sim/invariant-probe.js';
import { simulate } from '../../sim/simulate.js';
import { type Scenario, scenarioSchema } from '../../workload/scenario-schema.js';
import { thrownText } from '../../errors.js';
import type { PolicyDefinition } from './types.js';

interface KitCase {
  readonly name: string;
  readonly scenario: Scenario;
  readonly arrivals: number;
}

const kitCases = (policy: string): KitCase[] => {
  const base = { seed: 11, replications: 1, stop: { time: 1e9 }, routing: { policy } };
  return [
    {
      name: 'two groups, overlapping skills, fifo',
      arrivals: 2_000,
      scenario: scenarioSchema.parse({
        ...base,
        name: 'kit-skills',
        agents: [
          { name: 'generalists', count: 3, slots: 2, speed: 1, skills: ['a', 'b'] },
          { name: 'specialists', count: 2, slots: 1, speed: 3, skills: ['b'] },
        ],
        workload: {
          arrivals: { process: 'poisson', rate: 6 },
          classes: [
            { name: 'x', skill: 'a', size: { dist: 'exponential', mean: 0.5 } },
            { name: 'y', skill: 'b', size: { dist: 'lognormal', mean: 0.8, cv: 2 } },
          ],
        },
      }),
    },
    {
      name: 'all-busy fleet with no queue room (rejections)',
      arrivals: 1_000,
      scenario: scenarioSchema.parse({
        ...base,
        name: 'kit-full',
        agents: [{ name: 'tiny', count: 2, slots: 1, speed: 1, skills: ['a'], queueCapacity: 0 }],
        queueing: { discipline: 'fifo', capacity: 0 },
        workload: {
          arrivals: { process: 'poisson', rate: 20 },
          classes: [{ name: 'x', skill: 'a', size: { dist: 'constant', value: 1 } }],
        },
      }),
    },
    {
      name: 'priority queueing under overload',
      arrivals: 1_000,
      scenario: scenarioSchema.parse({
        ...base,
        name: 'kit-priority',
        agents: [{ name: 'pool', count: 4, slots: 1, speed: 1, skills: ['a'] }],
        queueing: { discipline: 'priority' },
        workload: {
          arrivals: { process: 'constant', rate: 5 },
          classes: [
            { name: 'hi', skill: 'a', priority: 0, size: { dist: 'uniform', min: 0, max: 2 } },
            { name: 'lo', skill: 'a', priority: 1, size: { dist: 'uniform', min: 0, max: 2 } },
          ],
        },
      }),
    },
  ];
};

/** Runs the kit; an empty list means the policy passed. */
export function checkRoutingPolicy(policy: PolicyDefinition, params: object = {}): string[] {
  const problems: string[] = [];
  const parsed = policy.params.parse(params);
  for (const c of kitCases(policy.name)) {
    const compiled = compileScenario(c.scenario);
    const run = () => {
      const probe = new InvariantProbe(compiled, c.scenario.queueing.discipline === 'fifo');
      const result = simulate(compiled, {
        policy,
        params: parsed,
        seed: c.scenario.seed,
        replication: 0,
        probe,
        maxArrivals: c.arrivals,
      });
      probe.checkDrained();
      return { probe, result };
    };
    try {
      const first = run();
      const again = run();
      for (const v of first.probe.violations) problems.push(`${c.name}: ${v}`);
      if (first.probe.arrivedCount !== c.arrivals)
        problems.push(`${c.name}: ${first.probe.arrivedCount} tasks arrived, expected ${c.arrivals}`);
      if (first.probe.completedCount + first.probe.rejectedCount !== first.probe.arrivedCount)
        problems.push(
          `${c.name}: ${first.probe.arrivedCount} arrived but ${first.probe.completedCount} completed and ${first.probe.rejectedCount} rejected`,
        );
      if (first.result.decisionHash !== again.result.decisionHash)
        problems.push(
          `${c.name}: same seed gave different decisions (${first.result.decisionHash} vs ${again.result.decisionHash})`,
        );
    } catch (err) {
      problems.push(`${c.name}: ${err instanceof Error ? err.message : thrownText(err)}`);
    }
  }
  return problems;
}
