// What `orchlab compare` does (its options are in ../commands/compare.ts).
import type { Command } from 'commander';
import { type CompareResult, runComparison } from '../../runner/compare.js';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { checkDistinctPolicies } from '../../runner/distinct-policies.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import type { CompareFlags } from '../commands/compare.js';
import { executeRuns, failedRunsError, failureExitCode } from '../execution.js';
import { count } from '../plural.js';
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
  await executeRuns(
    flags,
    (execute, options) => runComparison(scenario, entries, execute, options),
    scenario.replications === 'auto' ? undefined : scenario.replications * entries.length,
    (result, signal) => deliver(result, flags, cmd, signal),
  );
}

/** The table or JSON, and the report; Ctrl-C stops it until the last file is written. */
async function deliver(
  result: CompareResult,
  flags: CompareFlags,
  cmd: Command,
  signal: AbortSignal,
): Promise<void> {
  if (result.runs.length === 0)
    throw failedRunsError(
      `every policy failed (${count(result.failures.length, 'run')} failed)`,
      result.failures.map((f) => ({ ...f, place: '' })),
    );
  // The report code loads only when a report is asked for, and before the output is written: from
  // then on nothing waits (the report is written at once after it), so a Ctrl-C heard is one that
  // came before the output was complete.
  const report = flags.report === undefined ? undefined : await import('../../report/write-report.js');
  await emit(flags, result, () => formatCompare(result), signal);
  if (report !== undefined && flags.report !== undefined) {
    await report.writeReport(result, flags.report, { command: invocation(cmd), outFlag: '--report' });
    if (flags.quiet !== true) process.stderr.write(`wrote ${flags.report}\n`);
  }
  const code = failureExitCode(result.failures.map((f) => f.kind));
  if (code !== undefined) process.exitCode = code;
}
