// `orchlab conformance`: the simulator against queueing theory, on this machine.
import type { Command } from 'commander';
import { formatOption, type OutputFlags, quietOption } from '../output.js';

export interface ConformanceFlags extends OutputFlags {
  quick?: boolean;
}

export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description(
      'check the simulator against closed-form queueing results (M/M/1, M/M/c, M/D/1, M/G/1, priority, Little); exit 1 on a miss',
    )
    .option('--quick', 'shorter runs (the CI setting; a few seconds)')
    .addOption(formatOption())
    .option('--out <file>', 'write the output to a file (atomically)')
    .addOption(quietOption())
    .action(async (flags: ConformanceFlags) => {
      const { conformanceAction } = await import('../actions/conformance.js');
      await conformanceAction(flags);
    });
}
