// Small statistics helpers for trace inspection: growable value columns, running moments,
// nearest-rank percentiles and a column summary. Pure apart from the accumulators' own state.

/** A Float64Array that doubles as values arrive: 8 bytes per value. */
export class ValueColumn {
  private data = new Float64Array(1024);
  private n = 0;

  push(x: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = x;
  }

  get length(): number {
    return this.n;
  }

  /** The values so far (a view; sorting it sorts the column). */
  values(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

/** Mean and variance in one pass (Welford), numerically stable. */
export class RunningMoments {
  count = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.count++;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
  }

  /** Population variance (divides by the count). */
  get variance(): number {
    return this.count === 0 ? 0 : this.m2 / this.count;
  }

  /** Population std / mean, or null when the mean is 0 or there are no values. */
  get cv(): number | null {
    return this.count === 0 || this.mean === 0 ? null : Math.sqrt(this.variance) / this.mean;
  }
}

/** The ⌈p/100·n⌉-th smallest value (1-based) of ascending `sorted`. */
export function nearestRank(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
  return sorted[rank - 1]!;
}

export interface ColumnStats {
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
  /** Population std / mean; null when the mean is 0. */
  readonly cv: number | null;
  readonly sum: number;
}

/** Sorts `values` in place and summarizes them; nearest-rank percentiles. */
export function summarizeColumn(values: Float64Array): ColumnStats {
  values.sort();
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return {
    mean,
    p50: nearestRank(values, 50),
    p99: nearestRank(values, 99),
    min: values[0]!,
    max: values[n - 1]!,
    cv: mean === 0 ? null : Math.sqrt(ss / n) / mean,
    sum,
  };
}

/**
 * An empirical distribution of `k` equally likely values that keeps the mean of ascending
 * `sorted`: the n values cut into k bins of n/k values each (a value on a border shared by its
 * two bins), each bin represented by the mean of its values. Mid-quantiles would drop the tail.
 */
export function binMeans(sorted: Float64Array, k: number): number[] {
  const n = sorted.length;
  const m = Math.min(k, n);
  return Array.from({ length: m }, (_, i) => {
    // Bin i holds the values from position i·n/m to (i+1)·n/m, value j filling [j, j + 1).
    const lo = (i * n) / m;
    const hi = ((i + 1) * n) / m;
    let sum = 0;
    for (let j = Math.floor(lo); j < Math.min(n, Math.ceil(hi)); j++)
      sum += (Math.min(hi, j + 1) - Math.max(lo, j)) * sorted[j]!;
    return sum / (hi - lo);
  });
}
