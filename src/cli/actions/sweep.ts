// What `orchlab sweep` does (its options are in ../commands/sweep.ts).
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { checkDistinctPolicies } from '../../runner/distinct-policies.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import { runSweep } from '../../runner/sweep.js';
import { checkAxesAgainstSets, parseAxes, pointCount } from '../../runner/sweep-axes.js';
import type { SweepFlags } from '../commands/sweep.js';
import { executeRuns, failureExitCode } from '../execution.js';
import { formatSweep } from '../format-sweep.js';
import { invocation } from '../invocation.js';
import { checkOutputs, emit } from '../output.js';
import { scenarioFromFlags } from '../scenario-input.js';

export async function sweepAction(path: string, flags: SweepFlags, cmd: Command): Promise<void> {
  const scenario = scenarioFromFlags(path, flags);
  checkOutputs(flags);
  const axes = parseAxes(flags.vary);
  checkAxesAgainstSets(axes, flags.set, flags);
  const entries = parsePolicyList(flags.policies);
  await preloadPolicies(entries.map((e) => e.split(':')[0]!));
  checkDistinctPolicies(scenario, entries);
  const result = await executeRuns(
    flags,
    (execute, options) => runSweep(scenario, entries, axes, execute, options),
    scenario.replications === 'auto' ? undefined : pointCount(axes) * entries.length * scenario.replications,
  );
  if (result === undefined) return;
  const failures = result.points.flatMap((p) => p.failures);
  if (result.points.every((p) => p.runs.length === 0)) {
    const lines = [...new Set(failures.map((f) => `  ${f.policy}: ${f.error}`))];
    throw new InputError(`no policy completed at any point:\n${lines.join('\n')}`);
  }
  await emit(flags, result, () => formatSweep(result));
  if (flags.report !== undefined) {
    // The report code loads only when a report is asked for.
    const { writeReport } = await import('../../report/write-report.js');
    await writeReport(result, flags.report, { command: invocation(cmd), outFlag: '--report' });
    if (flags.quiet !== true) process.stderr.write(`wrote ${flags.report}\n`);
  }
  const code = failureExitCode(failures.map((f) => f.kind));
  if (code !== undefined) process.exitCode = code;
}
