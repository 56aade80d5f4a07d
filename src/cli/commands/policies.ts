// `orchlab policies`: the registered routing policies and their parameters.
import type { Command } from 'commander';

export interface PoliciesFlags {
  format: string;
}

export function registerPolicies(program: Command): void {
  program
    .command('policies')
    .description('list the routing policies with their parameters')
    .option('--format <format>', 'table or json', 'table')
    .action(async (flags: PoliciesFlags) => {
      const { policiesAction } = await import('../actions/policies.js');
      policiesAction(flags);
    });
}
