// shared-queue: late binding. Tasks wait in one central queue per skill and the first free
// matching slot takes the next one (in the scenario's discipline). With one skill and c agents
// of equal speed this is the M/M/c queue. Needs only which agents have a free slot.
import { z } from 'zod';
import { makeQueue, type TaskQueue } from '../../core/task-queue.js';
import type { FleetView } from '../../model/fleet.js';
import { definePolicy, HOLD, REJECT, type TaskView } from './types.js';

export default definePolicy({
  name: 'shared-queue',
  summary: 'late binding: one central queue per skill; a freed slot takes the next task',
  params: z.strictObject({}),
  create(_params, ctx) {
    const queues: TaskQueue[] = Array.from({ length: ctx.skillCount }, () => makeQueue(ctx.discipline, ctx.tasks));
    // Where the scan for a free agent starts, per skill: spreads work over equal agents.
    const cursor = new Int32Array(ctx.skillCount);
    let held = 0;
    const seq = () => ctx.tasks.seq;
    const keyed = ctx.discipline !== 'fifo';
    const keyOf = (id: number) =>
      ctx.discipline === 'priority' ? ctx.tasks.priority[id]! : ctx.discipline === 'edf' ? ctx.tasks.deadline[id]! : 0;
    return {
      name: 'shared-queue',
      route(task: TaskView, fleet: FleetView): number {
        if (fleet.freeBySkill[task.skill]! > 0 && queues[task.skill]!.length === 0) {
          const eligible = task.eligible;
          const n = eligible.length;
          let i = cursor[task.skill]!;
          for (let k = 0; k < n; k++) {
            const a = eligible[i]!;
            if (++i === n) i = 0;
            if (fleet.busy[a]! < fleet.slots[a]!) {
              cursor[task.skill] = i;
              return a;
            }
          }
        }
        if (held >= ctx.centralCapacity) return REJECT;
        queues[task.skill]!.push(task.id);
        held++;
        return HOLD;
      },
      release(agent: number, fleet: FleetView): number {
        if (held === 0) return -1;
        const skills = fleet.skillsOf[agent]!;
        let best: TaskQueue | undefined;
        let bestId = -1;
        // Among the skills this agent has, serve the head that the discipline puts first.
        for (let i = 0; i < skills.length; i++) {
          const q = queues[skills[i]!]!;
          const id = q.peek();
          if (id < 0) continue;
          if (
            bestId < 0 ||
            (keyed && keyOf(id) < keyOf(bestId)) ||
            ((!keyed || keyOf(id) === keyOf(bestId)) && seq()[id]! < seq()[bestId]!)
          ) {
            best = q;
            bestId = id;
          }
        }
        if (best === undefined) return -1;
        held--;
        return best.pop();
      },
    };
  },
});
