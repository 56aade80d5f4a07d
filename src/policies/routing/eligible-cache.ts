// Per-candidate-list tables for policies that precompute something over task.eligible (an alias
// table, a hash ring, smooth-WRR counters, idle lists). A class's candidates are one of at most two
// arrays (its eligible agents, or its preferred ones while a `prefer` rule holds), so each class
// keeps two slots compared by identity: built lazily on first use, no hashing and no allocation after.

export class EligibleCache<T> {
  private readonly lists: (Int32Array | undefined)[] = [];
  private readonly tables: (T | undefined)[] = [];

  /** `build(eligible)` makes the table for one candidate list; it runs once per list. */
  constructor(private readonly build: (eligible: Int32Array) => T) {}

  /** The table for task class `cls` whose candidates are `eligible`. */
  get(cls: number, eligible: Int32Array): T {
    const i = 2 * cls;
    if (this.lists[i] === eligible) return this.tables[i]!;
    if (this.lists[i + 1] === eligible) return this.tables[i + 1]!;
    // A third list for one class never comes from the core; if it does, the second slot is rebuilt.
    const slot = this.lists[i] === undefined ? i : i + 1;
    const table = this.build(eligible);
    this.lists[slot] = eligible;
    this.tables[slot] = table;
    return table;
  }
}

/** A membership mask over agents 0..size-1 for one candidate list. */
export function memberMask(eligible: Int32Array, size: number): Uint8Array {
  const mask = new Uint8Array(size);
  for (let i = 0; i < eligible.length; i++) mask[eligible[i]!] = 1;
  return mask;
}
