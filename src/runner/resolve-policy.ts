// Picks the routing policy a scenario names and validates its parameters (the siblings of
// `policy` under `routing:`) against the policy's own schema.
import { InputError } from '../errors.js';
import { routingPolicies, routingPolicyNames } from '../policies/routing/index.js';
import type { PolicyDefinition } from '../policies/routing/types.js';
import { describeParamIssues, pathText } from '../workload/describe-issues.js';
import type { RoutingSpec } from '../workload/scenario-schema.js';
import { isPolicyPath, loadedUserPolicy, loadUserPolicy } from './user-policy.js';

export interface ResolvedPolicy {
  readonly definition: PolicyDefinition;
  /** Parameters with defaults filled in. */
  readonly params: Record<string, unknown>;
}

export function resolvePolicy(routing: RoutingSpec): ResolvedPolicy {
  const { policy, ...given } = routing;
  const definition = isPolicyPath(policy) ? loadedUserPolicy(policy) : routingPolicies.get(policy);
  if (definition === undefined) {
    if (isPolicyPath(policy))
      throw new Error(`policy module ${policy} was not loaded before the run (a bug)`);
    throw new InputError(
      `routing.policy: unknown policy '${policy}'. Known policies: ${routingPolicyNames.join(', ')}`,
    );
  }
  const parsed = definition.params.safeParse(given);
  if (!parsed.success) {
    const problems = describeParamIssues(parsed.error.issues, given, definition.params, policy);
    throw new InputError(problems.map((p) => `${pathText(p.path)}: ${p.text}`).join('\n'));
  }
  return { definition, params: parsed.data as Record<string, unknown> };
}

/** Loads every policy module a list names (built-in names need nothing). */
export async function preloadPolicies(names: readonly string[]): Promise<void> {
  for (const name of names) if (isPolicyPath(name)) await loadUserPolicy(name);
}

/** The name results show for a policy: a module's own name, else the registered name. */
export function policyLabel(routing: RoutingSpec): string {
  return resolvePolicy(routing).definition.name;
}
