// Combines the same figure across replications: every numeric leaf of a result tree becomes a
// mean with its 95% Student-t confidence interval (a quantile's with its rounding as least spread).
import { mean } from 'd3-array';
import { estimate, type Estimate } from '../analysis/estimate.js';
import { isQuantilePath, quantileRoundingDeviation } from '../metrics/histogram.js';

/** An estimate whose value is null when some replication had no value (e.g. no completions). */
export type MaybeEstimate = Estimate | { value: null; ci95: null };

export type EstimateTree<T> = T extends number
  ? MaybeEstimate
  : T extends object
    ? { [K in keyof T]: EstimateTree<T[K]> }
    : never;

/**
 * `path` is the leaf's path in the result (`responseTime.p99`): a quantile was read off a histogram
 * bucket, so its interval assumes at least the bucket's rounding as spread (metrics/histogram.ts).
 */
export function estimateTree<T>(samples: readonly T[], path = ''): EstimateTree<T> {
  const first = samples[0];
  if (typeof first === 'number') {
    const values = samples as readonly number[];
    if (values.some((v) => !Number.isFinite(v)))
      return { value: null, ci95: null } as unknown as EstimateTree<T>;
    const floor = isQuantilePath(path) ? quantileRoundingDeviation(mean(values) ?? 0) : 0;
    return estimate(values, 0.95, floor) as unknown as EstimateTree<T>;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(first as object)) {
    out[k] = estimateTree(
      samples.map((s) => (s as Record<string, unknown>)[k]),
      path === '' ? k : `${path}.${k}`,
    );
  }
  return out as EstimateTree<T>;
}
