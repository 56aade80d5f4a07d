// least-work-left: the "oracle" dispatcher. Tracks, per agent, the work sent to it and not yet
// finished, in seconds at its advertised speed (Σ size / speed), and joins the agent with the least
// of it per slot, ties uniformly at random. With one slot per agent and true speeds this is
// Harchol-Balter's LWL, equivalent to a central FCFS queue (M/G/k). It needs task sizes up front
// (rarely known in practice) and scans every eligible agent per task. A task in service counts at
// its full size until it finishes (no credit for progress); the tally resets when an agent idles.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'least-work-left',
  summary:
    'the agent with the least unfinished work per slot, in seconds (uses task sizes; scans all agents)',
  params: z.strictObject({}),
  create(_params, ctx) {
    const speed = ctx.fleet.speed;
    const slots = ctx.fleet.slots;
    /** Seconds of work sent to each agent and not yet finished. */
    const work = new Float64Array(ctx.fleet.size);
    return {
      name: 'least-work-left',
      route(task, fleet, rng) {
        const e = task.eligible;
        let best = e[0]!;
        let bestLeft = work[best]! / slots[best]!;
        let ties = 1;
        for (let i = 1; i < e.length; i++) {
          const a = e[i]!;
          const left = work[a]! / slots[a]!;
          if (left < bestLeft) {
            best = a;
            bestLeft = left;
            ties = 1;
          } else if (left === bestLeft && rng() * ++ties < 1) {
            best = a;
          }
        }
        // The core turns the task away when the agent has neither a free slot nor queue room.
        if (fleet.busy[best]! < slots[best]! || fleet.queued[best]! < fleet.queueCapacity[best]!)
          work[best]! += task.size / speed[best]!;
        return best;
      },
      observe(agent, task) {
        work[agent]! -= ctx.tasks.size[task]! / speed[agent]!;
      },
      idle(agent) {
        // Nothing left: clear the rounding the additions and subtractions leave behind.
        work[agent] = 0;
      },
    };
  },
});
