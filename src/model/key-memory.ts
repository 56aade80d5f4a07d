// What each agent remembers of the affinity keys (tenants, sessions) it served recently: a small
// LRU per agent in one flat typed array. A task whose key its agent remembers is an affinity hit
// (its context is warm there), which may make it run faster (affinitySpeedup).

export class KeyMemory {
  private readonly keys: Int32Array;
  private readonly offset: Int32Array;
  private readonly capacity: Int32Array;

  constructor(capacities: Int32Array) {
    this.capacity = capacities;
    this.offset = new Int32Array(capacities.length);
    let total = 0;
    for (let a = 0; a < capacities.length; a++) {
      this.offset[a] = total;
      total += capacities[a]!;
    }
    this.keys = new Int32Array(total).fill(-1);
  }

  /** Does agent `a` remember `key`? Either way `key` becomes its most recent one. */
  touch(a: number, key: number): boolean {
    const keys = this.keys;
    const start = this.offset[a]!;
    const end = start + this.capacity[a]!;
    let i = start;
    while (i < end && keys[i] !== key) i++;
    const hit = i < end;
    // Shift the more recent keys down one place and put `key` in front.
    for (let j = hit ? i : end - 1; j > start; j--) keys[j] = keys[j - 1]!;
    keys[start] = key;
    return hit;
  }

  /** Does agent `a` remember `key`? (No update: what a policy may ask.) */
  has(a: number, key: number): boolean {
    const start = this.offset[a]!;
    const end = start + this.capacity[a]!;
    for (let i = start; i < end; i++) if (this.keys[i] === key) return true;
    return false;
  }
}
