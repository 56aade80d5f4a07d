// Two --policies entries that name the same policy with the same parameters once the defaults are
// filled in (`power-of-d` and `power-of-d:d=2`; one module by two paths) would run the same runs
// twice under two labels, and split what the cache holds: refused, as a literal repeat is.
import { InputError } from '../errors.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { fileParams, routingFor } from './policy-spec.js';
import { resolvePolicy } from './resolve-policy.js';
import { canonicalJson } from './run-cache.js';
import { policyIdentity } from './user-policy.js';

/** Throws when two entries resolve to one policy and parameters (modules must be loaded first). */
export function checkDistinctPolicies(scenario: Scenario, entries: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    let routing: ReturnType<typeof routingFor>;
    let params: Record<string, unknown>;
    try {
      routing = routingFor(scenario, entry);
      params = resolvePolicy(routing).params;
    } catch {
      continue; // a malformed entry is reported where the runs are prepared, with its context
    }
    const key = `${policyIdentity(routing.policy)}\0${canonicalJson(params)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      // `power-of-d` on a file with `d: 5` is `power-of-d:d=5`: say where the parameters came from.
      const fromFile = [first, entry].flatMap((e) => {
        const own = Object.entries(fileParams(scenario, e)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
        return own.length === 0 ? [] : [`'${e}' takes ${own.join(', ')} from the scenario file`];
      });
      throw new InputError(
        `--policies: '${first}' and '${entry}' are the same policy with the same parameters ` +
          `(defaults filled in${fromFile.length === 0 ? '' : `; ${fromFile.join('; ')}`}); ` +
          'each entry is one column of results',
      );
    }
    seen.set(key, entry);
  }
}
