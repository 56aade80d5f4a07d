// power-of-d: sample d agents with the skill (with replacement) and join the one with the fewest
// tasks, ties to the first sampled. Mitzenmacher 1996 ("the power of two choices"): d = 2 already
// cuts the tail exponentially versus random, at O(d) cost per task instead of jsq's O(n).
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'power-of-d',
  summary: 'sample d agents with the skill, pick the one with the fewest tasks',
  params: z.strictObject({
    /** Agents sampled per task. Default 2; range 1..64 (1 is random routing). */
    d: z.number().int().min(1).max(64).default(2),
  }),
  create({ d }) {
    return {
      name: 'power-of-d',
      route(task, fleet, rng) {
        const e = task.eligible;
        const n = e.length;
        const load = fleet.load;
        let best = e[Math.floor(rng() * n)]!;
        let bestLoad = load[best]!;
        for (let k = 1; k < d; k++) {
          const a = e[Math.floor(rng() * n)]!;
          const l = load[a]!;
          if (l < bestLoad) {
            best = a;
            bestLoad = l;
          }
        }
        return best;
      },
    };
  },
});
