// sed: shortest expected delay. Joins the agent minimising (load + 1) / (slots × speed), the time
// to clear its tasks plus this one if every task were one work unit, ties uniformly at random.
// The classic rule for unequal servers (analysed by Selen, Adan, Kapodistria and van Leeuwaarden,
// "Steady-state analysis of shortest expected delay routing", 2016): unlike jsq it sends more work
// to fast and wide agents. Scans every eligible agent per task and trusts the advertised speed.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'sed',
  summary: 'shortest expected delay: argmin (load + 1) / (slots × speed), ties at random (scans all agents)',
  params: z.strictObject({}),
  create(_params, ctx) {
    const fleet = ctx.fleet;
    // Seconds per unit of work at each agent, with every slot busy: 1 / (slots × speed).
    const unitSeconds = Float64Array.from(fleet.speed, (s, a) => 1 / (fleet.slots[a]! * s));
    return {
      name: 'sed',
      route(task, fleet, rng) {
        const e = task.eligible;
        const load = fleet.load;
        let best = e[0]!;
        let bestDelay = (load[best]! + 1) * unitSeconds[best]!;
        let ties = 1;
        for (let i = 1; i < e.length; i++) {
          const a = e[i]!;
          const d = (load[a]! + 1) * unitSeconds[a]!;
          if (d < bestDelay) {
            best = a;
            bestDelay = d;
            ties = 1;
          } else if (d === bestDelay && rng() * ++ties < 1) {
            best = a;
          }
        }
        return best;
      },
    };
  },
});
