// shared-queue: late binding. Tasks wait in one central queue per class and the first free
// matching slot takes the next one (in the scenario's discipline). With one class and c agents
// of equal speed this is the M/M/c queue. Needs only which agents have a free slot.
import { z } from 'zod';
import { disciplineKey, makeQueue, type TaskQueue } from '../../core/task-queue.js';
import type { FleetView } from '../../model/fleet.js';
import type { TaskTableView } from '../../model/task-table.js';
import {
  definePolicy,
  HOLD,
  type PolicyContext,
  REJECT,
  type RoutingPolicy,
  type TaskView,
} from './types.js';

// A class, not closures made by create(): its methods are the same functions in every run, so the
// orchestrator's call of release() keeps its target from one run to the next (with a new closure
// per run, the optimized caller deoptimized in the next run).
class SharedQueue implements RoutingPolicy {
  readonly name = 'shared-queue';
  private readonly queues: TaskQueue[];
  /** Where the scan for a free agent starts, per class: spreads work over equal agents. */
  private readonly cursor: Int32Array;
  private readonly keyOf: (tasks: TaskTableView, id: number) => number;
  private held = 0;

  constructor(private readonly ctx: PolicyContext) {
    this.queues = ctx.classes.map(() => makeQueue(ctx.discipline, ctx.tasks));
    this.cursor = new Int32Array(ctx.classes.length);
    this.keyOf = disciplineKey(ctx.discipline);
  }

  route(task: TaskView, fleet: FleetView): number {
    // A free eligible agent never coexists with a waiting task it could serve (a freed slot
    // pulls at once), so an arrival that finds one takes it.
    if (fleet.freeBySkill[task.skill]! > 0) {
      const eligible = task.eligible;
      const n = eligible.length;
      let i = this.cursor[task.cls]! % n;
      for (let k = 0; k < n; k++) {
        const a = eligible[i]!;
        if (++i === n) i = 0;
        if (fleet.busy[a]! < fleet.slots[a]!) {
          this.cursor[task.cls] = i;
          return a;
        }
      }
    }
    if (this.held >= this.ctx.centralCapacity) return REJECT;
    this.queues[task.cls]!.push(task.id);
    this.held++;
    return HOLD;
  }

  release(agent: number): number {
    if (this.held === 0) return -1;
    const classes = this.ctx.classesOf[agent]!;
    let best: TaskQueue | undefined;
    let bestId = -1;
    // Among the classes this agent may serve, take the head the discipline puts first.
    for (let i = 0; i < classes.length; i++) {
      const q = this.queues[classes[i]!]!;
      const id = q.peek();
      if (id >= 0 && (bestId < 0 || this.before(id, bestId))) {
        best = q;
        bestId = id;
      }
    }
    if (best === undefined) return -1;
    this.held--;
    return best.pop();
  }

  /** Does task x come before task y in the discipline (ties by arrival order)? */
  private before(x: number, y: number): boolean {
    const tasks = this.ctx.tasks;
    const kx = this.keyOf(tasks, x);
    const ky = this.keyOf(tasks, y);
    return kx < ky || (kx === ky && tasks.seq[x]! < tasks.seq[y]!);
  }
}

export default definePolicy({
  name: 'shared-queue',
  summary: 'late binding: one central queue per class; a freed slot takes the next task',
  params: z.strictObject({}),
  create(_params, ctx) {
    return new SharedQueue(ctx);
  },
});
