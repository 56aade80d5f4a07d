// As scenarios/slow-agent.yaml, shortened for tests: 9 agents of speed 1 and a laggard that
// advertises 1 but serves at 0.1, 7 tasks/s. Returns the laggard's utilization in one replication.
import { runReplication } from '../../src/runner/run-scenario.js';
import { scenarioSchema } from '../../src/workload/scenario-schema.js';

export function laggardUtilization(policy: string, seed: number, replication: number): number {
  return runReplication(
    scenarioSchema.parse({
      name: 'slow-agent-test',
      seed,
      replications: 3,
      stop: { completed: 20_000 },
      warmup: { completed: 2_000 },
      agents: [
        { name: 'healthy', count: 9, skills: ['x'] },
        { name: 'laggard', count: 1, speed: 0.1, advertisedSpeed: 1, skills: ['x'] },
      ],
      workload: {
        arrivals: { process: 'poisson', rate: 7 },
        classes: [{ name: 'c', skill: 'x', size: { dist: 'lognormal', mean: 1, cv: 0.5 } }],
      },
      routing: { policy },
    }),
    replication,
  ).metrics.utilizationByGroup.laggard!;
}
