// Point estimate with a 95% confidence interval for the mean of independent replications,
// using the Student-t distribution with n − 1 degrees of freedom.
import { deviation, mean } from 'd3-array';
import { tQuantile } from './student-t.js';

/** A mean and its 95% confidence interval [lower, upper]. */
export interface Estimate {
  value: number;
  ci95: [number, number];
}

/** Copies the values, rejecting empty input and NaN (d3-array would silently skip NaN). */
function checkedValues(values: ArrayLike<number>, fn: string): number[] {
  if (values.length === 0) throw new Error(`${fn}: no values`);
  const out = Array.from(values);
  const bad = out.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) throw new Error(`${fn}: value ${bad} is NaN`);
  return out;
}

/**
 * Half-width from already-checked values: t((1 + level)/2, n − 1) · s / √n; 0 when n = 1 (no
 * interval). s is at least `minDeviation`: values known only to a resolution (a quantile read off
 * a histogram bucket) can agree to the last digit without the figure being known that well.
 */
function halfWidthOf(values: number[], level: number, minDeviation: number): number {
  const n = values.length;
  if (n < 2) return 0;
  const s = Math.max(deviation(values) ?? 0, minDeviation); // sample standard deviation, divisor n − 1
  return (tQuantile((1 + level) / 2, n - 1) * s) / Math.sqrt(n);
}

function checkedDeviation(d: number, fn: string): number {
  if (!(d >= 0 && d < Number.POSITIVE_INFINITY))
    throw new RangeError(`${fn}: minDeviation must be finite and >= 0, got ${d}`);
  return d;
}

function checkedLevel(level: number, fn: string): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be in (0, 1), got ${level}`);
  return level;
}

/**
 * Half-width of the Student-t interval for the mean at `level` (95% unless given):
 * h = t((1 + level)/2, n − 1) · s / √n, with s the sample standard deviation (divisor n − 1).
 * One value gives no interval and returns 0.
 * For [1, 2, 3, 4, 5]: 2.776445 · 1.581139 / 2.236068 = 1.963243.
 */
export function halfWidth(values: ArrayLike<number>, level = 0.95): number {
  return halfWidthOf(checkedValues(values, 'halfWidth'), checkedLevel(level, 'halfWidth'), 0);
}

/**
 * Mean of the values with its Student-t confidence interval, mean ± halfWidth, at `level` (95%
 * unless given; a caller that asks for another level says what `ci95` then means). With a
 * single replication the interval is undefined; since JSON cannot hold ±Infinity it is reported
 * as the degenerate [value, value] — read n = 1 as "no interval", not "exact". `minDeviation`
 * is the least standard deviation the interval assumes (the values' own rounding; 0 unless
 * given). Throws on empty input or NaN.
 */
export function estimate(values: ArrayLike<number>, level = 0.95, minDeviation = 0): Estimate {
  const checked = checkedValues(values, 'estimate');
  const value = mean(checked) ?? Number.NaN;
  const h = halfWidthOf(checked, checkedLevel(level, 'estimate'), checkedDeviation(minDeviation, 'estimate'));
  return { value, ci95: [value - h, value + h] };
}

/** Whether x lies in the closed interval e.ci95. */
export function contains(e: Estimate, x: number): boolean {
  return e.ci95[0] <= x && x <= e.ci95[1];
}
