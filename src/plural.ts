// Counts in messages: "1 run", "2 runs", "1 policy", "3 policies".

/** `n` and the noun, singular for exactly 1. Pure. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
