// Plain-text tables for the terminal: columns padded to their widest cell, and the cells for
// estimates. One replication has no confidence interval (its JSON keeps [value, value]), so its
// cells show none.
import type { MaybeEstimate } from '../runner/estimate-tree.js';

/** `left` lists the columns to left-align (text); the first is always left, numbers go right. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  left: readonly number[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || left.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A number with 4 significant digits, without exponent for everyday magnitudes; a whole number
 * (a count: 19366 tasks completed) in full, as rounding it would misstate it. From 1e4 to 1e6 a
 * fraction is rounded to a whole number, not to 4 digits: a mean of 27379.33 rejected tasks as
 * 27379, since 27380 would read as an exact count.
 */
export function num(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '-';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e15) return x.toString();
  if (a >= 1e6 || a < 1e-4) return x.toExponential(3);
  if (a >= 1e4) return Math.round(x).toString();
  return Number(x.toPrecision(4)).toString();
}

/** A value ± its 95% CI half-width; the value alone over one replication. */
export function withHalfWidth(e: MaybeEstimate, replications: number): string {
  if (e.value === null) return '-';
  if (replications < 2) return num(e.value);
  return `${num(e.value)} ±${num((e.ci95![1] - e.ci95![0]) / 2)}`;
}

/** `[low, high]`; '-' for a missing figure or one replication. */
export function ciRange(ci: readonly [number, number] | null, replications: number): string {
  return ci === null || replications < 2 ? '-' : `[${num(ci[0])}, ${num(ci[1])}]`;
}
