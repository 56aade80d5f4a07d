// Small helpers for the report's sentences: lists in English, whole numbers as ranges, a capital.
// Pure.

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first letter in upper case. */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Sorted whole numbers as runs of consecutive ones, `[first, last]` each: [0, 1, 2, 5] → [0, 2], [5, 5]. */
export function consecutiveRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push([sorted[i]!, sorted[j]!]);
    i = j + 1;
  }
  return runs;
}

/** A run of three or more as `first–last`, a shorter one item by item (`text` writes each). */
export function runParts<T>(
  [first, last]: readonly [number, number],
  range: (first: number, last: number) => T,
  one: (n: number) => T,
): T[] {
  if (last - first >= 2) return [range(first, last)];
  return Array.from({ length: last - first + 1 }, (_, k) => one(first + k));
}

/**
 * Whole numbers, sorted, runs of three or more consecutive ones as ranges: `0–3, 5 and 7`.
 * Duplicates count once.
 */
export function rangesText(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return listText(consecutiveRuns(sorted).flatMap((r) => runParts(r, (a, b) => `${a}–${b}`, String)));
}
