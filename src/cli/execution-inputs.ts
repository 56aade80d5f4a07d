// The files run, compare and sweep read, which checkOutputs (output.ts) keeps their --out and
// --report from replacing. Here, not in actions/: a command loads no action module but its own.
import { isPolicyPath } from '../runner/user-policy.js';
import type { Scenario } from '../workload/scenario-schema.js';
import type { CommandInput } from './output.js';

/**
 * The scenario file, the trace it replays and the policy modules run (`policies`: names or paths,
 * as --policy or the --policies entries give them). A trace that arrivals or sizes are fitted to
 * is not named: the loaded scenario keeps the fitted model, not the trace's path.
 */
export function scenarioInputs(
  path: string,
  scenario: Scenario,
  policies: readonly string[],
): CommandInput[] {
  const trace = scenario.workload.trace?.file;
  return [
    { what: 'the scenario', path },
    ...(trace === undefined ? [] : [{ what: "the scenario's trace", path: trace }]),
    ...policies.filter(isPolicyPath).map((p) => ({ what: 'the policy module', path: p })),
  ];
}
