// jsq: join the shortest queue. Scans every agent with the skill for the fewest tasks at the
// agent (in service plus waiting), ties broken uniformly at random (reservoir sampling, so one
// pass and no allocation). Optimal for equal agents among early-binding policies, at the cost of
// reading every agent's load per task.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'jsq',
  summary: 'the agent with the fewest tasks, ties at random (scans all agents with the skill)',
  params: z.strictObject({}),
  create() {
    return {
      name: 'jsq',
      route(task, fleet, rng) {
        const e = task.eligible;
        const load = fleet.load;
        let best = e[0]!;
        let bestLoad = load[best]!;
        let ties = 1;
        for (let i = 1; i < e.length; i++) {
          const a = e[i]!;
          const l = load[a]!;
          if (l < bestLoad) {
            best = a;
            bestLoad = l;
            ties = 1;
          } else if (l === bestLoad && rng() * ++ties < 1) {
            best = a;
          }
        }
        return best;
      },
    };
  },
});
