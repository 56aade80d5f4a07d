// least-cost: cost-aware routing under a latency target. For each eligible agent it estimates this
// task's delay and cost from advertised figures:
//   delay = max(0, load + 1 − slots) × meanSize / (slots × speed)  +  size / speed
//           (tasks that must leave before a slot frees, each of the mean size seen so far, drained by
//           all slots; then this task's own service; an M/G/c-style estimate using only counts)
//   cost  = costPerSecond × size / speed  +  costPerUnit × size
// and picks the cheapest agent whose delay is within `targetSeconds` (ties: shorter delay, then at
// random), or, when none is, the shortest delay (ties at random). The cloud "cheapest instance that
// meets the SLO" rule (as in spot/on-demand mixes); it scans every eligible agent per task.
// Trade-off: cheap agents run hot right up to the target, so latency sits near it under load.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'least-cost',
  summary: 'the cheapest agent whose expected delay is within targetSeconds, else the fastest (scans all)',
  params: z.strictObject({
    /** Expected delay (wait + service) an agent must promise to be considered, seconds. Default 2; range > 0. */
    targetSeconds: z.number().positive().default(2),
  }),
  create({ targetSeconds }) {
    let meanSize = 0;
    let routed = 0;
    return {
      name: 'least-cost',
      route(task, fleet, rng) {
        const e = task.eligible;
        const size = task.size;
        routed++;
        meanSize += (size - meanSize) / routed;
        const { load, slots, speed, costPerSecond, costPerUnit } = fleet;
        let cheap = -1;
        let cheapCost = 0;
        let cheapDelay = 0;
        let cheapTies = 0;
        let fast = -1;
        let fastDelay = 0;
        let fastTies = 0;
        for (let i = 0; i < e.length; i++) {
          const a = e[i]!;
          const v = speed[a]!;
          const k = slots[a]!;
          const service = size / v;
          const delay = (Math.max(0, load[a]! + 1 - k) * meanSize) / (k * v) + service;
          if (fast < 0 || delay < fastDelay) {
            fast = a;
            fastDelay = delay;
            fastTies = 1;
          } else if (delay === fastDelay && rng() * ++fastTies < 1) {
            fast = a;
          }
          if (delay > targetSeconds) continue;
          const cost = costPerSecond[a]! * service + costPerUnit[a]! * size;
          if (cheap < 0 || cost < cheapCost || (cost === cheapCost && delay < cheapDelay)) {
            cheap = a;
            cheapCost = cost;
            cheapDelay = delay;
            cheapTies = 1;
          } else if (cost === cheapCost && delay === cheapDelay && rng() * ++cheapTies < 1) {
            cheap = a;
          }
        }
        return cheap >= 0 ? cheap : fast;
      },
    };
  },
});
