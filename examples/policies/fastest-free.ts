// A complete user-written routing policy: send each task to the agent with the lowest expected
// delay, (tasks at the agent + 1) / (slots x advertised speed), preferring an agent with a free
// slot; ties go to the agent that has waited longest since it last got a task.
//
// Run it:   npx orchlab run scenarios/mmc.yaml --policy examples/policies/fastest-free.ts
// Compare:  npx orchlab compare scenarios/mmc.yaml --policies jsq,examples/policies/fastest-free.ts
//
// Only type imports from orchlab: the module needs nothing at run time, so it also works as
// plain JavaScript with the types removed.
import type { FleetView, PolicyContext, RoutingPolicy, TaskView } from '../../src/index.js';

export default {
  name: 'fastest-free',
  summary: 'lowest expected delay, free agents first, ties to the least recently used',
  create(_params: object, ctx: PolicyContext): RoutingPolicy {
    // Policy state lives in typed arrays sized to the fleet: no allocation per decision.
    const lastUsed = new Float64Array(ctx.fleet.size).fill(-1);
    let decisions = 0;
    return {
      name: 'fastest-free',
      route(task: TaskView, fleet: FleetView): number {
        let best = -1;
        let bestDelay = Number.POSITIVE_INFINITY;
        for (const a of task.eligible) {
          const free = fleet.busy[a]! < fleet.slots[a]!;
          // A free agent starts the task now; a busy one after its queue drains.
          const delay = (free ? 0 : fleet.load[a]! + 1) / (fleet.slots[a]! * fleet.speed[a]!);
          if (delay < bestDelay || (delay === bestDelay && lastUsed[a]! < lastUsed[best]!)) {
            best = a;
            bestDelay = delay;
          }
        }
        lastUsed[best] = decisions++;
        return best;
      },
    };
  },
};
