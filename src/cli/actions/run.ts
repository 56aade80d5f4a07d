// What `orchlab run` does (its options are in ../commands/run.ts).
import { runInRounds } from '../../runner/auto-replications.js';
import type { RunOutcome } from '../../runner/executor.js';
import { preloadPolicies, resolvePolicy } from '../../runner/resolve-policy.js';
import { combineReplications } from '../../runner/run-scenario.js';
import type { Scenario } from '../../workload/scenario-schema.js';
import type { RunFlags } from '../commands/run.js';
import { executeRuns, failedRunsError, failedRunsErrorOf } from '../execution.js';
import { runCsv } from '../format-csv.js';
import { formatRun } from '../format-run.js';
import { checkOutputs, emit } from '../output.js';
import { scenarioFromFlags } from '../scenario-input.js';
import { scenarioInputs } from '../execution-inputs.js';

/**
 * The error for failed replications, naming each (nothing is written: as in compare, a policy with
 * a failed replication gets no figures). Exit code 1 when one crashed, 2 when every one failed on
 * the scenario itself, else 3 (see failedRunsError).
 */
function failureError(scenario: Scenario, outcomes: readonly RunOutcome[]): Error | undefined {
  const failed = outcomes.flatMap((o, replication) =>
    o.ok ? [] : [{ policy: '', place: '', replication, kind: o.kind, error: o.error }],
  );
  if (failed.length === 0) return undefined;
  const where = `scenario '${scenario.name}', policy ${scenario.routing.policy}, seed ${scenario.seed}`;
  const only = failed.length === 1 ? failed[0]! : undefined;
  // One failure: one line, as it always read.
  if (only !== undefined)
    return failedRunsErrorOf(`${where}, replication ${only.replication}: ${only.error}`, [only.kind]);
  const of = `${failed.length} of ${outcomes.length} replications failed`;
  return failedRunsError(`${where}: ${of}`, failed);
}

export async function runAction(path: string, flags: RunFlags): Promise<void> {
  const traces: string[] = [];
  const scenario = scenarioFromFlags(path, flags, true, (t) => traces.push(t));
  checkOutputs(flags, scenarioInputs(path, traces, [scenario.routing.policy]));
  await preloadPolicies([scenario.routing.policy]);
  // Unknown policies and bad parameters fail here, before any worker starts.
  resolvePolicy(scenario.routing);
  await executeRuns(
    flags,
    (execute, options) => runInRounds([[scenario]], execute, options),
    scenario.replications === 'auto' ? undefined : scenario.replications,
    async (ran, signal) => {
      const { outcomes, precision } = ran[0]!;
      const error = failureError(scenario, outcomes[0]!);
      if (error !== undefined) throw error;
      const summaries = outcomes[0]!.map((o) => (o as Extract<RunOutcome, { ok: true }>).summary);
      const result = combineReplications(scenario, summaries, undefined, precision?.[0]);
      await emit(
        flags,
        result,
        () => formatRun(result),
        signal,
        () => runCsv(result),
      );
    },
  );
}
