// What `orchlab validate` does (its options are in ../commands/validate.ts).
import { count } from '../../plural.js';
import { InputError, PolicyError } from '../../errors.js';
import { preloadPolicies, resolvePolicy } from '../../runner/resolve-policy.js';
import { fleetSize } from '../../workload/scenario-checks.js';
import type { ValidateFlags } from '../commands/validate.js';
import { printable } from '../printable.js';
import { scenarioFromFlags } from '../scenario-input.js';

/**
 * Checks every file, not only up to the first bad one (`validate scenarios/*.yaml` should list
 * all that need fixing): an ok line on stdout for each good file, the problem on stderr for each
 * bad one, as main would print it, and then exit code 2 (3 for a policy module that broke its
 * contract, the code that error has elsewhere) if any was bad.
 */
export async function validateAction(paths: readonly string[], flags: ValidateFlags): Promise<void> {
  let worst = 0;
  for (const path of paths) {
    try {
      await validateOne(path, flags);
    } catch (err) {
      if (!(err instanceof InputError || err instanceof PolicyError)) throw err;
      // A flag's problem (--policy bogus) or a trace's (its own file and line) does not name the
      // scenario; with several files it must say which. One file: the message as run prints it.
      const named =
        paths.length === 1 || err.message.startsWith(`${path}:`) ? err.message : `${path}: ${err.message}`;
      process.stderr.write(`orchlab: ${printable(named)}\n`);
      worst = Math.max(worst, err.exitCode);
    }
  }
  if (worst > 0) process.exitCode = worst;
}

async function validateOne(path: string, flags: ValidateFlags): Promise<void> {
  const scenario = scenarioFromFlags(path, flags, true);
  await preloadPolicies([scenario.routing.policy]);
  resolvePolicy(scenario.routing);
  const agents = fleetSize(scenario);
  process.stdout.write(
    `${path}: ok (${scenario.name}: ${count(agents, 'agent')} in ${count(scenario.agents.length, 'group')}, ${count(scenario.workload.classes.length, 'class', 'classes')}, policy ${scenario.routing.policy})\n`,
  );
}
