// Policy lists on the command line: `jsq,power-of-d:d=3:mode=weighted,./mine.ts`. Each entry is
// a policy name or module path, optionally followed by `:param=value` pairs.
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { routingPolicyNames } from '../policies/routing/index.js';
import type { RoutingSpec, Scenario } from '../workload/scenario-schema.js';

export function parsePolicyList(text: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0)
    throw new InputError('--policies: expected a comma-separated list of policies, or all');
  return items.flatMap((s) => (s === 'all' ? [...routingPolicyNames] : [s]));
}

/** The routing section for one policy entry: the scenario's own parameters when it names the same policy. */
export function routingFor(scenario: Scenario, entry: string): RoutingSpec {
  const [name, ...pairs] = entry.split(':');
  if (name === undefined || name === '') throw new InputError(`--policies: empty policy name in '${entry}'`);
  const base: RoutingSpec = name === scenario.routing.policy ? { ...scenario.routing } : { policy: name };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`--policies: '${pair}' in '${entry}' is not param=value`);
    base[pair.slice(0, eq)] = parseYaml(pair.slice(eq + 1)) as unknown;
  }
  return base;
}

/** A readable label: the policy's name plus any parameters given on the command line. */
export function policyEntryLabel(entry: string, policyName: string): string {
  const pairs = entry.split(':').slice(1);
  return pairs.length === 0 ? policyName : `${policyName}(${pairs.join(',')})`;
}
