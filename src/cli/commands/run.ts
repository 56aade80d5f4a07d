// `orchlab run SCENARIO`: every replication under one policy; a table, orchlab.run/1 JSON or CSV
// (a row per replication).
// Replications run on worker threads (--workers), may come from --cache, and with
// replications: auto are added in rounds until the precision target is met.
import type { Command } from 'commander';
import { collect } from '../collect.js';
import { addExecutionOptions, type ExecutionFlags } from '../execution-options.js';
import { formatOption, type OutputFlags } from '../output.js';
import type { ScenarioFlags } from '../scenario-input.js';

export type RunFlags = ScenarioFlags & OutputFlags & ExecutionFlags;

export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run a scenario: every replication under one routing policy')
    .argument('<scenario>', 'scenario YAML file')
    .option(
      '--policy <name>',
      "routing policy, with parameters as in compare's --policies (power-of-d:d=3); overrides the scenario's routing",
    )
    .option(
      '--set <path=value>',
      'override a scenario field, e.g. agents.0.count=100 (repeatable)',
      collect,
      [],
    )
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications, or auto (overrides the scenario's)")
    .addOption(formatOption(['table', 'json', 'csv']))
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout');
  addExecutionOptions(command).action(async (path: string, flags: RunFlags) => {
    const { runAction } = await import('../actions/run.js');
    await runAction(path, flags);
  });
}
