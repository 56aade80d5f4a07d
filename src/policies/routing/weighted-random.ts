// weighted-random: each task goes to an agent drawn with probability ∝ speed × slots (its
// advertised capacity) among the eligible ones, in O(1) from an alias table built once per
// candidate list. Envoy's and nginx's weighted random balancing with capacity as the weight:
// it never reads load, so it is cheap and stateless but queues like independent M/M/1s.
import { z } from 'zod';
import { buildAlias, sampleAlias } from './alias-table.js';
import { EligibleCache } from './eligible-cache.js';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'weighted-random',
  summary: 'a random agent with probability ∝ speed × slots (alias table per class)',
  params: z.strictObject({}),
  create(_params, ctx) {
    const fleet = ctx.fleet;
    const tables = new EligibleCache((e) =>
      buildAlias(Array.from(e, (a) => fleet.speed[a]! * fleet.slots[a]!)),
    );
    return {
      name: 'weighted-random',
      route(task, _fleet, rng) {
        const e = task.eligible;
        return e[sampleAlias(tables.get(task.cls, e), rng)]!;
      },
    };
  },
});
