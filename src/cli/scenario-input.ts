// Turns a scenario path plus command-line flags into the Scenario a command runs:
// file -> --set overrides -> validation -> --policy, --seed, --replications.
import { InputError } from '../errors.js';
import { routingPolicies, routingPolicyNames } from '../policies/routing/index.js';
import { parseEntry } from '../runner/policy-spec.js';
import { samePolicy } from '../runner/user-policy.js';
import { loadScenarioFile } from '../workload/load-scenario.js';
import { applyOverrides, overridePath } from '../workload/overrides.js';
import { MAX_REPLICATIONS, type RoutingSpec, type Scenario } from '../workload/scenario-schema.js';

export interface ScenarioFlags {
  readonly set?: readonly string[];
  readonly policy?: string;
  readonly seed?: string;
  readonly replications?: string;
}

/**
 * `--policy power-of-d:d=3` as compare's entries are written: the name, and each parameter as
 * `--set routing.d=3` after the others (so it wins over one given there).
 */
function withPolicyParams(flags: ScenarioFlags): ScenarioFlags {
  if (flags.policy === undefined || !flags.policy.includes(':')) return flags;
  const { name } = parseEntry(flags.policy, '--policy');
  const pairs = flags.policy.split(':').slice(1);
  return { ...flags, policy: name, set: [...(flags.set ?? []), ...pairs.map((p) => `routing.${p}`)] };
}

/**
 * `ownPolicy`: the command runs the file's policy (run, validate; not compare or sweep, whose
 * --policies replace it), so a built-in policy's parameters are checked with the file's lines.
 * `onTrace` hears each trace file the scenario reads (replayed or fitted to).
 */
export function scenarioFromFlags(
  path: string,
  given: ScenarioFlags,
  ownPolicy = false,
  onTrace?: (file: string) => void,
): Scenario {
  const flags = withPolicyParams(given);
  const sets = flags.set ?? [];
  if (!ownPolicy) refuseRoutingSets(sets);
  const loaded = loadScenarioFile(path, {
    overrides: sets,
    knownPolicies: routingPolicyNames,
    ...(onTrace === undefined ? {} : { onTrace }),
    ...(ownPolicy
      ? {
          policyParams: (p: string) =>
            samePolicy(flags.policy ?? p, p) ? routingPolicies.get(p)?.params : undefined,
        }
      : {}),
  });
  let scenario: Scenario = loaded;
  if (flags.policy !== undefined && given.policy !== undefined)
    refusePolicyPair(given.policy, flags.policy, given.set ?? [], loaded.routing.policy);
  if (flags.policy !== undefined && !samePolicy(flags.policy, loaded.routing.policy)) {
    // The file's routing parameters belong to the file's policy; only --set routing.* ones carry over.
    const routingSets = sets.filter((s) => s.startsWith('routing.')).map((s) => s.slice('routing.'.length));
    scenario = { ...scenario, routing: applyOverrides({ policy: flags.policy }, routingSets) as RoutingSpec };
  }
  if (flags.seed !== undefined) scenario = { ...scenario, seed: wholeNumber('--seed', flags.seed, 0) };
  if (flags.replications !== undefined) {
    const replications =
      flags.replications === 'auto'
        ? 'auto'
        : wholeNumber('--replications', flags.replications, 1, MAX_REPLICATIONS, 'or auto');
    scenario = { ...scenario, replications };
  }
  return scenario;
}

/**
 * `--policy jsq --set routing.policy=random`: two flags naming the policy to run. The --set used
 * to win silently, whichever was meant; refused when they name different policies. `setPolicy`
 * is the policy the file has after the --set overrides; `name` is --policy without parameters.
 */
function refusePolicyPair(policy: string, name: string, sets: readonly string[], setPolicy: string): void {
  // The last one: it is the one that took effect.
  const set = [...sets].reverse().find((s) => ['routing.policy', 'routing'].includes(overridePath(s)));
  if (set === undefined || samePolicy(name, setPolicy)) return;
  throw new InputError(
    `--policy ${policy} and --set ${set} name different policies (${name}, ${setPolicy}); give one of them`,
  );
}

/**
 * compare and sweep run the policies of --policies, each with its own parameters: a --set of the
 * routing section would reach only an entry naming the file's policy (and a typo, none), so it is
 * refused, pointing at the --policies entry (or, in a sweep, --vary routing.PARAM).
 */
function refuseRoutingSets(sets: readonly string[]): void {
  for (const set of sets) {
    const path = overridePath(set);
    if (path !== 'routing' && !path.startsWith('routing.')) continue;
    const param = path.slice('routing.'.length);
    if (param === 'policy' || path === 'routing')
      throw new InputError(
        `--set ${set}: compare and sweep run the policies listed in --policies; ` +
          'give each one there, with its parameters (e.g. --policies jsq,power-of-d:d=3)',
      );
    const value = set.slice(set.indexOf('=') + 1).trim();
    const own = /^[\w-]+$/.test(param) && value !== '' ? `NAME:${param}=${value}, ` : '';
    throw new InputError(
      `--set ${set}: compare and sweep take policy parameters in the --policies entry, ` +
        `not from --set routing.*; give ${own}e.g. --policies power-of-d:d=3 ` +
        `(a sweep can vary one for every policy: --vary ${path}=…)`,
    );
  }
}

export function wholeNumber(
  flag: string,
  text: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  alternative = '',
): number {
  // Digits only: Number() would also take '1e3', '0x2' and ' 2'.
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const or = alternative === '' ? '' : ` ${alternative}`;
    throw new InputError(`${flag}: expected a whole number from ${min} to ${max}${or}, got '${text}'`);
  }
  return n;
}

/** A number of seconds > 0 from a flag, in plain decimal notation ('30', '0.5'); at most a day. */
export function positiveSeconds(flag: string, text: string): number {
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(n > 0 && n <= 86_400))
    throw new InputError(
      `${flag}: expected seconds as a plain decimal number like 30 or 0.5 (no exponent or sign), ` +
        `above 0 and at most 86400 (a day), got '${text}'`,
    );
  return n;
}
