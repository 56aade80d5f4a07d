// Non-overlapping batch means: a confidence interval for the steady-state mean of one long,
// autocorrelated output series (e.g. per-task response times from a single run).
import { type Estimate, estimate } from './estimate.js';

/**
 * Splits the series into k = batches equal, consecutive batches of m = ⌊n / k⌋ values (the
 * n − k·m leftover values are dropped from the start, where warm-up bias is largest), and
 * treats the batch means Ȳⱼ = (1/m) Σ Y within batch j as approximately independent:
 * mean ± t(0.975, k − 1) · s_Ȳ / √k. Needs batches ≥ 2 (integer) and n ≥ batches.
 */
export function batchMeans(series: ArrayLike<number>, batches = 20): Estimate {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`batchMeans: batches must be an integer ≥ 2, got ${batches}`);
  }
  const n = series.length;
  const size = Math.floor(n / batches);
  if (size < 1) throw new RangeError(`batchMeans: ${n} values cannot fill ${batches} batches`);
  const offset = n - size * batches;
  const means: number[] = [];
  for (let j = 0; j < batches; j++) {
    let sum = 0;
    const start = offset + j * size;
    for (let i = start; i < start + size; i++) sum += series[i] as number;
    means.push(sum / size);
  }
  return estimate(means);
}
