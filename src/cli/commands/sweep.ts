// `orchlab sweep SCENARIO --policies a,b --vary path=from:to:step [--vary path=x,y]`: a compare at
// every point of the grid, one orchlab.sweep/1 result. Exit code 3 when some runs or points
// failed (the others are still reported), 1 when one crashed.
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import { runSweep } from '../../runner/sweep.js';
import { parseAxes } from '../../runner/sweep-axes.js';
import { collect } from '../collect.js';
import { addExecutionOptions, type ExecutionFlags, executeRuns, failureExitCode } from '../execution.js';
import { formatSweep } from '../format-sweep.js';
import { emit, formatOption, type OutputFlags } from '../output.js';
import { invocation, writeReport } from './report.js';
import { scenarioFromFlags } from '../scenario-input.js';

interface SweepFlags extends OutputFlags, ExecutionFlags {
  report?: string;
  policies: string;
  vary: string[];
  set: string[];
  seed?: string;
  replications?: string;
}

export function registerSweep(program: Command): void {
  const command = program
    .command('sweep')
    .description(
      'compare policies at every point of a grid of scenario values (the cross product of the --vary axes)',
    )
    .argument('<scenario>', 'scenario YAML file')
    .requiredOption(
      '--policies <list>',
      'comma-separated policies, as for compare (e.g. jsq,power-of-d:d=3,random)',
    )
    .option(
      '--vary <path=values>',
      'an axis: path=from:to:step (inclusive) or path=a,b,c, e.g. workload.arrivals.rate=8:15.2:0.8 (repeatable)',
      collect,
      [],
    )
    .option('--set <path=value>', 'override a scenario field at every point (repeatable)', collect, [])
    .option('--seed <n>', "base seed (overrides the scenario's seed)")
    .option('--replications <n>', "replications per point (overrides the scenario's)")
    .addOption(formatOption())
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--report <file>', 'also write a self-contained HTML report (see `orchlab report`)');
  addExecutionOptions(command).action(async (path: string, flags: SweepFlags, cmd: Command) => {
    const scenario = scenarioFromFlags(path, flags);
    const axes = parseAxes(flags.vary);
    const entries = parsePolicyList(flags.policies);
    await preloadPolicies(entries.map((e) => e.split(':')[0]!));
    const result = await executeRuns(flags, (execute, options) =>
      runSweep(scenario, entries, axes, execute, options),
    );
    if (result === undefined) return;
    const failures = result.points.flatMap((p) => p.failures);
    if (result.points.every((p) => p.runs.length === 0)) {
      const lines = [...new Set(failures.map((f) => `  ${f.policy}: ${f.error}`))];
      throw new InputError(`no policy completed at any point:\n${lines.join('\n')}`);
    }
    emit(flags, result, () => formatSweep(result));
    if (flags.report !== undefined) {
      await writeReport(result, flags.report, { command: invocation(cmd) });
      process.stderr.write(`wrote ${flags.report}\n`);
    }
    const code = failureExitCode(failures.map((f) => f.kind));
    if (code !== undefined) process.exitCode = code;
  });
}
