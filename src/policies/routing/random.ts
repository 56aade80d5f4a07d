// random: each task goes to an agent drawn uniformly from those with its skill. Needs nothing;
// the baseline every other policy should beat (n agents behave as n independent queues).
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'random',
  summary: 'a uniformly random agent among those with the skill',
  params: z.strictObject({}),
  create() {
    return {
      name: 'random',
      route(task, _fleet, rng) {
        const e = task.eligible;
        return e[Math.floor(rng() * e.length)]!;
      },
    };
  },
});
