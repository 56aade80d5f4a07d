// Policy lists on the command line: `jsq,power-of-d:d=3:mode=weighted,./mine.ts`. Each entry is
// a policy name or module path, optionally followed by `:param=value` pairs.
import { InputError } from '../errors.js';
import { routingPolicyNames } from '../policies/routing/index.js';
import { didYouMean } from '../workload/did-you-mean.js';
import type { RoutingSpec, Scenario } from '../workload/scenario-schema.js';
import { isPolicyPath, samePolicy } from './user-policy.js';
import { parseYamlValue, yamlValueProblem } from '../workload/yaml-value.js';

export { policyEntryLabel } from './policy-label.js';

/** Keys that would reach an object's prototype rather than set a parameter. */
const FORBIDDEN_PARAMS = new Set(['__proto__', 'constructor', 'prototype']);

/** One --policies entry taken apart: the policy and its parameters, values read as YAML. */
export interface PolicyEntry {
  readonly name: string;
  readonly params: readonly (readonly [string, unknown])[];
}

/**
 * Splits `power-of-d:d=3:mode=weighted`. InputError, naming `flag` and the entry, on an empty
 * name, a pair that is not param=value, a parameter given twice (only the last would count, under
 * a label naming both), `policy=` (the entry's name is its policy) or a value that is not YAML.
 */
export function parseEntry(entry: string, flag = '--policies'): PolicyEntry {
  const [name, ...pairs] = entry.split(':');
  if (name === undefined || name === '') throw new InputError(`${flag}: empty policy name in '${entry}'`);
  const params: [string, unknown][] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`${flag}: '${pair}' in '${entry}' is not param=value`);
    const key = pair.slice(0, eq);
    if (key === 'policy')
      throw new InputError(
        `${flag}: '${pair}' in '${entry}': the policy is the entry's name (${name}); list another policy as its own entry`,
      );
    if (FORBIDDEN_PARAMS.has(key))
      throw new InputError(`${flag}: '${pair}' in '${entry}': '${key}' cannot be a parameter`);
    if (params.some(([k]) => k === key))
      throw new InputError(
        `${flag}: parameter '${key}' is given twice in '${entry}'; give each parameter once`,
      );
    let value: unknown;
    try {
      value = parseYamlValue(pair.slice(eq + 1));
    } catch (err) {
      throw new InputError(`${flag}: '${pair}' in '${entry}': ${yamlValueProblem(err)}`);
    }
    params.push([key, value]);
  }
  return { name, params };
}

/**
 * The entries of a --policies list, `all` expanded. Each must name a built-in policy or a module
 * file, with well-formed parameters (parseEntry); an empty entry (`jsq,,random`) or one listed
 * twice is a mistake, not a request.
 */
export function parsePolicyList(text: string): string[] {
  const raw = text.split(',').map((s) => s.trim());
  if (raw.every((s) => s.length === 0))
    throw new InputError('--policies: expected a comma-separated list of policies, or all');
  if (raw.some((s) => s.length === 0))
    throw new InputError(`--policies: empty entry in '${text}' (two commas in a row, or one at an end)`);
  const items = raw.flatMap((s) => (s === 'all' ? [...routingPolicyNames] : [s]));
  for (const item of items) {
    const { name } = parseEntry(item);
    if (routingPolicyNames.includes(name) || isPolicyPath(name)) continue;
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

/**
 * The routing parameters an entry takes from the scenario file: the file's own (siblings of
 * `policy:`) when the entry names the file's policy, less those the entry sets itself.
 */
export function fileParams(scenario: Scenario, entry: string): Record<string, unknown> {
  const { name, params } = parseEntry(entry);
  if (!samePolicy(name, scenario.routing.policy)) return {};
  const { policy: _policy, ...own } = scenario.routing;
  for (const [key] of params) delete own[key];
  return own;
}

/** The routing section for one policy entry: the scenario's own parameters when it names the same policy. */
export function routingFor(scenario: Scenario, entry: string): RoutingSpec {
  const { name, params } = parseEntry(entry);
  // Key order as before (the file's, then new keys): a run's digest hashes the routing section.
  const base: RoutingSpec = samePolicy(name, scenario.routing.policy)
    ? { ...scenario.routing, policy: name }
    : { policy: name };
  for (const [key, value] of params) base[key] = value;
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
