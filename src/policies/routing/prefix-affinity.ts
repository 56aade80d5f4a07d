// prefix-affinity: cache-aware routing for LLM fleets, as in cache-aware LLM routers (SGLang's
// router, Mooncake's Conductor). The policy keeps its own approximate copy of each agent's prompt
// prefix cache (the blocks it sent there, LRU) and sends a request to the agent with the longest
// cached prefix match, unless that agent's load exceeds the least-loaded agent's by more than
// `maxImbalance` tasks: then to the least loaded. Trade-off: locality (skipped prefill) against
// balance; it needs the task's prefix block ids and scans every eligible agent.
import { z } from 'zod';
import { PrefixCache } from '../../model/prefix-cache.js';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'prefix-affinity',
  summary: 'longest cached prompt prefix unless too loaded, else least loaded (scans all agents)',
  params: z.strictObject({
    /** Blocks the policy remembers per agent. Default 4096; match the agents' prefixCache.blocks. */
    blocks: z.number().int().min(1).default(4096),
    /** Extra tasks the best-matching agent may hold over the least loaded. Default 4; 0..1000. */
    maxImbalance: z.number().int().min(0).max(1000).default(4),
    /** Leading blocks a match must cover to count. Default 1. */
    minMatchBlocks: z.number().int().min(1).default(1),
  }),
  create({ blocks, maxImbalance, minMatchBlocks }, ctx) {
    const seen = new PrefixCache(new Int32Array(ctx.fleet.size).fill(blocks));
    return {
      name: 'prefix-affinity',
      route(task, fleet, rng) {
        const e = task.eligible;
        const load = fleet.load;
        // Least loaded, ties at random (reservoir sampling).
        let least = e[0]!;
        let ties = 1;
        for (let i = 1; i < e.length; i++) {
          const a = e[i]!;
          if (load[a]! < load[least]!) {
            least = a;
            ties = 1;
          } else if (load[a] === load[least] && rng() * ++ties < 1) least = a;
        }
        const prefix = task.prefix;
        if (prefix === undefined) return least;
        let best = -1;
        let bestMatch = minMatchBlocks - 1;
        for (let i = 0; i < e.length; i++) {
          const a = e[i]!;
          const m = seen.match(a, prefix);
          if (m > bestMatch || (m === bestMatch && best >= 0 && load[a]! < load[best]!)) {
            best = a;
            bestMatch = m;
          }
        }
        const chosen = best >= 0 && load[best]! - load[least]! <= maxImbalance ? best : least;
        seen.serve(chosen, prefix);
        return chosen;
      },
    };
  },
});
