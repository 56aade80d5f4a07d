// Paired comparison of policies run on the same replications (common random numbers): for each
// metric, the best policy (the one lowest mean; none when several share it) and every other
// policy's per-replication difference from it, with a Student-t confidence interval. A difference
// is significant when its interval excludes zero.
//
// The intervals are simultaneous: with k policies each is drawn at level 1 − 0.05/(k(k − 1)/2),
// Bonferroni over every pair of policies, not only the k − 1 pairs shown. The best is picked from
// the same data, so the pairs shown are the ones most likely to differ by chance (under equal
// policies, the best against the worst is the range of k means); a correction over the k − 1 rows
// alone would not hold its 95% (about 10% false alarms for six equal policies, 35% with no
// correction; test/analysis/compare-runs.test.ts measures it).
// Over all pairs it holds whichever pairs the data picks: at least 95% of the time, every
// interval in the table covers its true difference, and "significant" is wrong nowhere.
import { type Estimate, estimate } from './estimate.js';
import { isQuantilePath, quantileRoundingDeviation } from '../metrics/histogram.js';
import { pairedDifference } from './paired.js';

export interface PolicySamples {
  readonly policy: string;
  /** Per metric, one value per replication (same replication order for every policy). */
  readonly values: Readonly<Record<string, readonly number[]>>;
}

export interface PairedResult {
  readonly a: string;
  readonly b: string;
  readonly metric: string;
  /** a − b: positive means a is worse (higher) than b; ci95 is simultaneous over all pairs. */
  readonly diff: Estimate;
  readonly significant: boolean;
}

export interface Comparison {
  readonly best: Record<string, string>;
  readonly paired: PairedResult[];
}

/** Pairs among k policies, k(k − 1)/2: the family the paired intervals hold together over. */
export function pairCount(k: number): number {
  return (k * (k - 1)) / 2;
}

/**
 * The least standard deviation a paired difference of `metric` assumes, for means `a` and `b`:
 * for a quantile, both figures' bucket rounding (metrics/histogram.ts); 0 for other figures.
 */
export function roundingDeviation(metric: string, a: number, b: number): number {
  return isQuantilePath(metric) ? Math.hypot(quantileRoundingDeviation(a), quantileRoundingDeviation(b)) : 0;
}

export function comparePolicies(samples: readonly PolicySamples[], metrics: readonly string[]): Comparison {
  const best: Record<string, string> = {};
  const paired: PairedResult[] = [];
  for (const metric of metrics) {
    const usable = samples.filter(
      (s) => (s.values[metric] ?? []).every(Number.isFinite) && (s.values[metric]?.length ?? 0) > 0,
    );
    if (usable.length === 0) continue;
    const means = usable.map((s) => estimate(s.values[metric]!).value);
    const low = Math.min(...means);
    // No winner with one policy to rank, or when two or more share the lowest mean (nothing
    // rejected by several; equal p99 buckets at overload): picking the first listed would star
    // one of equals.
    if (usable.length < 2 || means.filter((m) => m === low).length > 1) continue;
    const bi = means.indexOf(low);
    const winner = usable[bi]!;
    best[metric] = winner.policy;
    // Every policy of the comparison counts, also one without figures for this metric: the family
    // is the table's (its heading and the report's headline count the same pairs).
    const pairs = pairCount(samples.length);
    // A quantile is each run's bucket midpoint: a difference is known to no better than both
    // figures' rounding, which equal buckets in every replication would otherwise hide (a
    // zero-width interval, "significant" on one bucket's offset).
    for (const [i, s] of usable.entries()) {
      if (s === winner) continue;
      const floor = roundingDeviation(metric, means[i]!, means[bi]!);
      const { diff, significant } = pairedDifference(s.values[metric]!, winner.values[metric]!, pairs, floor);
      paired.push({ a: s.policy, b: winner.policy, metric, diff, significant });
    }
  }
  return { best, paired };
}
