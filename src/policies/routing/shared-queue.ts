// shared-queue: late binding. Tasks wait in one central queue per class and the first free
// matching slot takes the next one (in the scenario's discipline). With one class and c agents
// of equal speed this is the M/M/c queue. Needs only which agents have a free slot.
import { z } from 'zod';
import { disciplineKey, makeQueue, type TaskQueue } from '../../core/task-queue.js';
import type { FleetView } from '../../model/fleet.js';
import { definePolicy, HOLD, REJECT, type TaskView } from './types.js';

export default definePolicy({
  name: 'shared-queue',
  summary: 'late binding: one central queue per class; a freed slot takes the next task',
  params: z.strictObject({}),
  create(_params, ctx) {
    const queues: TaskQueue[] = ctx.classes.map(() => makeQueue(ctx.discipline, ctx.tasks));
    // Where the scan for a free agent starts, per class: spreads work over equal agents.
    const cursor = new Int32Array(ctx.classes.length);
    const keyOf = disciplineKey(ctx.discipline);
    let held = 0;
    /** Does task x come before task y in the discipline (ties by arrival order)? */
    const before = (x: number, y: number) => {
      const kx = keyOf(ctx.tasks, x);
      const ky = keyOf(ctx.tasks, y);
      return kx < ky || (kx === ky && ctx.tasks.seq[x]! < ctx.tasks.seq[y]!);
    };
    return {
      name: 'shared-queue',
      route(task: TaskView, fleet: FleetView): number {
        // A free eligible agent never coexists with a waiting task it could serve (a freed slot
        // pulls at once), so an arrival that finds one takes it.
        if (fleet.freeBySkill[task.skill]! > 0) {
          const eligible = task.eligible;
          const n = eligible.length;
          let i = cursor[task.cls]! % n;
          for (let k = 0; k < n; k++) {
            const a = eligible[i]!;
            if (++i === n) i = 0;
            if (fleet.busy[a]! < fleet.slots[a]!) {
              cursor[task.cls] = i;
              return a;
            }
          }
        }
        if (held >= ctx.centralCapacity) return REJECT;
        queues[task.cls]!.push(task.id);
        held++;
        return HOLD;
      },
      release(agent: number): number {
        if (held === 0) return -1;
        const classes = ctx.classesOf[agent]!;
        let best: TaskQueue | undefined;
        let bestId = -1;
        // Among the classes this agent may serve, take the head the discipline puts first.
        for (let i = 0; i < classes.length; i++) {
          const q = queues[classes[i]!]!;
          const id = q.peek();
          if (id >= 0 && (bestId < 0 || before(id, bestId))) {
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
