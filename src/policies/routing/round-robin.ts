// round-robin: agents with the task's skill take turns, one cursor per skill. Needs nothing;
// evens out counts but ignores load and speed.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'round-robin',
  summary: 'agents with the skill take turns',
  params: z.strictObject({}),
  create(_params, ctx) {
    const cursor = new Int32Array(ctx.skillCount);
    return {
      name: 'round-robin',
      route(task) {
        const e = task.eligible;
        // A `prefer` rule can hand a class a shorter candidate list than its skill's: wrap there.
        let i = cursor[task.skill]!;
        if (i >= e.length) i = 0;
        cursor[task.skill] = i + 1 === e.length ? 0 : i + 1;
        return e[i]!;
      },
    };
  },
});
