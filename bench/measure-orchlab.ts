// One orchlab measurement inside the child process: parse and scale the scenario (untimed), then
// time simulate() alone. Loaded on demand so a ceiling child never loads the simulator.
import { simulate } from '../src/sim/simulate.js';
import { prepareRun } from './bench-scenario.js';
import type { Sample } from './sample.js';

export function measureOrchlab(tasks: number, policy: string, path: string): Omit<Sample, 'peakRssMB'> {
  const run = prepareRun(path, tasks, policy);
  const started = process.hrtime.bigint();
  const result = simulate(run.compiled, {
    policy: run.policy.definition,
    params: run.policy.params,
    seed: run.seed,
    replication: 0,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    kind: 'orchlab',
    tasks,
    policy,
    events: result.events,
    seconds,
    eventsPerSecond: result.events / seconds,
  };
}
