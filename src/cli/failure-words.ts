// How failed runs are worded in messages (execution.ts) and the CSV's error column
// (format-csv.ts): their replications as ranges, and how many distinct errors are named. Its own
// module so the CSV formatter does not load the executor with it.

/** Distinct errors named for failed runs; the rest are counted (errors that carry a task's time differ by replication). */
export const MOST_ERRORS = 10;

/** `replication 3`, `replications 0-2, 5`; `not run` for a point that could not start. */
export function replicationRanges(replications: readonly (number | null)[]): string {
  const numbers = [...new Set(replications.filter((r): r is number => r !== null))].sort((a, b) => a - b);
  if (numbers.length === 0) return 'not run';
  const ranges: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    ranges.push(j === i ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return `${numbers.length === 1 ? 'replication' : 'replications'} ${ranges.join(', ')}`;
}
