// `orchlab sweep SCENARIO --policies a,b --vary path=from:to:step [--vary path=x,y]`: a compare at
// every point of the grid, one orchlab.sweep/1 result. Exit code 3 when some runs or points
// failed (the others are still reported), 1 when one crashed.
import { type Command, InvalidArgumentError } from 'commander';
import { collect } from '../collect.js';
import { requiredOption } from '../required-option.js';
import { addExecutionOptions, type ExecutionFlags } from '../execution-options.js';
import { formatOption, type OutputFlags } from '../output.js';

export interface SweepFlags extends OutputFlags, ExecutionFlags {
  report?: string;
  policies: string;
  vary: string[];
  set: string[];
  seed?: string;
  replications?: string;
}

/** An output path as given; '' would resolve to the working directory and read as "is a directory". */
export function outputPath(text: string): string {
  if (text === '') throw new InvalidArgumentError('the path is empty; expected a file name.');
  return text;
}

export function registerSweep(program: Command): void {
  const command = program
    .command('sweep')
    .description(
      'compare policies at every point of a grid of scenario values (the cross product of the --vary axes)',
    )
    .argument('<scenario>', 'scenario YAML file')
    // Required: checked in the action (required-option.ts), after the <scenario> argument.
    .option('--policies <list>', 'comma-separated policies, as for compare (e.g. jsq,power-of-d:d=3,random)')
    .option(
      '--vary <path=values>',
      'an axis: path=from:to:step (inclusive) or path=a,b,c, e.g. workload.arrivals.rate=8:15.2:0.8 (repeatable)',
      collect,
      [],
    )
    .option('--set <path=value>', 'override a scenario field at every point (repeatable)', collect, [])
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications per point, or auto (overrides the scenario's)")
    .addOption(formatOption(['table', 'json', 'csv']))
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout', outputPath)
    .option('--report <file>', 'also write a self-contained HTML report (see `orchlab report`)', outputPath);
  addExecutionOptions(command).action(
    async (path: string, flags: Omit<SweepFlags, 'policies'> & { policies?: string }, cmd: Command) => {
      const policies = requiredOption(flags.policies, '--policies <list>', cmd);
      const { sweepAction } = await import('../actions/sweep.js');
      await sweepAction(path, { ...flags, policies }, cmd);
    },
  );
}
