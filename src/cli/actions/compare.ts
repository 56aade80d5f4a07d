// What `orchlab compare` does (its options are in ../commands/compare.ts).
import type { Command } from 'commander';
import { type CompareResult, runComparison } from '../../runner/compare.js';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { checkDistinctPolicies } from '../../runner/distinct-policies.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import type { CompareFlags } from '../commands/compare.js';
import { executeRuns, failedRunsError, failureExitCode } from '../execution.js';
import { count } from '../../plural.js';
import { compareCsv } from '../format-csv.js';
import { formatCompare } from '../format-compare.js';
import { checkOutputs } from '../output.js';
import { emitWithReport } from '../emit-with-report.js';
import { scenarioFromFlags } from '../scenario-input.js';
import { scenarioInputs } from '../execution-inputs.js';

export async function compareAction(path: string, flags: CompareFlags, cmd: Command): Promise<void> {
  const traces: string[] = [];
  const scenario = scenarioFromFlags(path, flags, false, (t) => traces.push(t));
  const entries = parsePolicyList(flags.policies);
  const names = entries.map((e) => e.split(':')[0]!);
  checkOutputs(flags, scenarioInputs(path, traces, names));
  await preloadPolicies(names);
  checkDistinctPolicies(scenario, entries);
  await executeRuns(
    flags,
    (execute, options) => runComparison(scenario, entries, execute, options),
    scenario.replications === 'auto' ? undefined : scenario.replications * entries.length,
    (result, signal) => deliver(result, flags, cmd, signal),
  );
}

/** The table, JSON or CSV, and the report; Ctrl-C stops it until the files are drawn (emit-with-report.ts). */
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
  await emitWithReport(
    flags,
    result,
    () => formatCompare(result),
    cmd,
    signal,
    () => compareCsv(result),
  );
  const code = failureExitCode(result.failures.map((f) => f.kind));
  if (code !== undefined) process.exitCode = code;
}
