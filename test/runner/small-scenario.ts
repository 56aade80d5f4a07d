// The small M/M/4 fixture as a validated Scenario, for runner tests.
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { loadScenarioFile } from '../../src/workload/load-scenario.js';
import type { Scenario } from '../../src/workload/scenario-schema.js';

export const SMALL_PATH = 'test/fixtures/scenarios/small-mmc.yaml';

export function smallScenario(overrides: readonly string[] = []): Scenario {
  return loadScenarioFile(SMALL_PATH, { overrides, knownPolicies: routingPolicyNames });
}
