// `orchlab run SCENARIO`: every replication under one policy; a table or orchlab.run/1 JSON.
import type { Command } from 'commander';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import { runScenario } from '../../runner/run-scenario.js';
import { formatRun } from '../format-run.js';
import { emit, formatOption, type OutputFlags } from '../output.js';
import { type ScenarioFlags, scenarioFromFlags } from '../scenario-input.js';
import { collect } from '../collect.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario: every replication under one routing policy')
    .argument('<scenario>', 'scenario YAML file')
    .option('--policy <name>', "routing policy (overrides the scenario's routing.policy)")
    .option('--set <path=value>', 'override a scenario field, e.g. agents.0.count=100 (repeatable)', collect, [])
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications (overrides the scenario's)")
    .addOption(formatOption())
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--quiet', 'no progress on stderr')
    .action(async (path: string, flags: ScenarioFlags & OutputFlags & { quiet?: boolean }) => {
      const scenario = scenarioFromFlags(path, flags);
      await preloadPolicies([scenario.routing.policy]);
      const started = process.hrtime.bigint();
      const result = runScenario(scenario, {
        onProgress: (done, total) => {
          if (!flags.quiet && process.stderr.isTTY) process.stderr.write(`\rreplication ${done}/${total}`);
        },
      });
      if (!flags.quiet && process.stderr.isTTY) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stderr.write(`\r${result.events} events in ${seconds.toFixed(2)} s (${(result.events / seconds / 1e6).toFixed(2)} M events/s)\n`);
      }
      emit(flags, result, () => formatRun(result));
    });
}
