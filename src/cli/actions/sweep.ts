// What `orchlab sweep` does (its options are in ../commands/sweep.ts).
import type { Command } from 'commander';
import { parsePolicyList } from '../../runner/policy-spec.js';
import { checkDistinctPolicies } from '../../runner/distinct-policies.js';
import { preloadPolicies } from '../../runner/resolve-policy.js';
import { runSweep, type SweepResult } from '../../runner/sweep.js';
import { InputError } from '../../errors.js';
import {
  checkAxesAgainstSets,
  crossProduct,
  parseAxes,
  pointCount,
  type SweepAxis,
} from '../../runner/sweep-axes.js';
import type { Scenario } from '../../workload/scenario-schema.js';
import type { SweepFlags } from '../commands/sweep.js';
import { executeRuns, type FailedRun, failedRunsError, failureExitCode } from '../execution.js';
import { sweepCsv } from '../format-csv.js';
import { formatSweep, pointText } from '../format-sweep.js';
import { count } from '../../plural.js';
import { checkOutputs } from '../output.js';
import { emitWithReport } from '../emit-with-report.js';
import { scenarioFromFlags } from '../scenario-input.js';
import { axisInputs, scenarioInputs } from '../execution-inputs.js';

export async function sweepAction(path: string, flags: SweepFlags, cmd: Command): Promise<void> {
  const axes = parseAxes(flags.vary);
  const traces: string[] = [];
  const scenario = baseScenario(path, flags, axes, (t) => traces.push(t));
  const entries = parsePolicyList(flags.policies);
  const names = entries.map((e) => e.split(':')[0]!);
  checkOutputs(flags, [...scenarioInputs(path, traces, names), ...axisInputs(axes)]);
  checkAxesAgainstSets(axes, flags.set, flags);
  await preloadPolicies(names);
  checkDistinctPolicies(scenario, entries);
  await executeRuns(
    flags,
    (execute, options) => runSweep(scenario, entries, axes, execute, options),
    scenario.replications === 'auto' ? undefined : pointCount(axes) * entries.length * scenario.replications,
    (result, signal) => deliver(result, flags, cmd, signal),
  );
}

/** How many points baseScenario tries before it gives up and reports the file's own error. */
const BASE_TRIES = 100;

/**
 * The scenario every point starts from: the file with --set, valid on its own or, failing that,
 * with the values of the first point that makes it valid. Every point sets every axis, so those
 * values are overwritten at each point (which is validated again); a file that only its axes make
 * valid (`--vary warmup.completed=100,1000` with a `--set stop.completed` below the file's warm-up)
 * still sweeps. routing.* axes are left out: compare and sweep take no --set routing.*.
 */
function baseScenario(
  path: string,
  flags: SweepFlags,
  axes: readonly SweepAxis[],
  onTrace: (file: string) => void,
): Scenario {
  try {
    return scenarioFromFlags(path, flags, false, onTrace);
  } catch (err) {
    if (!(err instanceof InputError) || axes.length === 0) throw err;
    for (const values of crossProduct(axes).slice(0, BASE_TRIES)) {
      const sets = Object.entries(values)
        .filter(([p]) => !p.startsWith('routing.'))
        .map(([p, v]) => `${p}=${JSON.stringify(v)}`);
      try {
        return scenarioFromFlags(path, { ...flags, set: [...(flags.set ?? []), ...sets] }, false, onTrace);
      } catch {
        // This point does not make it valid either; the next may.
      }
    }
    throw err;
  }
}

/** The table, JSON or CSV, and the report; Ctrl-C stops it until the files are drawn (emit-with-report.ts). */
async function deliver(
  result: SweepResult,
  flags: SweepFlags,
  cmd: Command,
  signal: AbortSignal,
): Promise<void> {
  const failures: FailedRun[] = result.points.flatMap((p) =>
    p.failures.map((f) => ({ ...f, place: pointText(p.values) })),
  );
  // Nothing to show: exit code as compare's when every policy failed (1 a crash, 2 only the
  // scenario, else 3), each failure named with its point and replication.
  if (result.points.every((p) => p.runs.length === 0))
    throw failedRunsError(
      `no policy completed at any point (${count(failures.length, 'run')} failed)`,
      failures,
    );
  await emitWithReport(
    flags,
    result,
    () => formatSweep(result),
    cmd,
    signal,
    () => sweepCsv(result),
  );
  const code = failureExitCode(failures.map((f) => f.kind));
  if (code !== undefined) process.exitCode = code;
}
