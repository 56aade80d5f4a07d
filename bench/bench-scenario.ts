// The benchmarked workload: the bundled scenario file scaled to N completed tasks (warm-up kept),
// one replication, under a chosen routing policy, compiled and ready for simulate().
import { routingPolicyNames } from '../src/policies/routing/index.js';
import { type ResolvedPolicy, resolvePolicy } from '../src/runner/resolve-policy.js';
import { type CompiledScenario, compileScenario } from '../src/sim/compile.js';
import { loadScenarioFile } from '../src/workload/load-scenario.js';
import type { Scenario } from '../src/workload/scenario-schema.js';

export interface BenchRun {
  readonly compiled: CompiledScenario;
  readonly policy: ResolvedPolicy;
  readonly seed: number;
}

export function prepareRun(path: string, tasks: number, policy: string): BenchRun {
  const loaded = loadScenarioFile(path, { knownPolicies: routingPolicyNames });
  // The file's routing parameters apply only when it names the policy being measured.
  const routing = loaded.routing.policy === policy ? loaded.routing : { policy };
  const scenario: Scenario = { ...loaded, replications: 1, stop: { completed: tasks }, routing };
  return { compiled: compileScenario(scenario), policy: resolvePolicy(routing), seed: scenario.seed };
}
