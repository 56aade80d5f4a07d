// Each LLM agent's cache of prompt-prefix blocks (KV cache), least recently used out first.
// A request whose leading blocks the agent holds skips their prefill; only the longest run of
// leading blocks counts, as in prefix (radix) caches of LLM servers.

export class PrefixCache {
  private readonly lru: (Map<number, true> | undefined)[];

  constructor(private readonly capacity: Int32Array) {
    this.lru = Array.from(capacity, (c) => (c > 0 ? new Map<number, true>() : undefined));
  }

  /** Leading blocks of `blocks` that agent `a` holds (no update). */
  match(a: number, blocks: Int32Array): number {
    const cache = this.lru[a];
    if (cache === undefined) return 0;
    let n = 0;
    while (n < blocks.length && cache.has(blocks[n]!)) n++;
    return n;
  }

  /** Serves a request: returns its matched leading blocks, then holds all its blocks as most recent. */
  serve(a: number, blocks: Int32Array): number {
    const cache = this.lru[a];
    if (cache === undefined) return 0;
    const matched = this.match(a, blocks);
    const cap = this.capacity[a]!;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      // Map keeps insertion order: re-inserting moves a block to the most recent end.
      cache.delete(b);
      cache.set(b, true);
    }
    while (cache.size > cap) cache.delete(cache.keys().next().value!);
    return matched;
  }
}
