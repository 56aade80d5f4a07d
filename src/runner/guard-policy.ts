// A user's policy module runs inside orchlab's run loop: what it throws from create(), release(),
// observe() or idle() is the policy's failure (kind 'policy', exit code 3), not orchlab's crash,
// and its message must not depend on where the code ran (no stack: a stack names the worker
// bundle's lines with --workers 2 and the modules' with --workers 1). route() is guarded by the
// orchestrator itself, which names the task. Built-in policies are not wrapped: their throw is a
// bug, and their calls stay direct.
import { PolicyError, thrownText } from '../errors.js';
import type { PolicyDefinition, RoutingPolicy } from '../policies/routing/types.js';

function threw(policy: string, method: string, err: unknown): PolicyError {
  return new PolicyError(`policy '${policy}' threw in ${method}(): ${thrownText(err)}`);
}

const OPTIONAL = ['release', 'observe', 'idle'] as const;

/** `method` of `p`, each call caught and worded as the policy's failure. */
function guarded<A extends unknown[], R>(name: string, method: string, p: object, fn: (...args: A) => R) {
  return (...args: A): R => {
    try {
      return fn.apply(p, args);
    } catch (err) {
      throw threw(name, method, err);
    }
  };
}

/** The policy's answers, each call caught and worded as the policy's failure. */
function guardInstance(name: string, p: RoutingPolicy): RoutingPolicy {
  const out: { -readonly [K in keyof RoutingPolicy]: RoutingPolicy[K] } = {
    // The name goes into every failure message: one that is not a string (a symbol would throw
    // there) gives way to the definition's, which loading checked.
    name: typeof p.name === 'string' ? p.name : name,
    route: (task, fleet, rng) => p.route(task, fleet, rng),
  };
  for (const method of OPTIONAL) {
    const m: unknown = p[method];
    if (m === undefined) continue;
    if (typeof m !== 'function')
      throw new PolicyError(
        `policy '${name}': ${method} must be a function or left out, got ${m === null ? 'null' : typeof m}`,
      );
    (out as Record<string, unknown>)[method] = guarded(name, method, p, m as (...args: unknown[]) => unknown);
  }
  return out;
}

/** A user policy definition whose create() and instance methods fail as the policy's failures. */
export function guardPolicy(def: PolicyDefinition): PolicyDefinition {
  return {
    ...def,
    create: (params, ctx) => {
      let p: RoutingPolicy;
      try {
        p = def.create(params, ctx);
      } catch (err) {
        throw threw(def.name, 'create', err);
      }
      if (typeof p !== 'object' || p === null || typeof p.route !== 'function')
        throw new PolicyError(`policy '${def.name}': create() returned no policy (an object with route())`);
      return guardInstance(def.name, p);
    },
  };
}
