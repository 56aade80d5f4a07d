// What `orchlab compare` does (its options are in ../commands/compare.ts).
import type { Command } from 'commander';
import { InputError, PolicyError } from '../../errors.js';
import { runComparison } from '../../runner/compare.js';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { checkDistinctPolicies } from '../../runner/distinct-policies.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import type { CompareFlags } from '../commands/compare.js';
import { executeRuns, failureExitCode } from '../execution.js';
import { formatCompare } from '../format-compare.js';
import { invocation } from '../invocation.js';
import { checkOutputs, emit } from '../output.js';
import { scenarioFromFlags } from '../scenario-input.js';

export async function compareAction(path: string, flags: CompareFlags, cmd: Command): Promise<void> {
  const scenario = scenarioFromFlags(path, flags);
  checkOutputs(flags);
  const entries = parsePolicyList(flags.policies);
  await preloadPolicies(entries.map((e) => e.split(':')[0]!));
  checkDistinctPolicies(scenario, entries);
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
  await emit(flags, result, () => formatCompare(result));
  if (flags.report !== undefined) {
    // The report code loads only when a report is asked for.
    const { writeReport } = await import('../../report/write-report.js');
    await writeReport(result, flags.report, { command: invocation(cmd), outFlag: '--report' });
    if (flags.quiet !== true) process.stderr.write(`wrote ${flags.report}\n`);
  }
  if (code !== undefined) process.exitCode = code;
}
