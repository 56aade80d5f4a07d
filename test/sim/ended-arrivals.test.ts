// A synthetic workload whose arrivals stop for good (a piecewise profile ending in rate 0): the
// run ends at its stop time, with every arrival before the drop served, whether the stop comes
// before the drop or after it. Arrivals are drawn ahead in blocks, so even a stop before the drop
// once looped for ever, drawing the block past it.
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import type { Probe } from '../../src/sim/probe.js';
import { simulate } from '../../src/sim/simulate.js';
import { scenarioSchema } from '../../src/workload/scenario-schema.js';

function run(stopTime: number) {
  const scenario = scenarioSchema.parse({
    name: 'ended',
    stop: { time: stopTime },
    agents: [{ name: 'a', count: 2, skills: ['x'] }],
    workload: {
      arrivals: {
        process: 'piecewise',
        steps: [
          { at: 0, rate: 1 },
          { at: 10, rate: 0 },
        ],
      },
      classes: [{ name: 'c', skill: 'x', size: { dist: 'exponential', mean: 1 } }],
    },
  });
  const arrivals: number[] = [];
  const probe: Probe = {
    arrived: (_seq, _cls, now) => {
      arrivals.push(now);
    },
    started: () => {},
    completed: () => {},
    rejected: () => {},
  };
  const result = simulate(compileScenario(scenario), {
    policy: routingPolicies.get('shared-queue')!,
    params: {},
    seed: 3,
    replication: 0,
    probe,
  });
  return { result, arrivals };
}

describe('arrivals that stop for good', () => {
  it('a stop after the drop: the run ends at the stop time, every arrival before the drop and served', () => {
    const { result, arrivals } = run(100);
    expect(result.endSeconds).toBe(100);
    expect(arrivals.length).toBeGreaterThan(0);
    expect(arrivals.every((t) => t < 10)).toBe(true);
    expect(result.arrived).toBe(arrivals.length);
    expect(result.inSystemAtEnd).toBe(0);
  });

  it('a stop before the drop: the run ends at the stop time with the arrivals up to it', () => {
    const { result, arrivals } = run(5);
    expect(result.endSeconds).toBe(5);
    expect(arrivals.every((t) => t <= 5)).toBe(true);
    // The same arrivals as the longer run up to 5 s: ending the stream changed none of them.
    expect(arrivals).toEqual(run(100).arrivals.filter((t) => t <= 5));
  });
});
