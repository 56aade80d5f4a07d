// What `orchlab sweep` does (its options are in ../commands/sweep.ts).
import type { Command } from 'commander';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { checkDistinctPolicies } from '../../runner/distinct-policies.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import { runSweep, type SweepPoint, type SweepResult } from '../../runner/sweep.js';
import { checkAxesAgainstSets, parseAxes, pointCount } from '../../runner/sweep-axes.js';
import type { SweepFlags } from '../commands/sweep.js';
import { executeRuns, type FailedRun, failedRunsError, failureExitCode } from '../execution.js';
import { formatSweep } from '../format-sweep.js';
import { count } from '../plural.js';
import { checkOutputs } from '../output.js';
import { emitWithReport } from '../emit-with-report.js';
import { scenarioFromFlags } from '../scenario-input.js';

export async function sweepAction(path: string, flags: SweepFlags, cmd: Command): Promise<void> {
  const scenario = scenarioFromFlags(path, flags);
  checkOutputs(flags);
  const axes = parseAxes(flags.vary);
  checkAxesAgainstSets(axes, flags.set, flags);
  const entries = parsePolicyList(flags.policies);
  await preloadPolicies(entries.map((e) => e.split(':')[0]!));
  checkDistinctPolicies(scenario, entries);
  await executeRuns(
    flags,
    (execute, options) => runSweep(scenario, entries, axes, execute, options),
    scenario.replications === 'auto' ? undefined : pointCount(axes) * entries.length * scenario.replications,
    (result, signal) => deliver(result, flags, cmd, signal),
  );
}

/** A point's values as the table's notes write them: `workload.arrivals.rate=8 agents.0.count=16`. */
function pointText(point: SweepPoint): string {
  return Object.entries(point.values)
    .map(([path, v]) => `${path}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

/** The table or JSON, and the report; Ctrl-C stops it until the files are drawn (emit-with-report.ts). */
async function deliver(
  result: SweepResult,
  flags: SweepFlags,
  cmd: Command,
  signal: AbortSignal,
): Promise<void> {
  const failures: FailedRun[] = result.points.flatMap((p) =>
    p.failures.map((f) => ({ ...f, place: pointText(p) })),
  );
  // Nothing to show: exit code as compare's when every policy failed (1 a crash, 2 only the
  // scenario, else 3), each failure named with its point and replication.
  if (result.points.every((p) => p.runs.length === 0))
    throw failedRunsError(
      `no policy completed at any point (${count(failures.length, 'run')} failed)`,
      failures,
    );
  await emitWithReport(flags, result, () => formatSweep(result), cmd, signal);
  const code = failureExitCode(failures.map((f) => f.kind));
  if (code !== undefined) process.exitCode = code;
}
