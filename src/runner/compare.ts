// `compare`: every policy on the same replications of one scenario (same seeds, hence the same
// workload: common random numbers), combined per policy, then paired differences against the
// best policy per metric. Runs are independent; the executor decides where they run. A sweep
// compares the same way at each of its points (preparePoint, summarizePoint).
import { type Comparison, comparePolicies } from '../analysis/compare-runs.js';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import { isWindowTotal, ownWindows } from '../metrics/window-totals.js';
import { VERSION } from '../version.js';
import { applyOverrides, overridePath } from '../workload/overrides.js';
import type { RoutingSpec, Scenario } from '../workload/scenario-schema.js';
import { type GroupRuns, type RoundsOptions, runInRounds } from './auto-replications.js';
import type { Executor, FailureKind, RunOutcome } from './executor.js';
import { fileParams, policyEntryLabel, routingFor } from './policy-spec.js';
import { resolvePolicy } from './resolve-policy.js';
import { overlaps } from './sweep-axes.js';
import type { RunResult } from './run-result.js';
import { combineReplications } from './run-scenario.js';

export type { Executor } from './executor.js';

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

/**
 * The metrics compared for `scenario`: all, but the totals over the observation window (rejected,
 * cost) when each run observes a window of its own (`warmup: auto`, or a warm-up and a stop of
 * different kinds; metrics/window-totals.ts): no best, no paired difference for them. costPerTask
 * stays comparable.
 */
export function comparedMetrics(scenario: Scenario): string[] {
  const all = Object.keys(COMPARED_METRICS);
  return ownWindows(scenario) !== undefined ? all.filter((m) => !isWindowTotal(m)) : all;
}

/** A run that failed, with what it takes to reproduce it. */
export interface PolicyFailure {
  readonly policy: string;
  readonly scenario: string;
  readonly seed: number;
  /** null when no replication could start (a sweep point whose scenario is invalid). */
  readonly replication: number | null;
  readonly kind: FailureKind;
  readonly error: string;
}

/** One comparison's figures: a compare, or one point of a sweep. */
export interface PointResult extends Comparison {
  readonly replications: number;
  readonly runs: readonly RunResult[];
  readonly failures: readonly PolicyFailure[];
}

export interface CompareResult extends PointResult {
  readonly format: typeof COMPARE_FORMAT;
  readonly orchlab: string;
  readonly scenario: string;
  readonly seed: number;
  readonly policies: readonly string[];
}

/** The scenario each policy entry runs (its routing section replaced). */
export function scenariosFor(scenario: Scenario, entries: readonly string[]): Scenario[] {
  return entries.map((e) => ({ ...scenario, routing: routingFor(scenario, e) }));
}

/** The policies of one comparison: a scenario per entry and the labels results use. */
export interface PreparedPoint {
  readonly scenarios: readonly Scenario[];
  readonly labels: readonly string[];
}

/** How preparePoint labels its entries. */
export interface LabelOptions {
  /**
   * Add the routing parameters an entry takes from the scenario file (`power-of-d(d=5)` for a bare
   * `power-of-d` on a file with `d: 5`): the label then says what ran. Entries that take none keep
   * their label. A sweep must label its points as its whole run, so it also passes `varied`.
   */
  readonly fileParams?: boolean;
  /**
   * Routing parameters (`d`, `weights.a`) left out of labels: those a sweep varies, whose value
   * differs from point to point (each point shows it). `routingSets` are left out as well.
   */
  readonly varied?: readonly string[];
}

/**
 * Throws InputError on unknown names or bad parameters, before any run starts. `routingSets`
 * (`d=3`, relative to the routing section) apply to every policy's routing, after its own.
 */
export function preparePoint(
  scenario: Scenario,
  entries: readonly string[],
  routingSets: readonly string[] = [],
  labelOptions: LabelOptions = {},
): PreparedPoint {
  const scenarios = scenariosFor(scenario, entries).map((s) =>
    routingSets.length === 0 ? s : { ...s, routing: applyOverrides(s.routing, routingSets) as RoutingSpec },
  );
  const names = scenarios.map((s) => resolvePolicy(s.routing).definition.name);
  const varied = [...(labelOptions.varied ?? []), ...routingSets.map(overridePath)];
  const fromFile = (entry: string): Record<string, unknown> =>
    labelOptions.fileParams === true
      ? Object.fromEntries(
          Object.entries(fileParams(scenario, entry)).filter(
            ([key]) => !varied.some((v) => overlaps(v, key)),
          ),
        )
      : {};
  return {
    scenarios,
    labels: uniqueLabels(entries.map((e, i) => policyEntryLabel(e, names[i]!, fromFile(e)))),
  };
}

/** Combines each policy's replications and compares the policies that did not fail. */
export function summarizePoint(point: PreparedPoint, ran: GroupRuns): PointResult {
  const runs: RunResult[] = [];
  const failures: PolicyFailure[] = [];
  const samples = [];
  // Every policy of a point has the same warm-up setting.
  const metrics = point.scenarios.length === 0 ? [] : comparedMetrics(point.scenarios[0]!);
  for (let p = 0; p < point.scenarios.length; p++) {
    const scenario = point.scenarios[p]!;
    const label = point.labels[p]!;
    const outcomes: readonly RunOutcome[] = ran.outcomes[p] ?? [];
    const failed = outcomes.flatMap((o, replication) => (o.ok ? [] : [{ o, replication }]));
    for (const { o, replication } of failed)
      failures.push({
        policy: label,
        scenario: scenario.name,
        seed: scenario.seed,
        replication,
        kind: o.kind,
        error: o.error,
      });
    if (failed.length > 0) continue;
    const summaries = outcomes.map((o) => (o as Extract<RunOutcome, { ok: true }>).summary);
    const run = combineReplications(scenario, summaries, label, ran.precision?.[p]);
    runs.push(run);
    const values: Record<string, number[]> = {};
    for (const metric of metrics)
      values[metric] = run.replicationResults.map((r) => COMPARED_METRICS[metric]!(r.metrics));
    samples.push({ policy: label, values });
  }
  const comparison = comparePolicies(samples, metrics);
  return { replications: ran.replications, runs, ...comparison, failures };
}

export async function runComparison(
  scenario: Scenario,
  entries: readonly string[],
  execute: Executor,
  options: RoundsOptions = {},
): Promise<CompareResult> {
  const point = preparePoint(scenario, entries, [], { fileParams: true });
  const [ran] = await runInRounds([point.scenarios], execute, options);
  const { replications, runs, best, paired, failures } = summarizePoint(point, ran!);
  return {
    format: COMPARE_FORMAT,
    orchlab: VERSION,
    scenario: scenario.name,
    seed: scenario.seed,
    replications,
    policies: point.labels,
    runs,
    best,
    paired,
    failures,
  };
}

/**
 * Labels made unique: a repeat gets `#n` (n its place in the list), or a higher n while that is
 * another entry's label already; first occurrences keep theirs.
 */
export function uniqueLabels(labels: readonly string[]): string[] {
  const taken = new Set(labels);
  return labels.map((l, i) => {
    if (labels.indexOf(l) === i) return l;
    let n = i + 1;
    while (taken.has(`${l}#${n}`)) n++;
    taken.add(`${l}#${n}`);
    return `${l}#${n}`;
  });
}
