// Picks the routing policy a scenario names and validates its parameters (the siblings of
// `policy` under `routing:`) against the policy's own schema.
import { InputError } from '../errors.js';
import { routingPolicies, routingPolicyNames } from '../policies/routing/index.js';
import type { PolicyDefinition } from '../policies/routing/types.js';
import type { RoutingSpec } from '../workload/scenario-schema.js';

export interface ResolvedPolicy {
  readonly definition: PolicyDefinition;
  /** Parameters with defaults filled in. */
  readonly params: Record<string, unknown>;
}

export function resolvePolicy(routing: RoutingSpec): ResolvedPolicy {
  const { policy, ...given } = routing;
  const definition = routingPolicies.get(policy);
  if (definition === undefined)
    throw new InputError(`routing.policy: unknown policy '${policy}'. Known policies: ${routingPolicyNames.join(', ')}`);
  const parsed = definition.params.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const path = ['routing', ...i.path.map(String)].join('.');
      return `${path}: ${i.message} (policy '${policy}')`;
    });
    throw new InputError(lines.join('\n'));
  }
  return { definition, params: parsed.data as Record<string, unknown> };
}
