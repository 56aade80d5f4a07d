// What `orchlab run` does (its options are in ../commands/run.ts).
import { InputError, PolicyError } from '../../errors.js';
import { runInRounds } from '../../runner/auto-replications.js';
import type { RunOutcome } from '../../runner/executor.js';
import { preloadPolicies, resolvePolicy } from '../../runner/resolve-policy.js';
import { combineReplications } from '../../runner/run-scenario.js';
import type { Scenario } from '../../workload/scenario-schema.js';
import type { RunFlags } from '../commands/run.js';
import { executeRuns } from '../execution.js';
import { formatRun } from '../format-run.js';
import { checkOutputs, emit } from '../output.js';
import { scenarioFromFlags } from '../scenario-input.js';

/** The first failed run as the error the CLI reports (policy or timeout: 3, input: 2, crash: 1). */
function failureError(scenario: Scenario, outcomes: readonly RunOutcome[]): Error | undefined {
  const failed = outcomes.flatMap((o, replication) => (o.ok ? [] : [{ o, replication }]));
  const first = failed[0];
  if (first === undefined) return undefined;
  const where = `scenario '${scenario.name}', policy ${scenario.routing.policy}, seed ${scenario.seed}, replication ${first.replication}`;
  const more = failed.length > 1 ? ` (${failed.length} of ${outcomes.length} runs failed)` : '';
  const text = `${where}: ${first.o.error}${more}`;
  // A run over --run-timeout is the policy's (or the scenario's) pace, not a bug: exit 3.
  if (first.o.kind === 'policy' || first.o.kind === 'timeout') return new PolicyError(text);
  if (first.o.kind === 'input') return new InputError(text);
  return new Error(text);
}

export async function runAction(path: string, flags: RunFlags): Promise<void> {
  const scenario = scenarioFromFlags(path, flags, true);
  checkOutputs(flags);
  await preloadPolicies([scenario.routing.policy]);
  // Unknown policies and bad parameters fail here, before any worker starts.
  resolvePolicy(scenario.routing);
  const ran = await executeRuns(
    flags,
    (execute, options) => runInRounds([[scenario]], execute, options),
    scenario.replications === 'auto' ? undefined : scenario.replications,
  );
  if (ran === undefined) return;
  const { outcomes, precision } = ran[0]!;
  const error = failureError(scenario, outcomes[0]!);
  if (error !== undefined) throw error;
  const summaries = outcomes[0]!.map((o) => (o as Extract<RunOutcome, { ok: true }>).summary);
  const result = combineReplications(scenario, summaries, undefined, precision?.[0]);
  await emit(flags, result, () => formatRun(result));
}
