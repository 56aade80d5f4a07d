// skill-aware: keeps generalists free for the work only they can do. Among eligible agents with a
// free slot, the one with the fewest skills, then the least loaded, then the lowest index; when none
// is free, the one with the fewest tasks per slot (then fewest skills, lowest index). A greedy
// version of the "specialists first" rule of skill-based routing in call centres (Wallace and Whitt
// 2005 show a little cross-training goes a long way when it is used sparingly). Deterministic; scans
// every eligible agent per task. Trade-off: ignores speed, and a specialist's queue may grow while a
// generalist idles, since the queued case compares load only.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'skill-aware',
  summary:
    'a free agent with the fewest skills (generalists kept free), else the shortest queue per slot (scans all)',
  params: z.strictObject({}),
  create(_params, ctx) {
    const skillCount = Int32Array.from(ctx.fleet.skillsOf, (s) => s.length);
    return {
      name: 'skill-aware',
      route(task, fleet) {
        const e = task.eligible;
        const busy = fleet.busy;
        const slots = fleet.slots;
        const load = fleet.load;
        if (fleet.freeBySkill[task.skill]! > 0) {
          let best = -1;
          for (let i = 0; i < e.length; i++) {
            const a = e[i]!;
            if (busy[a]! >= slots[a]!) continue;
            if (
              best < 0 ||
              skillCount[a]! < skillCount[best]! ||
              (skillCount[a] === skillCount[best] &&
                (load[a]! < load[best]! || (load[a] === load[best] && a < best)))
            )
              best = a;
          }
          // The free slot may belong to an agent the scenario's rules keep from this class.
          if (best >= 0) return best;
        }
        let best = e[0]!;
        for (let i = 1; i < e.length; i++) {
          const a = e[i]!;
          // load[a] / slots[a] < load[best] / slots[best], in exact integer arithmetic.
          const lhs = load[a]! * slots[best]!;
          const rhs = load[best]! * slots[a]!;
          if (
            lhs < rhs ||
            (lhs === rhs &&
              (skillCount[a]! < skillCount[best]! || (skillCount[a] === skillCount[best] && a < best)))
          )
            best = a;
        }
        return best;
      },
    };
  },
});
