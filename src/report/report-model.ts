// Everything a report shows, derived once from a result: the runs its charts draw, the objective
// and headline, the scenario, and who made it. compare: all its runs; run: the one run; sweep:
// the sweep chart over all points, detail charts at the last point that has runs.
import { InputError } from '../errors.js';
import { COMPARED_METRICS, comparedMetrics } from '../runner/compare.js';
import type { RunResult } from '../runner/run-result.js';
import { type WarmupCutSpread, warmupCutSpread, runNotes } from '../runner/run-notes.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { type Headline, headline } from './headline.js';
import type { ReportInput, SweepPoint, SweepResult } from './input-types.js';
import { messages } from './messages.js';
import { metricPaths } from './metrics.js';
import { type Objective, readObjective } from './objective.js';
import { axisValuesText, pointLabel, sweepHeadline } from './sweep-headline.js';

export interface ReportModel {
  readonly kind: 'compare' | 'sweep' | 'run';
  readonly format: string;
  readonly scenario: string;
  readonly orchlab: string;
  /** The seed every run used (`42`), or, when a sweep varies it, which (`varies by point: 1–60, 60 values`). */
  readonly seed: string;
  /** Replications per run, fewest and most: they differ across a sweep's points with replications: auto. */
  readonly replications: readonly [number, number];
  /** The policies asked for, as labels in their order (failed ones too); empty when the result has no list. */
  readonly policies: readonly string[];
  /** The runs the detail charts draw. */
  readonly runs: readonly RunResult[];
  readonly sweep?: SweepResult;
  /** For a sweep, the point the detail charts show, e.g. `rate = 24`. */
  readonly detailPoint?: string;
  /**
   * Runs that failed, by policy label: a compare's, and a sweep's at the points that ran (a point
   * whose scenario is invalid fails every policy the same way: the headline says it once).
   */
  readonly failures: readonly Failure[];
  readonly scenarioSpec: Scenario;
  readonly objective: Objective;
  readonly headline: Headline;
  /**
   * Paired differences against the best, per point for a sweep (point '' otherwise), with the
   * replications paired (one gives no interval and no test).
   */
  readonly paired: readonly (SweepPoint['paired'][number] & {
    readonly point: string;
    readonly replications: number;
  })[];
  readonly best: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The figures compare ranked (★, paired differences), in its order: mean, p95 and p99 response
   * time, mean wait, rejected and cost, but the last two under warmup: auto. Empty for a run.
   */
  readonly ranked: readonly string[];
  /**
   * What the tables print about the runs: PRECISION NOT MET (with the replications needed) under
   * replications: auto, WARM-UP AT LIMIT under warmup: auto, WORKLOAD ENDED and SKIPPED ROWS for
   * replays; a sweep's naming its point.
   */
  readonly runNotes: readonly string[];
  /** Under warmup: auto, where each run's replications were cut (point '' outside sweeps). */
  readonly warmupCuts: readonly WarmupCutRow[];
}

export interface Failure {
  readonly policy: string;
  /** The sweep point ('' outside sweeps). */
  readonly point: string;
  /** The seed of the failed run; undefined when the result does not say. */
  readonly seed: number | undefined;
  /** The replication that failed (numbered from 0, as in the JSON), null when none could start. */
  readonly replication: number | null;
  /** Replications each policy ran at its point when fixed (`replications: 6`); undefined under auto. */
  readonly of: number | undefined;
  readonly error: string;
}

export interface WarmupCutRow {
  readonly point: string;
  readonly policy: string;
  readonly cut: WarmupCutSpread;
}

/** The notes and warm-up cuts of one comparison's runs; `point` names a sweep point ('' otherwise). */
function runFacts(runs: readonly RunResult[], point: string) {
  const where = point === '' ? '' : ` at ${point}`;
  return {
    runNotes: runNotes(runs, where),
    warmupCuts: runs.flatMap((r) => {
      const cut = warmupCutSpread(r);
      return cut === undefined ? [] : [{ point, policy: r.policy.label, cut }];
    }),
  };
}

/** `source` names where the result came from (a file path, or `compare`) in messages. */
export function reportModel(input: ReportInput, source: string): ReportModel {
  if (input.format === 'orchlab.sweep/1') return sweepModel(input, source);
  const runs: readonly RunResult[] = input.format === 'orchlab.compare/1' ? input.runs : [input];
  const first = runs[0];
  if (first === undefined) throw new InputError(messages.noRuns(source));
  const objective = readObjective(first.scenarioSpec, source, metricPaths(first));
  const common = {
    format: input.format,
    scenario: input.scenario,
    orchlab: input.orchlab,
    seed: String(input.seed),
    replications: ((n: number) => [n, n] as const)(
      input.format === 'orchlab.compare/1' ? input.replications : input.replicationResults.length,
    ),
    runs,
    policies: input.format === 'orchlab.compare/1' ? input.policies : [first.policy.label],
    scenarioSpec: first.scenarioSpec,
    objective,
    headline: headline(runs, objective),
    ...runFacts(runs, ''),
  };
  if (input.format === 'orchlab.run/1')
    return { ...common, kind: 'run', failures: [], paired: [], best: {}, ranked: [] };
  return {
    ...common,
    kind: 'compare',
    failures: failuresOf(input.failures, runs, ''),
    paired: input.paired.map((p) => ({ ...p, point: '', replications: pairedReplications(runs, p) })),
    best: { '': input.best },
    ranked: rankedFigures(runs),
  };
}

function sweepModel(sweep: SweepResult, source: string): ReportModel {
  const withRuns = sweep.points.filter((p) => p.runs.length > 0);
  const detail = withRuns[withRuns.length - 1];
  if (detail === undefined) throw new InputError(messages.noRuns(source));
  const first = detail.runs[0]!;
  const objective = readObjective(first.scenarioSpec, source, metricPaths(first));
  const seedAxis = sweep.axes.find((a) => a.path === 'seed');
  const facts = withRuns.map((p) => runFacts(p.runs, pointLabel(sweep, p.values)));
  return {
    kind: 'sweep',
    format: sweep.format,
    scenario: sweep.scenario,
    orchlab: sweep.orchlab,
    // --vary seed gives each point its own seed: the last point's is not the sweep's.
    seed: seedAxis === undefined ? String(first.seed) : `varies by point: ${axisValuesText(seedAxis.values)}`,
    replications: replicationRange(withRuns.flatMap((p) => p.runs.map((r) => r.replicationResults.length))),
    runs: detail.runs,
    // Declared by runner/sweep.ts's result (not by input-types): read with care.
    policies: stringsOf((sweep as { readonly policies?: unknown }).policies),
    sweep,
    detailPoint: pointLabel(sweep, detail.values),
    failures: sweep.points.flatMap((p) =>
      p.error === undefined ? failuresOf(p.failures ?? [], p.runs, pointLabel(sweep, p.values)) : [],
    ),
    scenarioSpec: first.scenarioSpec,
    objective,
    headline: sweepHeadline(sweep, objective),
    paired: sweep.points.flatMap((p) =>
      p.paired.map((d) => ({
        ...d,
        point: pointLabel(sweep, p.values),
        replications: pairedReplications(p.runs, d),
      })),
    ),
    best: Object.fromEntries(sweep.points.map((p) => [pointLabel(sweep, p.values), p.best])),
    ranked: rankedFigures(withRuns.flatMap((p) => p.runs)),
    runNotes: facts.flatMap((f) => f.runNotes),
    warmupCuts: facts.flatMap((f) => f.warmupCuts),
  };
}

function replicationRange(counts: readonly number[]): readonly [number, number] {
  return [Math.min(...counts), Math.max(...counts)];
}

/** The replications a paired difference pairs: those of its policy `a` (the same as the best's). */
function pairedReplications(runs: readonly RunResult[], d: { readonly a: string }): number {
  return runs.find((r) => r.policy.label === d.a)?.replicationResults.length ?? 0;
}

/** The figures compare ranks for these runs (comparedMetrics of their scenarios), in its order. */
function rankedFigures(runs: readonly RunResult[]): string[] {
  const ranked = new Set(runs.flatMap((r) => comparedMetrics(r.scenarioSpec)));
  return Object.keys(COMPARED_METRICS).filter((m) => ranked.has(m));
}

/** A comparison's failures with its point and, when fixed, the replications every policy ran. */
function failuresOf(
  failures: readonly { readonly policy: string; readonly error: string }[],
  runs: readonly RunResult[],
  point: string,
): Failure[] {
  const asked = runs[0]?.scenarioSpec.replications;
  const of = typeof asked === 'number' ? asked : undefined;
  return failures.map((f) => {
    const where = f as { readonly seed?: unknown; readonly replication?: unknown };
    return {
      policy: f.policy,
      point,
      seed: typeof where.seed === 'number' ? where.seed : undefined,
      replication: typeof where.replication === 'number' ? where.replication : null,
      of,
      error: f.error,
    };
  });
}

const stringsOf = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : [];
