// `orchlab validate SCENARIO...`: schema and consistency checks, nothing is run.
import type { Command } from 'commander';
import { preloadPolicies, resolvePolicy } from '../../runner/resolve-policy.js';
import { collect } from '../collect.js';
import { scenarioFromFlags } from '../scenario-input.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check scenario files against the schema; exit code 2 with a clear message on the first bad one',
    )
    .argument('<scenario...>', 'scenario YAML files')
    .option('--set <path=value>', 'override a scenario field before checking (repeatable)', collect, [])
    .option('--policy <name>', 'check with this routing policy instead of the scenario’s')
    .action(async (paths: string[], flags: { set: string[]; policy?: string }) => {
      for (const path of paths) {
        const scenario = scenarioFromFlags(path, flags);
        await preloadPolicies([scenario.routing.policy]);
        resolvePolicy(scenario.routing);
        const agents = scenario.agents.reduce((s, g) => s + g.count, 0);
        process.stdout.write(
          `${path}: ok (${scenario.name}: ${agents} agents in ${scenario.agents.length} group(s), ${scenario.workload.classes.length} class(es), policy ${scenario.routing.policy})\n`,
        );
      }
    });
}
