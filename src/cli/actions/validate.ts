// What `orchlab validate` does (its options are in ../commands/validate.ts).
import { preloadPolicies, resolvePolicy } from '../../runner/resolve-policy.js';
import { fleetSize } from '../../workload/scenario-checks.js';
import type { ValidateFlags } from '../commands/validate.js';
import { scenarioFromFlags } from '../scenario-input.js';

export async function validateAction(paths: readonly string[], flags: ValidateFlags): Promise<void> {
  for (const path of paths) {
    const scenario = scenarioFromFlags(path, flags, true);
    await preloadPolicies([scenario.routing.policy]);
    resolvePolicy(scenario.routing);
    const agents = fleetSize(scenario);
    process.stdout.write(
      `${path}: ok (${scenario.name}: ${agents} agents in ${scenario.agents.length} group(s), ${scenario.workload.classes.length} class(es), policy ${scenario.routing.policy})\n`,
    );
  }
}
