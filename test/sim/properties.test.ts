import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routingPolicies, routingPolicyNames } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import { InvariantProbe } from '../../src/sim/invariant-probe.js';
import { type SimPulse, simulate, simulateSteps } from '../../src/sim/simulate.js';
import { lastStep } from '../../src/sim/steps.js';
import { smallScenario } from '../runner/small-scenario.js';
import { checkProperty } from '../support/check-property.js';
import { randomScenario } from '../support/random-scenario.js';

const FILE = 'test/sim/properties.test.ts';

function options(c: { scenario: ReturnType<typeof compileScenario>['scenario']; maxArrivals: number }) {
  const definition = routingPolicies.get(c.scenario.routing.policy)!;
  return {
    policy: definition,
    params: definition.params.parse({}),
    seed: c.scenario.seed,
    replication: 0,
    maxArrivals: c.maxArrivals,
  };
}

function runCase(c: { scenario: ReturnType<typeof compileScenario>['scenario']; maxArrivals: number }) {
  const compiled = compileScenario(c.scenario);
  const definition = routingPolicies.get(c.scenario.routing.policy)!;
  // Per-agent arrival order holds under FIFO unless rules hold some tasks back on purpose
  // (a preference waiting for its group, a class limit): those reorder across classes.
  const reordering = c.scenario.rules.some((r) => r.prefer || r.maxSlots || r.maxShare);
  const probe = new InvariantProbe(compiled, c.scenario.queueing.discipline === 'fifo' && !reordering);
  const result = simulate(compiled, {
    policy: definition,
    params: definition.params.parse({}),
    seed: c.scenario.seed,
    replication: 0,
    probe,
    maxArrivals: c.maxArrivals,
  });
  probe.checkDrained();
  return { probe, result };
}

describe('engine invariants on random small scenarios, every policy', () => {
  it('every arrived task is completed or rejected exactly once; slots, skills and FIFO order hold', () => {
    checkProperty(
      FILE,
      fc.property(randomScenario(routingPolicyNames), (c) => {
        const { probe, result } = runCase(c);
        expect(probe.violations).toEqual([]);
        expect(probe.arrivedCount).toBe(c.maxArrivals);
        expect(probe.completedCount + probe.rejectedCount).toBe(probe.arrivedCount);
        expect(result.inSystemAtEnd).toBe(0);
      }),
      150,
    );
  });

  it('the same seed gives the same decisions and figures', () => {
    checkProperty(
      FILE,
      fc.property(randomScenario(routingPolicyNames), (c) => {
        const a = runCase(c).result;
        const b = runCase(c).result;
        expect(b.decisionHash).toBe(a.decisionHash);
        expect(JSON.stringify(b.metrics)).toBe(JSON.stringify(a.metrics));
      }),
      50,
    );
  });
});

describe('the engine in slices (simulateSteps)', () => {
  it('pauses every `slice` completions and resumes to the same bytes as one uninterrupted run', () => {
    checkProperty(
      FILE,
      fc.property(randomScenario(routingPolicyNames), fc.integer({ min: 1, max: 120 }), (c, slice) => {
        const whole = simulate(compileScenario(c.scenario), options(c));
        const steps = simulateSteps(compileScenario(c.scenario), options(c), slice);
        const pulses: SimPulse[] = [];
        let next = steps.next();
        for (; !next.done; next = steps.next()) pulses.push(next.value);
        expect(JSON.stringify(next.value)).toBe(JSON.stringify(whole));
        // Each pause comes `slice` arrivals or `slice` completions after the one before.
        pulses.forEach((p, i) => {
          const before = pulses[i - 1] ?? { arrived: 0, completed: 0 };
          expect(p.arrived - before.arrived === slice || p.completed - before.completed === slice).toBe(true);
        });
        for (let i = 1; i < pulses.length; i++) {
          expect(pulses[i]!.events).toBeGreaterThan(pulses[i - 1]!.events);
          expect(pulses[i]!.fraction).toBeGreaterThanOrEqual(pulses[i - 1]!.fraction);
        }
        for (const p of pulses) expect(p.fraction).toBeGreaterThanOrEqual(0);
        for (const p of pulses) expect(p.fraction).toBeLessThan(1);
      }),
      60,
    );
  });
});

describe('the engine in slices at the edges of stop and warm-up', () => {
  // Pauses that land on the stop count, on the warm-up count, warm-ups in time or in tasks.
  const cases: readonly (readonly [string, string, 'figures' | 'error'])[] = [
    ['stop={ completed: 1000 }', 'warmup={ completed: 500 }', 'figures'],
    ['stop={ completed: 1000 }', 'warmup={ completed: 999 }', 'figures'],
    ['stop={ completed: 1001 }', 'warmup={ completed: 1000 }', 'figures'],
    ['stop={ completed: 1000 }', 'warmup={ time: 40 }', 'figures'],
    ['stop={ time: 300 }', 'warmup={ time: 50 }', 'figures'],
    ['stop={ time: 300 }', 'warmup={ completed: 100 }', 'figures'],
    ['stop={ time: 333.5 }', 'warmup={ time: 333.4 }', 'figures'],
    // Ends before its warm-up: the same error whatever the slice.
    ['stop={ time: 300 }', 'warmup={ completed: 2000 }', 'error'],
  ];
  const outcome = (run: () => unknown) => {
    try {
      return JSON.stringify(run());
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  };
  it.each(cases)('%s, %s: every slice gives the %s of one uninterrupted run', (stop, warmup, ends) => {
    const scenario = smallScenario([stop, warmup]);
    const c = { scenario, maxArrivals: Number.POSITIVE_INFINITY };
    const whole = outcome(() => simulate(compileScenario(scenario), options(c)));
    expect(whole.startsWith('error: the run stopped')).toBe(ends === 'error');
    for (const slice of [1, 7, 250, 500, 999, 1000, 1001]) {
      const sliced = outcome(() => lastStep(simulateSteps(compileScenario(scenario), options(c), slice)));
      expect(sliced).toBe(whole);
    }
  });
});
