// MSER truncation (White 1997; MSER-5 when each point is the mean of a batch of 5 observations):
// where the initial transient of an output series ends, by the marginal standard error rule.

export interface MserCut {
  /** Batches to drop from the start, in [0, ⌊k/2⌋]. */
  readonly batches: number;
  /** The MSER statistic at that cut. */
  readonly statistic: number;
}

/**
 * Given batch means Z₁..Z_k, chooses d* in [0, ⌊k/2⌋] minimizing
 *   MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (k − d)²,  Z̄_d = mean of Z_{d+1}..Z_k,
 * the squared standard error of the truncated mean (up to a constant). Ties go to the smaller d.
 * The sums are accumulated backwards with Welford's update, so each d costs O(1).
 * For [10, 2, 1, 3, 2]: MSER(0) = 53.2/25 = 2.128, MSER(1) = 2/16 = 0.125, MSER(2) = 2/9, so d* = 1.
 * Fewer than 2 batches give d* = 0.
 */
export function mserTruncation(means: ArrayLike<number>): MserCut {
  const k = means.length;
  if (k < 2) return { batches: 0, statistic: Number.NaN };
  const last = Math.floor(k / 2);
  const stats = new Float64Array(last + 1);
  let n = 0;
  let mean = 0;
  let ss = 0;
  for (let j = k - 1; j >= 0; j--) {
    const z = means[j] as number;
    if (!Number.isFinite(z)) throw new RangeError(`mserTruncation: batch mean ${j} is not finite (${z})`);
    n++;
    const delta = z - mean;
    mean += delta / n;
    ss += delta * (z - mean);
    // After adding Z_{j+1} (1-based), the suffix is the series truncated at d = j.
    if (j <= last) stats[j] = ss / (n * n);
  }
  let best = 0;
  for (let d = 1; d <= last; d++) if (stats[d]! < stats[best]!) best = d;
  return { batches: best, statistic: stats[best]! };
}
