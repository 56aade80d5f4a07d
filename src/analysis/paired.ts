// Paired comparison of two configurations run on common random numbers: the difference of
// per-replication results, with a Student-t interval (95%, or simultaneous 95% over several
// comparisons) and a significance flag.
import { type Estimate, estimate } from './estimate.js';

/** The estimated mean difference a − b and whether its interval excludes 0. */
export interface PairedDifference {
  diff: Estimate;
  significant: boolean;
}

/**
 * Paired-t comparison: dᵢ = a[i] − b[i] for replications sharing a seed, then mean(d) ± t(1 − α/2, n − 1)
 * · s_d / √n. Pairing cancels the variance the two runs share, so the interval is usually far
 * narrower than comparing two independent means. `comparisons` is how many such intervals are
 * read together (Bonferroni): each is drawn at α = 0.05 / comparisons, so all of them hold at
 * once with 95% confidence. Significant when the interval excludes 0; never significant with a
 * single pair (no interval). `minDeviation` is the least standard deviation of the differences
 * the interval assumes (the values' own rounding, as for quantiles; 0 unless given). Throws when
 * the lengths differ.
 */
export function pairedDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  comparisons = 1,
  minDeviation = 0,
): PairedDifference {
  if (a.length !== b.length) {
    throw new Error(`pairedDifference: lengths differ (${a.length} vs ${b.length})`);
  }
  if (!(Number.isInteger(comparisons) && comparisons >= 1))
    throw new RangeError(`pairedDifference: comparisons must be a whole number >= 1, got ${comparisons}`);
  const d = Array.from(a, (x, i) => x - (b[i] as number));
  const diff = estimate(d, 1 - 0.05 / comparisons, minDeviation);
  const significant = d.length >= 2 && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
  return { diff, significant };
}
