// `orchlab policies`: the registered routing policies and their parameters.
import type { Command } from 'commander';
import { formatOption } from '../output.js';

export interface PoliciesFlags {
  format: 'table' | 'json';
}

export function registerPolicies(program: Command): void {
  program
    .command('policies')
    .description('list the routing policies with their parameters')
    .addOption(formatOption())
    .action(async (flags: PoliciesFlags) => {
      const { policiesAction } = await import('../actions/policies.js');
      await policiesAction(flags);
    });
}
