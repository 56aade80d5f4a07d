// What tables and reports say about runs beyond their figures: one replication has no interval,
// replications: auto that stopped short of its precision, warmup: auto cuts (and those at their
// limit), workloads that ran out before the stop, a replay's skipped rows, and where a failed
// run can be found again. Pure text from results; the terminal tables
// (src/cli/format-*.ts) and the HTML report (src/report) both print it.
import { count } from '../plural.js';
import { MAX_REPLICATIONS } from '../workload/scenario-schema.js';
import type { PolicyFailure } from './compare.js';
import type { RunResult } from './run-result.js';

const isAuto = (r: RunResult) => r.scenarioSpec.replications === 'auto';

/** The note under tables of one replication: under replications: auto, maxReplications capped it at 1. */
export function oneReplication(runs: readonly RunResult[]): string {
  return `One replication: no confidence intervals (${runs.some(isAuto) ? 'raise maxReplications to 2 or more' : 'give --replications 2 or more'})`;
}

const percent = (x: number) => `${Number((100 * x).toPrecision(2))}%`;

/**
 * With warmup: auto, one line for each run where MSER cut half of some replication's series,
 * the largest cut it makes: the transient may outlast the run, and figures may still hold it.
 * The JSON says it per replication (warmupCut.atLimit).
 */
export function warmupNotes(runs: readonly RunResult[], where = ''): string[] {
  return runs.flatMap((r) => {
    const at = r.replicationResults.filter((x) => x.warmupCut?.atLimit === true).length;
    if (at === 0) return [];
    return [
      `WARM-UP AT LIMIT: ${r.policy.label}${where}: warmup: auto cut half the run in ${at} of ${count(r.replications, 'replication')}; the transient may last longer than the run (make stop later)`,
    ];
  });
}

/**
 * How many replications ran, and under replications: auto what they were for: `20 replications
 * (auto: ±5% reached)`, or `(auto: ±1% not reached)` when a run stopped at maxReplications short
 * of it (its PRECISION NOT MET note says by how much).
 */
export function replicationsText(n: number, runs: readonly RunResult[]): string {
  return `${count(n, 'replication')}${autoText(runs)}`;
}

/** ` (auto: ±5% reached)` after a count of replications, or '' when none of `runs` had replications: auto. */
export function autoText(runs: readonly RunResult[]): string {
  const auto = runs.filter(isAuto);
  if (auto.length === 0) return '';
  const met = auto.every((r) => r.precisionMet !== false);
  return ` (auto: ±${percent(auto[0]!.scenarioSpec.precision)} ${met ? 'reached' : 'not reached'})`;
}

/**
 * With replications: auto, one line for each run that stopped at maxReplications before its mean
 * response time was known to within the precision asked (`where`, e.g. ` at rate=8`, names a
 * sweep point). The JSON says it too (precisionMet: false); a table must not hide it.
 */
export function precisionNotes(runs: readonly RunResult[], where = ''): string[] {
  return runs.flatMap((r) => {
    if (r.precisionMet !== false) return [];
    const e = r.metrics.responseTime.mean;
    const half =
      e.value === null || e.ci95 === null ? Number.NaN : (e.ci95[1] - e.ci95[0]) / 2 / Math.abs(e.value);
    const asked = r.scenarioSpec.precision;
    // The estimate of the replications needed means something only from an interval (two
    // replications or more, a finite half-width) that asks for more than ran.
    const needed =
      r.replications >= 2 && Number.isFinite(half) && (r.replicationsTarget ?? 0) > r.replications
        ? r.replicationsTarget
        : undefined;
    const target = needed === undefined ? '' : `, about ${needed} needed`;
    // Advice that can be followed: maxReplications cannot pass MAX_REPLICATIONS.
    const advice =
      needed !== undefined && needed > MAX_REPLICATIONS
        ? `more than the ${MAX_REPLICATIONS.toLocaleString('en-US')} maxReplications can be: ask a coarser precision`
        : `raise maxReplications${needed === undefined ? '' : ` to about ${needed}`}`;
    return [
      `PRECISION NOT MET: ${r.policy.label}${where}: mean response ${r.replications < 2 ? 'with no interval' : `±${Number.isFinite(half) ? percent(half) : '?'}`} after ${count(r.replications, 'replication')}, asked ±${Number.isFinite(asked) ? percent(asked) : '?'}${target} (${advice})`,
    ];
  });
}

/** Under a compare table's FAILED lines: what became of a failed policy's other replications. */
export const FAILED_POLICIES_LEFT_OUT =
  'A policy with a failed run is left out of the table and the paired differences, its runs that finished included: policies are compared over the same replications.';

/** Under a sweep table's FAILED lines: the same, point by point. */
export const FAILED_AT_POINTS_LEFT_OUT =
  'A policy with a failed run at a point shows FAILED there, its runs at that point that finished included: policies are compared over the same replications.';

/**
 * Where a failed run can be found again: its seed and replication (a run draws every random
 * number from streams of (seed, stream, replication); see sim/rng.ts), e.g. `seed 3, replication 1`.
 */
export function failedRunText(f: PolicyFailure): string {
  return f.replication === null ? `seed ${f.seed}` : `seed ${f.seed}, replication ${f.replication}`;
}

/** Where warmup: auto cut a run's replications: completed tasks discarded and the time it ended. */
export interface WarmupCutSpread {
  readonly replications: number;
  readonly meanCompleted: number;
  readonly minCompleted: number;
  readonly maxCompleted: number;
  /** Mean virtual time (s) at which observation began. */
  readonly meanSeconds: number;
}

/** The spread of a run's warmup: auto cuts; undefined for a fixed warm-up. */
export function warmupCutSpread(r: RunResult): WarmupCutSpread | undefined {
  const cuts = r.replicationResults.flatMap((x) => (x.warmupCut === undefined ? [] : [x.warmupCut]));
  if (cuts.length === 0) return undefined;
  // Plain loops, not d3-array: the terminal tables load this module, and they stay small.
  const completed = cuts.map((c) => c.completed);
  return {
    replications: cuts.length,
    meanCompleted: completed.reduce((a, b) => a + b, 0) / cuts.length,
    minCompleted: Math.min(...completed),
    maxCompleted: Math.max(...completed),
    meanSeconds: cuts.reduce((a, c) => a + c.seconds, 0) / cuts.length,
  };
}

/** A count of tasks: whole, or a mean with one decimal. */
export const tasks = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/**
 * One line when some replications ended because the workload ran out of tasks (a replayed trace's
 * last row, arrivals that ended) before the scenario's stop: their figures cover fewer tasks or
 * less time than the stop asks. The JSON says it per replication (workloadEnded).
 */
export function workloadEndedNotes(runs: readonly RunResult[], where = ''): string[] {
  const ended = runs.flatMap((r) => {
    const n = r.replicationResults.filter((x) => x.workloadEnded === true).length;
    return n === 0 ? [] : [{ r, n }];
  });
  if (ended.length === 0) return [];
  const stop = ended[0]!.r.scenarioSpec.stop;
  const asked = 'completed' in stop ? `${stop.completed} completed tasks` : `${stop.time} s`;
  const reps = ended.map(({ r, n }) => `${n} of ${count(r.replications, 'replication')}`);
  const same = reps.every((x) => x === reps[0]);
  const whose =
    runs.length === 1
      ? reps[0]!
      : same && ended.length === runs.length
        ? `${reps[0]} of every policy`
        : ended.map(({ r }, i) => `${reps[i]} of ${r.policy.label}`).join(', ');
  return [
    `WORKLOAD ENDED${where}: the workload ran out of tasks before the stop (${asked}) in ${whose}; those replications ended with their last task`,
  ];
}

/**
 * One line when a replay skipped bad rows (skipBadRows): how many per replication and the first
 * reason, so a table never hides that part of the trace was left out. The JSON has the counts and
 * the first few reasons per replication (skippedRows).
 */
export function skippedRowsNotes(runs: readonly RunResult[], where = ''): string[] {
  const reps = runs.flatMap((r) => r.replicationResults);
  const counts = reps.map((x) => x.skippedRows?.rows ?? 0);
  const most = Math.max(0, ...counts);
  if (most === 0) return [];
  const least = Math.min(...counts);
  const first = reps.find((x) => x.skippedRows !== undefined)?.skippedRows?.reasons[0];
  const how =
    least === most
      ? `${count(most, 'bad row')} of the trace in each replication`
      : `${least}–${most} bad rows of the trace per replication`;
  return [
    `SKIPPED ROWS${where}: skipBadRows left out ${how}${first === undefined ? '' : ` (first: ${first})`}`,
  ];
}

/**
 * Every note about `runs`, in the order tables and the report print them: precision, warm-up,
 * a workload that ended, skipped rows. `where` (` at rate=8`) names a sweep point.
 */
export function runNotes(runs: readonly RunResult[], where = ''): string[] {
  return [
    ...precisionNotes(runs, where),
    ...warmupNotes(runs, where),
    ...workloadEndedNotes(runs, where),
    ...skippedRowsNotes(runs, where),
  ];
}
