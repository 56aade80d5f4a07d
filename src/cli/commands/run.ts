// `orchlab run SCENARIO`: every replication under one policy; a table or orchlab.run/1 JSON.
// Replications run on worker threads (--workers), may come from --cache, and with
// replications: auto are added in rounds until the precision target is met.
import type { Command } from 'commander';
import { InputError, PolicyError } from '../../errors.js';
import { runInRounds } from '../../runner/auto-replications.js';
import type { RunOutcome } from '../../runner/executor.js';
import { preloadPolicies, resolvePolicy } from '../../runner/resolve-policy.js';
import { combineReplications } from '../../runner/run-scenario.js';
import type { Scenario } from '../../workload/scenario-schema.js';
import { collect } from '../collect.js';
import { addExecutionOptions, type ExecutionFlags, executeRuns } from '../execution.js';
import { formatRun } from '../format-run.js';
import { emit, formatOption, type OutputFlags } from '../output.js';
import { type ScenarioFlags, scenarioFromFlags } from '../scenario-input.js';

/** The first failed run as the error the CLI reports (policy: 3, input: 2, crash: 1). */
function failureError(scenario: Scenario, outcomes: readonly RunOutcome[]): Error | undefined {
  const failed = outcomes.flatMap((o, replication) => (o.ok ? [] : [{ o, replication }]));
  const first = failed[0];
  if (first === undefined) return undefined;
  const where = `scenario '${scenario.name}', policy ${scenario.routing.policy}, seed ${scenario.seed}, replication ${first.replication}`;
  const more = failed.length > 1 ? ` (${failed.length} of ${outcomes.length} runs failed)` : '';
  const text = `${where}: ${first.o.error}${more}`;
  if (first.o.kind === 'policy') return new PolicyError(text);
  if (first.o.kind === 'input') return new InputError(text);
  return new Error(text);
}

export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run a scenario: every replication under one routing policy')
    .argument('<scenario>', 'scenario YAML file')
    .option('--policy <name>', "routing policy (overrides the scenario's routing.policy)")
    .option(
      '--set <path=value>',
      'override a scenario field, e.g. agents.0.count=100 (repeatable)',
      collect,
      [],
    )
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications (overrides the scenario's)")
    .addOption(formatOption())
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout');
  addExecutionOptions(command).action(
    async (path: string, flags: ScenarioFlags & OutputFlags & ExecutionFlags) => {
      const scenario = scenarioFromFlags(path, flags);
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
      emit(flags, result, () => formatRun(result));
    },
  );
}
