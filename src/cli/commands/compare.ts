// `orchlab compare SCENARIO --policies a,b,c`: every policy on the same replications, with
// paired statistics. Exit code 3 when some runs failed (the others are still reported), 1 when
// one crashed.
import type { Command } from 'commander';
import { collect } from '../collect.js';
import { requiredOption } from '../required-option.js';
import { addExecutionOptions, type ExecutionFlags } from '../execution-options.js';
import { formatOption, type OutputFlags } from '../output.js';

export interface CompareFlags extends OutputFlags, ExecutionFlags {
  report?: string;
  policies: string;
  set: string[];
  seed?: string;
  replications?: string;
}

export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description(
      'run several routing policies on the same replications and compare them with paired statistics',
    )
    .argument('<scenario>', 'scenario YAML file')
    // Required: checked in the action (required-option.ts), after the <scenario> argument.
    .option(
      '--policies <list>',
      'comma-separated policies, `all`, module paths, with parameters as name:param=value (e.g. power-of-d:d=3)',
    )
    .option(
      '--set <path=value>',
      'override a scenario field (repeatable); not routing.*: give policy parameters in --policies',
      collect,
      [],
    )
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications, or auto (overrides the scenario's)")
    .addOption(formatOption(['table', 'json', 'csv']))
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--report <file>', 'also write a self-contained HTML report (see `orchlab report`)');
  addExecutionOptions(command).action(
    async (path: string, flags: Omit<CompareFlags, 'policies'> & { policies?: string }, cmd: Command) => {
      const policies = requiredOption(flags.policies, '--policies <list>', cmd);
      const { compareAction } = await import('../actions/compare.js');
      await compareAction(path, { ...flags, policies }, cmd);
    },
  );
}
