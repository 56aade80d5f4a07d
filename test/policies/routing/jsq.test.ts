// jsq, power-of-d and random on an M/M/n at high load: the ordering check with paired
// replications (all three see the same arrivals and sizes in a replication).
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../../src/analysis/paired.js';
import { runReplication } from '../../../src/runner/run-scenario.js';
import { scenarioSchema } from '../../../src/workload/scenario-schema.js';

describe('jsq, power-of-d and random on M/M/16 at 90% load', () => {
  // Random splits the stream into 16 M/M/1 queues at ρ = 0.9: E[T] = 1/(1 − 0.9) = 10 s. jsq comes
  // close to one central queue, M/M/16 (Erlang C: E[T] = 1.370 s); power-of-d (d = 2) sits between.
  // Measured here: random 9.38, power-of-d 2.84, jsq 1.56 s; jsq − power-of-d = −1.28 [−1.34, −1.23],
  // power-of-d − random = −6.54 [−7.15, −5.92]. Each paired difference must be significant with
  // the right sign.
  const reps = 5;
  const means = (policy: string) =>
    Array.from(
      { length: reps },
      (_, r) =>
        runReplication(
          scenarioSchema.parse({
            name: 'mmn',
            seed: 73,
            replications: reps,
            stop: { completed: 60_000 },
            warmup: { completed: 6_000 },
            agents: [{ name: 'worker', count: 16, skills: ['x'] }],
            workload: {
              arrivals: { process: 'poisson', rate: 14.4 },
              classes: [{ name: 'c', skill: 'x', size: { dist: 'exponential', mean: 1 } }],
            },
            routing: { policy },
          }),
          r,
        ).metrics.responseTime.mean,
    );
  const jsq = means('jsq');
  const pod = means('power-of-d');
  const random = means('random');

  it('jsq − power-of-d mean response time is significantly negative', () => {
    const { diff, significant } = pairedDifference(jsq, pod);
    expect(significant && diff.value < 0).toBe(true);
  });

  it('power-of-d − random mean response time is significantly negative', () => {
    const { diff, significant } = pairedDifference(pod, random);
    expect(significant && diff.value < 0).toBe(true);
  });
});
