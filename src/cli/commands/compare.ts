// `orchlab compare SCENARIO --policies a,b,c`: every policy on the same replications, with
// paired statistics. Exit code 3 when some runs failed (the others are still reported), 1 when
// one crashed.
import type { Command } from 'commander';
import { InputError, PolicyError } from '../../errors.js';
import { runComparison } from '../../runner/compare.js';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import { collect } from '../collect.js';
import { addExecutionOptions, type ExecutionFlags, executeRuns, failureExitCode } from '../execution.js';
import { formatCompare } from '../format-compare.js';
import { emit, formatOption, type OutputFlags } from '../output.js';
import { invocation, writeReport } from './report.js';
import { scenarioFromFlags } from '../scenario-input.js';

interface CompareFlags extends OutputFlags, ExecutionFlags {
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
    .requiredOption(
      '--policies <list>',
      'comma-separated policies, `all`, module paths, with parameters as name:param=value (e.g. power-of-d:d=3)',
    )
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications (overrides the scenario's)")
    .addOption(formatOption())
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--report <file>', 'also write a self-contained HTML report (see `orchlab report`)');
  addExecutionOptions(command).action(async (path: string, flags: CompareFlags, cmd: Command) => {
    const scenario = scenarioFromFlags(path, flags);
    const entries = parsePolicyList(flags.policies);
    await preloadPolicies(entries.map((e) => e.split(':')[0]!));
    const result = await executeRuns(
      flags,
      (execute, options) => runComparison(scenario, entries, execute, options),
      scenario.replications === 'auto' ? undefined : scenario.replications * entries.length,
    );
    if (result === undefined) return;
    const code = failureExitCode(result.failures.map((f) => f.kind));
    if (result.runs.length === 0) {
      const lines = [...new Set(result.failures.map((f) => `  ${f.policy}: ${f.error}`))];
      if (code === 1) throw new Error(`every policy failed:\n${lines.join('\n')}`);
      // Every run rejected the input itself (e.g. a stop before the warm-up ends): the user's to fix.
      if (result.failures.every((f) => f.kind === 'input'))
        throw new InputError(`every run failed:\n${lines.join('\n')}`);
      throw new PolicyError(`every policy failed:\n${lines.join('\n')}`);
    }
    emit(flags, result, () => formatCompare(result));
    if (flags.report !== undefined) {
      await writeReport(result, flags.report, { command: invocation(cmd) });
      process.stderr.write(`wrote ${flags.report}\n`);
    }
    if (code !== undefined) process.exitCode = code;
  });
}
