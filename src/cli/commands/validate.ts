// `orchlab validate SCENARIO...`: schema and consistency checks, nothing is run.
import type { Command } from 'commander';
import { collect } from '../collect.js';

export interface ValidateFlags {
  set: string[];
  policy?: string;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check scenario files against the schema: an ok line or the problem for each file; exit code 2 if any is bad',
    )
    .argument('<scenario...>', 'scenario YAML files')
    .option('--set <path=value>', 'override a scenario field before checking (repeatable)', collect, [])
    .option(
      '--policy <name>',
      'check with this routing policy (and parameters: power-of-d:d=3) instead of the scenario’s',
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      const { validateAction } = await import('../actions/validate.js');
      await validateAction(paths, flags);
    });
}
