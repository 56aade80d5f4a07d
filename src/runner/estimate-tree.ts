// Combines the same figure across replications: every numeric leaf of a result tree becomes a
// mean with its 95% Student-t confidence interval.
import { estimate, type Estimate } from '../analysis/estimate.js';

/** An estimate whose value is null when some replication had no value (e.g. no completions). */
export type MaybeEstimate = Estimate | { value: null; ci95: null };

export type EstimateTree<T> = T extends number
  ? MaybeEstimate
  : T extends object
    ? { [K in keyof T]: EstimateTree<T[K]> }
    : never;

export function estimateTree<T>(samples: readonly T[]): EstimateTree<T> {
  const first = samples[0];
  if (typeof first === 'number') {
    const values = samples as readonly number[];
    if (values.some((v) => !Number.isFinite(v)))
      return { value: null, ci95: null } as unknown as EstimateTree<T>;
    return estimate(values) as unknown as EstimateTree<T>;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first as object)) {
    out[key] = estimateTree(samples.map((s) => (s as Record<string, unknown>)[key]));
  }
  return out as EstimateTree<T>;
}
