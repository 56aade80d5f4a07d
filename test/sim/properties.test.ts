import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routingPolicies, routingPolicyNames } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import { InvariantProbe } from '../../src/sim/invariant-probe.js';
import { type SimPulse, simulate, simulateSteps } from '../../src/sim/simulate.js';
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
        // A pulse at every multiple of the slice that the run reached (and passed).
        expect(pulses.map((p) => p.completed)).toEqual(pulses.map((_, i) => (i + 1) * slice));
        for (let i = 1; i < pulses.length; i++) {
          expect(pulses[i]!.events).toBeGreaterThan(pulses[i - 1]!.events);
          expect(pulses[i]!.fraction).toBeGreaterThanOrEqual(pulses[i - 1]!.fraction);
        }
        for (const p of pulses) expect(p.fraction).toBeGreaterThanOrEqual(0);
        for (const p of pulses) expect(p.fraction).toBeLessThanOrEqual(1);
      }),
      60,
    );
  });
});
