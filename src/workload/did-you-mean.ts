// Suggestions for misspelled names: the closest candidate by edit distance.


export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** `; did you mean 'x'?` for the closest candidate within edit distance 2 or starting with `word`. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = levenshtein(lower, name.toLowerCase());
    const close = distance <= 2 || (lower.length > 0 && name.toLowerCase().startsWith(lower));
    if (close && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? `; did you mean '${best.name}'?` : '';
}
