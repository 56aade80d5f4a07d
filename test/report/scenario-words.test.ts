import { describe, expect, it } from 'vitest';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { offeredLoad, scenarioWords } from '../../src/report/scenario-words.js';
import { loadScenarioFile } from '../../src/workload/load-scenario.js';
import { smallScenario } from './support/results.js';

describe('scenarioWords(scenario)', () => {
  it('describes the fleet, the workload, the offered load and the stopping rule', () => {
    expect(scenarioWords(smallScenario())).toEqual([
      'Fleet: 6 agents in 2 groups: 2 fast (speed 3, 1 slot, cost 6/busy s + 0/unit); 4 slow (speed 1, 1 slot, cost 1/busy s + 0/unit); capacity 10 work units/s.',
      'Workload: Poisson arrivals at 6 tasks/s; 1 task class: default (exponential size, mean 1 work unit, skill general).',
      'Offered load: 60% of capacity.',
      'Each replication runs 3000 completed tasks (warm-up 300 tasks); queueing: fifo.',
    ]);
  });

  it('offeredLoad(scenario) of the bundled hetero scenario is 85% (23.8 tasks/s × 1 unit ÷ 28 units/s)', () => {
    const hetero = loadScenarioFile('scenarios/hetero.yaml', { knownPolicies: routingPolicyNames });
    expect(offeredLoad(hetero)).toBeCloseTo(0.85, 10);
  });
});

describe('scenarioWords(scenario) counts', () => {
  it('says "3 task classes" (not "classs") and "1 task class"', () => {
    const skills = loadScenarioFile('scenarios/skills.yaml', { knownPolicies: routingPolicyNames });
    const workload = scenarioWords(skills)[1]!;
    expect(workload).toMatch(/; 3 task classes: chat \(/);
    expect(workload).not.toContain('classs');
    expect(scenarioWords(smallScenario())[1]).toContain('; 1 task class: default (');
  });
});
