// `compare`: every policy on the same replications of one scenario (same seeds, hence the same
// workload: common random numbers), combined per policy, then paired differences against the
// best policy per metric. Runs are independent; the executor decides where they run.
import { type Comparison, comparePolicies } from '../analysis/compare-runs.js';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import { plannedReplications } from './replications.js';
import { VERSION } from '../version.js';
import type { Scenario } from '../workload/scenario-schema.js';
import type { ExecuteOptions, RunOutcome, RunTask } from './executor.js';
import { policyEntryLabel, routingFor } from './policy-spec.js';
import { resolvePolicy } from './resolve-policy.js';
import type { RunResult } from './run-result.js';
import { combineReplications } from './run-scenario.js';

export const COMPARE_FORMAT = 'orchlab.compare/1';

/** The metrics compared pairwise; lower is better for each. */
export const COMPARED_METRICS: Readonly<Record<string, (m: ReplicationMetrics) => number>> = {
  'responseTime.mean': (m) => m.responseTime.mean,
  'responseTime.p95': (m) => m.responseTime.p95,
  'responseTime.p99': (m) => m.responseTime.p99,
  'waitTime.mean': (m) => m.waitTime.mean,
  rejected: (m) => m.rejected,
  cost: (m) => m.cost,
};

export interface PolicyFailure {
  readonly policy: string;
  readonly replication: number;
  readonly kind: string;
  readonly error: string;
}

export interface CompareResult extends Comparison {
  readonly format: typeof COMPARE_FORMAT;
  readonly orchlab: string;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly policies: readonly string[];
  readonly runs: readonly RunResult[];
  readonly failures: readonly PolicyFailure[];
}

export type Executor = (tasks: readonly RunTask[], options: ExecuteOptions) => Promise<RunOutcome[]>;

/** The scenario each policy entry runs (its routing section replaced). */
export function scenariosFor(scenario: Scenario, entries: readonly string[]): Scenario[] {
  return entries.map((e) => ({ ...scenario, routing: routingFor(scenario, e) }));
}

export async function runComparison(
  scenario: Scenario,
  entries: readonly string[],
  execute: Executor,
  options: ExecuteOptions = {},
): Promise<CompareResult> {
  const scenarios = scenariosFor(scenario, entries);
  // Fail fast on unknown names or bad parameters, before any run starts.
  const names = scenarios.map((s) => resolvePolicy(s.routing).definition.name);
  const labels = uniqueLabels(entries.map((e, i) => policyEntryLabel(e, names[i]!)));
  const reps = plannedReplications(scenario);
  // Replication-major order: with a pool, every policy advances together.
  const tasks: RunTask[] = [];
  for (let r = 0; r < reps; r++) for (const s of scenarios) tasks.push({ scenario: s, replication: r });
  const outcomes = await execute(tasks, options);

  const runs: RunResult[] = [];
  const failures: PolicyFailure[] = [];
  const samples = [];
  for (let p = 0; p < scenarios.length; p++) {
    const mine = tasks.map((t, i) => ({ t, o: outcomes[i] })).filter((x) => x.t.scenario === scenarios[p]);
    const failed = mine.filter((x) => x.o === undefined || !x.o.ok);
    if (failed.length > 0) {
      for (const f of failed)
        failures.push({
          policy: labels[p]!,
          replication: f.t.replication,
          kind: f.o === undefined ? 'cancelled' : f.o.ok ? 'ok' : f.o.kind,
          error: f.o === undefined ? 'not run (cancelled)' : f.o.ok ? '' : f.o.error,
        });
      continue;
    }
    const summaries = mine.map((x) => (x.o as Extract<RunOutcome, { ok: true }>).summary);
    const run = combineReplications(scenarios[p]!, summaries, labels[p]!);
    runs.push(run);
    const values: Record<string, number[]> = {};
    for (const [metric, get] of Object.entries(COMPARED_METRICS)) values[metric] = run.replicationResults.map((r) => get(r.metrics));
    samples.push({ policy: labels[p]!, values });
  }
  const comparison = comparePolicies(samples, Object.keys(COMPARED_METRICS));
  return {
    format: COMPARE_FORMAT,
    orchlab: VERSION,
    scenario: scenario.name,
    seed: scenario.seed,
    replications: reps,
    policies: labels,
    runs,
    ...comparison,
    failures,
  };
}

function uniqueLabels(labels: readonly string[]): string[] {
  return labels.map((l, i) => (labels.indexOf(l) === i ? l : `${l}#${i + 1}`));
}
