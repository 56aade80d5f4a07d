// A streaming log-linear histogram (the HdrHistogram idea, sized for seconds): buckets are
// 1/128 of an octave wide, so any quantile of values between 2^-20 s (about 1 µs) and 2^40 s is
// within 0.4% of the true order statistic (smaller values count as 0), and memory is fixed
// (about 60 KB) however many values are recorded. The bucket comes straight
// from the float's exponent and top mantissa bits: no logarithm per record.

import { ZERO } from '../sim/double-zero.js';

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
/** Smallest resolved value: 2^-20 s (about 1 µs); smaller values count as 0. */
const MIN_EXP = -20;
/** Largest resolved value: 2^40 s; larger values land in the top bucket. */
const MAX_EXP = 40;
const BUCKETS = (MAX_EXP - MIN_EXP) * SUB + 1;
const BIAS = 1023;
const MIN_VALUE = 2 ** MIN_EXP;

const f64 = new Float64Array(1);
// Little-endian: the high word (sign, exponent, top of mantissa) is the second 32-bit half.
const u32 = new Uint32Array(f64.buffer);

export function bucketOf(x: number): number {
  if (!(x >= MIN_VALUE)) return 0;
  f64[0] = x;
  const hi = u32[1]!;
  const exp = ((hi >>> 20) & 0x7ff) - BIAS;
  if (exp >= MAX_EXP) return BUCKETS - 1;
  return (exp - MIN_EXP) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1)) + 1;
}

/**
 * How far a bucket's midpoint can be from a value in it, relative to the value: half a bucket,
 * 2^e / 256 for values of at least 2^e, so at most 1/256 (0.39%).
 */
export const QUANTILE_RELATIVE_ERROR = 2 ** -(SUB_BITS + 1);

/**
 * The standard deviation of a quantile's rounding to its bucket's midpoint, for a quantile near
 * `value`: the error is at most ±|value|/256, taken as uniform (deviation = half-width / √3).
 * Two replications landing in the same bucket give equal figures, not an exact one: intervals
 * and paired differences of quantiles take at least this much spread (analysis/estimate.ts).
 */
export function quantileRoundingDeviation(value: number): number {
  return (Math.abs(value) * QUANTILE_RELATIVE_ERROR) / Math.sqrt(3);
}

/**
 * Whether a figure's path names a quantile read off a histogram: `responseTime.p99`,
 * `classes.high.waitTime.p50`. Not a group's utilization whose group is called `p4`.
 */
export function isQuantilePath(path: string): boolean {
  return /(^|\.)(responseTime|waitTime)\.p\d+$/.test(path);
}

/** The value a bucket stands for: its midpoint (0 for the zero bucket). */
export function bucketValue(b: number): number {
  if (b === 0) return 0;
  const i = b - 1;
  const exp = Math.floor(i / SUB) + MIN_EXP;
  const sub = i % SUB;
  return 2 ** exp * (1 + (sub + 0.5) / SUB);
}

/**
 * The nearest rank of quantile p among n values: the smallest r >= 1 with r >= p·n. The product
 * is rounded (0.07 × 100 is 7.000000000000001), so a rank one past the ceiling's due is taken
 * back when r − 1 already reaches p: 7/100 >= 0.07.
 */
export function nearestRank(p: number, n: number): number {
  const r = Math.max(1, Math.ceil(p * n));
  return r > 1 && (r - 1) / n >= p ? r - 1 : r;
}

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = ZERO;

  record(x: number): void {
    this.counts[bucketOf(x)]!++;
    this.count++;
    this.sum += x;
  }

  get mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  /** Nearest-rank quantile: the value of the ceil(p·n)-th smallest record (bucket midpoint). */
  quantile(p: number): number {
    return this.quantiles([p])[0]!;
  }

  /**
   * Nearest-rank quantiles for ascending `ps` in one pass over the buckets (a run's summary asks
   * for five of each histogram).
   */
  quantiles(ps: readonly number[]): number[] {
    const out = new Array<number>(ps.length).fill(Number.NaN);
    if (this.count === 0) return out;
    const counts = this.counts;
    // A typed array: the arrays ps.map() made did not always have the same elements kind (small
    // integers or doubles), and the optimized load below deoptimized on one it had not seen.
    const ranks = new Float64Array(ps.length);
    for (let i = 0; i < ps.length; i++) ranks[i] = nearestRank(ps[i]!, this.count);
    let k = 0;
    let seen = 0;
    for (let b = 0; b < BUCKETS && k < ps.length; b++) {
      seen += counts[b]!;
      while (k < ps.length && seen >= ranks[k]!) out[k++] = bucketValue(b);
    }
    return out;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
  }
}
