// Policy lists on the command line: `jsq,power-of-d:d=3:mode=weighted,./mine.ts`. Each entry is
// a policy name or module path, optionally followed by `:param=value` pairs.
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { routingPolicyNames } from '../policies/routing/index.js';
import { didYouMean } from '../workload/did-you-mean.js';
import type { RoutingSpec, Scenario } from '../workload/scenario-schema.js';
import { isPolicyPath, samePolicy } from './user-policy.js';

/**
 * The entries of a --policies list, `all` expanded. Each must name a built-in policy or a module
 * file; an empty entry (`jsq,,random`) or one listed twice is a mistake, not a request.
 */
export function parsePolicyList(text: string): string[] {
  const raw = text.split(',').map((s) => s.trim());
  if (raw.every((s) => s.length === 0))
    throw new InputError('--policies: expected a comma-separated list of policies, or all');
  if (raw.some((s) => s.length === 0))
    throw new InputError(`--policies: empty entry in '${text}' (two commas in a row, or one at an end)`);
  const items = raw.flatMap((s) => (s === 'all' ? [...routingPolicyNames] : [s]));
  for (const item of items) {
    const name = item.split(':')[0]!;
    if (name === '' || routingPolicyNames.includes(name) || isPolicyPath(name)) continue;
    throw new InputError(
      `--policies: unknown policy '${name}'${didYouMean(name, routingPolicyNames) || '.'} ` +
        `Known policies: ${routingPolicyNames.join(', ')} (or a path to a .ts/.js/.mjs policy module)`,
    );
  }
  const twice = items.find((item, i) => items.indexOf(item) !== i);
  if (twice !== undefined)
    throw new InputError(`--policies: '${twice}' is listed twice (each entry is one column of results)`);
  return items;
}

/** The routing section for one policy entry: the scenario's own parameters when it names the same policy. */
export function routingFor(scenario: Scenario, entry: string): RoutingSpec {
  const [name, ...pairs] = entry.split(':');
  if (name === undefined || name === '') throw new InputError(`--policies: empty policy name in '${entry}'`);
  const base: RoutingSpec = samePolicy(name, scenario.routing.policy)
    ? { ...scenario.routing, policy: name }
    : { policy: name };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`--policies: '${pair}' in '${entry}' is not param=value`);
    base[pair.slice(0, eq)] = parseYaml(pair.slice(eq + 1)) as unknown;
  }
  return base;
}

/** The parameters an entry sets itself: `d` for `power-of-d:d=3` (routingFor refuses malformed pairs). */
export function entryParams(entry: string): string[] {
  return entry
    .split(':')
    .slice(1)
    .flatMap((pair) => {
      const eq = pair.indexOf('=');
      return eq > 0 ? [pair.slice(0, eq)] : [];
    });
}

/** A readable label: the policy's name plus any parameters given on the command line. */
export function policyEntryLabel(entry: string, policyName: string): string {
  const pairs = entry.split(':').slice(1);
  return pairs.length === 0 ? policyName : `${policyName}(${pairs.join(',')})`;
}
