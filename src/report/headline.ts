// The report's first lines: which policy wins on the objective (see objective.ts), by how much,
// and whether the paired difference against the runner-up (same replications, same workload) is
// significant. Pure: runs and objective in, sentences out.
import { mean } from 'd3-array';
import { pairCount, roundingDeviation } from '../analysis/compare-runs.js';
import { type PairedDifference, pairedDifference } from '../analysis/paired.js';
import { num } from '../cli/format-table.js';
import { count } from '../plural.js';
import { isWindowTotal, ownWindowsOf, ownWindowsWords } from '../metrics/window-totals.js';
import type { RunResult } from '../runner/run-result.js';
import { estimateOf, metricName, metricUnit, perReplication, figureValue } from './metrics.js';
import type { Objective } from './objective.js';
import { listText } from './words.js';

export interface Standing {
  readonly run: RunResult;
  /** The objective's figure (mean over replications), or null when some replication had none. */
  readonly value: number | null;
  /** The constraints this policy breaks, as readable text (empty when it meets them all). */
  readonly violations: readonly string[];
}

/**
 * How far the data backs the best policy: `significant` (the paired test against the runner-up),
 * `not significant`, `untested` (one replication, or replications that do not pair), `alone` (the
 * only policy, or the only one within the bounds) or `tie` (the runner-up scores the same).
 */
export type Lead = 'significant' | 'not significant' | 'untested' | 'alone' | 'tie';

export interface Headline {
  /**
   * One line that claims no more than the data: `sed wins on p99 response time` (significant),
   * `sed leads on p99 response time, not significantly`, `No policy is better on rejected tasks`.
   */
  readonly title: string;
  readonly sentences: readonly string[];
  /** The best policy on the objective; absent when none meets it or the best ones tie. */
  readonly winner?: string;
  /** Absent when no policy meets the objective. */
  readonly lead?: Lead;
  readonly runnerUp?: string;
  readonly paired?: PairedDifference;
}

/** A figure with its unit: `3.2 s`, `14`. */
export const withUnit = (metric: string, v: number) =>
  `${num(v)}${metricUnit(metric) === '' ? '' : ` ${metricUnit(metric)}`}`;
const interval = (metric: string, [lo, hi]: readonly [number, number]) =>
  `95% CI ${num(lo)} to ${withUnit(metric, hi)}`;

/** A share as a percentage with 2 significant digits (at least one decimal below 10%): 6.8%, 23%. */
export function percent(share: number): string {
  const p = 100 * share;
  return `${Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p).toString()}%`;
}

/** Policies ordered best first: those meeting every constraint by value, then the others. */
export function rank(runs: readonly RunResult[], objective: Objective): Standing[] {
  const standings = runs.map((run) => ({
    run,
    value: figureValue(run, objective.metric),
    violations: Object.entries(objective.subjectTo).flatMap(([metric, bound]) => {
      const v = figureValue(run, metric);
      if (v !== null && v <= bound) return [];
      return [
        v === null
          ? `${metricName(metric)} unknown`
          : `${metricName(metric)} ${withUnit(metric, v)}, ${withUnit(metric, v - bound)} over the bound ${withUnit(metric, bound)}`,
      ];
    }),
  }));
  const key = (s: Standing) => (s.value === null ? Number.POSITIVE_INFINITY : s.value);
  const feasible = standings.filter((s) => s.violations.length === 0).sort((a, b) => key(a) - key(b));
  const rest = standings.filter((s) => s.violations.length > 0);
  return [...feasible, ...rest];
}

/** Counts read "the fewest rejected tasks"; other figures "the lowest cost". */
const COUNTS = ['rejected', 'completed'];

export function objectiveText(objective: Objective): string {
  const bounds = Object.entries(objective.subjectTo).map(([m, b]) => `${metricName(m)} ≤ ${withUnit(m, b)}`);
  const base = `the ${COUNTS.includes(objective.metric) ? 'fewest' : 'lowest'} ${metricName(objective.metric)}`;
  return bounds.length === 0 ? base : `${base} with ${bounds.join(' and ')}`;
}

/**
 * A caution when the objective, or a bound, is a total over the observation window and warmup:
 * auto cut the runs at their own points (the windows differ); else undefined.
 */
export function windowCaution(runs: readonly RunResult[], objective: Objective): string | undefined {
  // A total that is 0 in every replication of every run (nothing rejected anywhere) is 0 whatever
  // the window: no caution for it.
  const totals = [...new Set([objective.metric, ...Object.keys(objective.subjectTo)])].filter(
    (m) => isWindowTotal(m) && runs.some((r) => perReplication(r, m).some((v) => v !== 0)),
  );
  const own = ownWindowsOf(runs);
  if (totals.length === 0 || own === undefined) return undefined;
  return (
    `Caution: ${totals.map(metricName).join(' and ')} ${totals.length > 1 ? 'are totals' : 'is a total'} over each run's ` +
    `observation window, and ${ownWindowsWords(own)}, so the windows differ; ` +
    (totals.includes('cost')
      ? 'a per-task figure (cost per task) compares fairly.'
      : own === 'auto'
        ? 'a fixed warm-up cuts every run the same way.'
        : 'a warm-up and a stop of the same kind (both time, or both completed tasks) give every run the same window.')
  );
}

export function headline(runs: readonly RunResult[], objective: Objective): Headline {
  const m = objective.metric;
  const name = metricName(m);
  const ranked = rank(runs, objective);
  const feasible = ranked.filter((s) => s.violations.length === 0 && s.value !== null);
  const sentences = [`Objective: ${objectiveText(objective)}.`];
  const caution = windowCaution(runs, objective);
  if (caution !== undefined) sentences.push(caution);
  const constrained = Object.keys(objective.subjectTo).length > 0;
  if (constrained) {
    const failing = ranked.filter((s) => s.violations.length > 0);
    const meeting = runs.length - failing.length;
    const them = Object.keys(objective.subjectTo).length === 1 ? 'the bound' : 'the bounds';
    sentences.push(
      failing.length === 0
        ? `Every policy meets ${them}.`
        : `${meeting} of ${count(runs.length, 'policy', 'policies')} ${meeting === 1 ? 'meets' : 'meet'} ${them}; not: ` +
            `${failing.map((s) => `${s.run.policy.label} (${s.violations.join('; ')})`).join('; ')}.`,
    );
  }
  const first = feasible[0];
  if (first === undefined) {
    return { title: 'No policy meets the objective', sentences };
  }
  const within = constrained ? ' within the bounds' : '';
  const value = first.value!;
  const tied = feasible.filter((s) => s.value === value);
  if (tied.length > 1) {
    // The best ones score the same: no policy wins, whatever a paired test would say.
    const all = tied.length === feasible.length;
    const names = listText(tied.map((s) => s.run.policy.label));
    sentences.push(
      all
        ? `Every policy${within} scores ${name} ${withUnit(m, value)}: none is better than another.`
        : `${names}: ${name} ${withUnit(m, value)} each; the others${within} score more.`,
    );
    return {
      title: all ? `No policy is better on ${name}` : `${names} tie on ${name}`,
      sentences,
      lead: 'tie',
    };
  }
  const winner = first.run.policy.label;
  const ci = estimateOf(first.run, m)?.ci95;
  const hasCi = ci != null && ci[0] !== ci[1];
  sentences.push(`${winner}: ${name} ${withUnit(m, value)}${hasCi ? ` (${interval(m, ci)})` : ''}.`);
  const second = feasible[1];
  if (second === undefined) {
    if (runs.length === 1)
      return { title: `${winner}: ${name} ${withUnit(m, value)}`, sentences, winner, lead: 'alone' };
    const only = constrained ? 'the only policy within the bounds' : `the only policy with a ${name}`;
    return { title: `${winner} wins on ${name}, ${only}`, sentences, winner, lead: 'alone' };
  }
  const runnerUp = second.run.policy.label;
  const gap = second.value! - value;
  const share = second.value! > 0 ? ` (${percent(gap / second.value!)} lower)` : '';
  sentences.push(
    `Runner-up ${runnerUp}: ${withUnit(m, second.value!)}; ${winner} is ${withUnit(m, gap)} better${share}.`,
  );
  // The same simultaneous intervals as the paired table (comparePolicies): over every pair.
  const pairs = pairCount(runs.length);
  const paired = pairedOn(second.run, first.run, m, pairs);
  if (paired === undefined) {
    sentences.push(
      'With one replication (or unmatched replications) there is no paired test; run more replications.',
    );
    return { title: `${winner} leads on ${name}, untested`, sentences, winner, runnerUp, lead: 'untested' };
  }
  const n = first.run.replicationResults.length;
  sentences.push(
    `Paired over the same ${n} replications, ${runnerUp} − ${winner} = ${withUnit(m, paired.diff.value)} ` +
      `(${interval(m, paired.diff.ci95)}): ` +
      (paired.significant
        ? 'significant at the 5% level'
        : 'not significant (the interval includes 0): this run cannot tell the two apart') +
      (pairs > 1 ? `, with intervals that hold together over all ${pairs} pairs of policies.` : '.'),
  );
  return paired.significant
    ? { title: `${winner} wins on ${name}`, sentences, winner, runnerUp, paired, lead: 'significant' }
    : {
        title: `${winner} leads on ${name}, not significantly`,
        sentences,
        winner,
        runnerUp,
        paired,
        lead: 'not significant',
      };
}

/** a − b paired by replication, when both have the same replications with values. */
function pairedOn(a: RunResult, b: RunResult, metric: string, pairs: number): PairedDifference | undefined {
  const va = perReplication(a, metric);
  const vb = perReplication(b, metric);
  if (va.length !== vb.length || va.length < 2 || [...va, ...vb].some((x) => x === null)) return undefined;
  // The same least spread as the paired table's, so the title and the table agree on quantiles.
  const floor = roundingDeviation(metric, mean(va as number[]) ?? 0, mean(vb as number[]) ?? 0);
  return pairedDifference(va as number[], vb as number[], pairs, floor);
}
