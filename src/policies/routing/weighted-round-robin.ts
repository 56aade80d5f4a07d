// weighted-round-robin: nginx's smooth weighted round robin with weight = speed × slots. Per
// candidate list every agent's counter grows by its weight, the largest counter wins (first on
// ties) and pays back the total. Over any run of Σw picks (integer weights) agent i gets exactly wᵢ,
// spread out rather than in bursts. Deterministic and blind to load; each pick scans every
// eligible agent (that is nginx's algorithm: O(n) per pick).
import { z } from 'zod';
import { EligibleCache } from './eligible-cache.js';
import { definePolicy } from './types.js';

interface Wheel {
  readonly weight: Float64Array;
  readonly current: Float64Array;
  readonly total: number;
}

export default definePolicy({
  name: 'weighted-round-robin',
  summary: 'smooth weighted round robin (nginx), weight = speed × slots (scans all agents)',
  params: z.strictObject({}),
  create(_params, ctx) {
    const fleet = ctx.fleet;
    const wheels = new EligibleCache<Wheel>((e) => {
      const weight = Float64Array.from(e, (a) => fleet.speed[a]! * fleet.slots[a]!);
      return { weight, current: new Float64Array(e.length), total: weight.reduce((s, w) => s + w, 0) };
    });
    return {
      name: 'weighted-round-robin',
      route(task) {
        const e = task.eligible;
        const { weight, current, total } = wheels.get(task.cls, e);
        let best = 0;
        let bestCurrent = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < e.length; i++) {
          const c = current[i]! + weight[i]!;
          current[i] = c;
          if (c > bestCurrent) {
            best = i;
            bestCurrent = c;
          }
        }
        current[best] = bestCurrent - total;
        return e[best]!;
      },
    };
  },
});
