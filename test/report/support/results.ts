// Real results for report tests, made once per test file from a small priced scenario: a
// comparison, a single run, and a sweep over the arrival rate in the agreed orchlab.sweep/1 shape.
import { routingPolicyNames } from '../../../src/policies/routing/index.js';
import type { SweepResult } from '../../../src/report/input-types.js';
import { type CompareResult, runComparison } from '../../../src/runner/compare.js';
import { executeInProcess } from '../../../src/runner/executor.js';
import type { RunResult } from '../../../src/runner/run-result.js';
import { runSweep } from '../../../src/runner/sweep.js';
import { parseAxes } from '../../../src/runner/sweep-axes.js';
import { loadScenarioFile } from '../../../src/workload/load-scenario.js';
import type { Scenario } from '../../../src/workload/scenario-schema.js';

export const SMALL = 'test/fixtures/scenarios/report-small.yaml';
export const POLICIES = ['sed', 'jsq', 'least-cost', 'random'];

export function smallScenario(overrides: readonly string[] = []): Scenario {
  return loadScenarioFile(SMALL, { overrides, knownPolicies: routingPolicyNames });
}

let compared: Promise<CompareResult> | undefined;
export function compareResult(): Promise<CompareResult> {
  compared ??= runComparison(smallScenario(), POLICIES, executeInProcess);
  return compared;
}

export async function runResult(): Promise<RunResult> {
  return (await compareResult()).runs[0]!;
}

let swept: Promise<SweepResult> | undefined;
export function sweepResult(): Promise<SweepResult> {
  swept ??= (async () => {
    const rates = [4, 6, 8];
    const points = [];
    for (const rate of rates) {
      const c = await runComparison(
        smallScenario([`workload.arrivals.rate=${rate}`]),
        POLICIES.slice(0, 3),
        executeInProcess,
      );
      points.push({
        values: { 'workload.arrivals.rate': rate },
        runs: c.runs,
        paired: c.paired,
        best: c.best,
      });
    }
    const first = points[0]!.runs[0]!;
    return {
      format: 'orchlab.sweep/1',
      orchlab: first.orchlab,
      scenario: first.scenario,
      axes: [{ path: 'workload.arrivals.rate', values: rates }],
      points,
    };
  })();
  return swept;
}

/** A real sweep of the small scenario (runner/sweep.ts), e.g. over `seed=1:6:1`. */
export function sweepOf(
  varies: readonly string[],
  policies: readonly string[] = ['sed', 'random'],
  overrides: readonly string[] = ['replications=2', 'stop.completed=1000', 'warmup.completed=100'],
): Promise<SweepResult> {
  return runSweep(smallScenario(overrides), policies, parseAxes(varies), executeInProcess);
}

let once: Promise<CompareResult> | undefined;
/** sed and jsq with one replication: every estimate's ci95 is [v, v], which means "no interval". */
export function oneReplicationResult(): Promise<CompareResult> {
  once ??= runComparison(smallScenario(['replications=1']), POLICIES.slice(0, 2), executeInProcess);
  return once;
}

/** The run with `metric` (`responseTime.p99`, `cost`) given this 95% CI, its value unchanged. */
export function withCi(
  run: RunResult,
  metric: 'responseTime.p99' | 'cost',
  ci95: [number, number],
): RunResult {
  const m = run.metrics;
  if (metric === 'cost') return { ...run, metrics: { ...m, cost: { value: m.cost.value!, ci95 } } };
  const rt = m.responseTime;
  return { ...run, metrics: { ...m, responseTime: { ...rt, p99: { value: rt.p99.value!, ci95 } } } };
}
