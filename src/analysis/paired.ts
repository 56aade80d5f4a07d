// Paired comparison of two configurations run on common random numbers: the difference of
// per-replication results, with a 95% Student-t interval and a significance flag.
import { type Estimate, estimate } from './estimate.js';

/** The estimated mean difference a − b and whether its 95% interval excludes 0. */
export interface PairedDifference {
  diff: Estimate;
  significant: boolean;
}

/**
 * Paired-t comparison: dᵢ = a[i] − b[i] for replications sharing a seed, then mean(d) ± t(0.975, n − 1)
 * · s_d / √n. Pairing cancels the variance the two runs share, so the interval is usually far
 * narrower than comparing two independent means. Significant when the interval excludes 0;
 * never significant with a single pair (no interval). Throws when the lengths differ.
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  if (a.length !== b.length) {
    throw new Error(`pairedDifference: lengths differ (${a.length} vs ${b.length})`);
  }
  const d = Array.from(a, (x, i) => x - (b[i] as number));
  const diff = estimate(d);
  const significant = d.length >= 2 && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
  return { diff, significant };
}
