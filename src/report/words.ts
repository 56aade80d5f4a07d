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

/**
 * Whole numbers, sorted, runs of three or more consecutive ones as ranges: `0–3, 5 and 7`.
 * Duplicates count once.
 */
export function rangesText(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return listText(parts);
}
