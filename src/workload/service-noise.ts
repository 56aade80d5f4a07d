// Service-time noise: each task's service time is multiplied by a lognormal factor of mean 1,
// drawn when the task arrives (from the workload's own stream, so every policy sees the same
// factors). With a replayed trace it is what varies between replications.
import { makeStream, type Rng } from '../sim/rng.js';
import { makeSampler, type Sampler } from './distributions.js';
import type { Scenario } from './scenario-schema.js';

export class ServiceNoise {
  private readonly sample: Sampler | undefined;
  private readonly rng: Rng;

  constructor(scenario: Scenario, seed: number, replication: number) {
    const cv = scenario.workload.serviceNoise?.cv;
    this.sample = cv === undefined ? undefined : makeSampler({ dist: 'lognormal', mean: 1, cv });
    this.rng = makeStream(seed, 'noise', replication);
  }

  /** The next task's factor (1 without noise). */
  next(): number {
    return this.sample === undefined ? 1 : this.sample(this.rng);
  }
}
