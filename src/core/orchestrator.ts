// The orchestrator core: it decides where each task goes and what a freed slot serves next.
// It never reads a clock, a random source, the network or the disk; its host hands it `now`
// (through Host) and a seeded stream. Pipeline per task:
//   submit -> capability filter (eligible agents for the class) -> policy.route ->
//   start at the agent | its local queue | held by the policy | rejected
//   finished -> policy.observe -> the agent's local queue, else policy.release (late binding)
// Workflows, retries and scaling plug in around submit/finished without changing this flow.
import { PolicyError } from '../errors.js';
import type { Fleet } from '../model/fleet.js';
import type { TaskTable } from '../model/task-table.js';
import { HOLD, REJECT, type RoutingPolicy, type TaskView } from '../policies/routing/types.js';
import type { Rng } from '../sim/rng.js';
import type { Discipline } from '../workload/scenario-schema.js';
import type { Host } from './host.js';
import { makeQueue, type TaskQueue } from './task-queue.js';

export interface CoreClass {
  readonly name: string;
  readonly skill: number;
  readonly eligible: Int32Array;
}

export interface CoreOptions {
  readonly discipline: Discipline;
  readonly classes: readonly CoreClass[];
  readonly skillNames: readonly string[];
}

const FNV_PRIME = 16777619;

export class Orchestrator {
  /** FNV-1a over every decision (task sequence number, agent): same inputs, same hash. */
  decisionHash = 0x811c9dc5 | 0;
  /** Tasks kept by the policy (HOLD) and not yet released. */
  held = 0;
  /** Tasks waiting in agents' local queues. */
  queuedLocal = 0;
  private readonly view: TaskView;
  private readonly local: (TaskQueue | undefined)[];

  constructor(
    private readonly host: Host,
    readonly fleet: Fleet,
    private readonly tasks: TaskTable,
    private readonly policy: RoutingPolicy,
    private readonly rng: Rng,
    private readonly options: CoreOptions,
  ) {
    this.local = new Array<TaskQueue | undefined>(fleet.size).fill(undefined);
    this.view = {
      id: 0,
      cls: 0,
      skill: 0,
      size: 0,
      priority: 0,
      deadline: 0,
      key: -1,
      arrival: 0,
      eligible: new Int32Array(0),
    };
  }

  /** A task arrived: route it. */
  submit(id: number): void {
    const t = this.tasks;
    const c = this.options.classes[t.cls[id]!]!;
    const v = this.view;
    v.id = id;
    v.cls = t.cls[id]!;
    v.skill = c.skill;
    v.size = t.size[id]!;
    v.priority = t.priority[id]!;
    v.deadline = t.deadline[id]!;
    v.key = t.key[id]!;
    v.arrival = t.arrival[id]!;
    v.eligible = c.eligible;
    let a: number;
    try {
      a = this.policy.route(v, this.fleet, this.rng);
    } catch (err) {
      throw new PolicyError(`${this.describe(id)}: policy '${this.policy.name}' threw: ${String(err)}`);
    }
    if (a === HOLD) {
      if (this.policy.release === undefined)
        throw new PolicyError(
          `${this.describe(id)}: policy '${this.policy.name}' returned HOLD but has no release() to hand tasks back`,
        );
      this.held++;
      t.agent[id] = -1;
      return;
    }
    if (a === REJECT) {
      this.record(id, -2);
      this.host.rejected(id);
      return;
    }
    this.check(id, a, c.skill);
    const fleet = this.fleet;
    this.record(id, a);
    t.agent[id] = a;
    fleet.load[a]!++;
    if (fleet.busy[a]! < fleet.slots[a]!) {
      fleet.occupy(a);
      this.host.start(id, a);
    } else if (fleet.queued[a]! < fleet.queueCapacity[a]!) {
      let q = this.local[a];
      if (q === undefined) {
        q = makeQueue(this.options.discipline, this.tasks);
        this.local[a] = q;
      }
      q.push(id);
      fleet.queued[a]!++;
      this.queuedLocal++;
    } else {
      fleet.load[a]!--;
      this.host.rejected(id);
    }
  }

  /** A task finished at its agent: learn from it, then give the freed slot its next task. */
  finished(id: number, responseSeconds: number): void {
    const a = this.tasks.agent[id]!;
    const fleet = this.fleet;
    fleet.vacate(a);
    fleet.load[a]!--;
    if (this.policy.observe !== undefined) this.policy.observe(a, id, responseSeconds);
    this.fill(a);
  }

  /** Gives agent `a`'s free slot work: its own queue first, then what the policy holds. */
  private fill(a: number): void {
    const fleet = this.fleet;
    const q = this.local[a];
    if (q !== undefined && q.length > 0) {
      const next = q.pop();
      fleet.queued[a]!--;
      this.queuedLocal--;
      fleet.occupy(a);
      this.host.start(next, a);
      return;
    }
    if (this.held === 0) return;
    const next = this.policy.release!(a, fleet);
    if (next < 0) return;
    this.held--;
    const t = this.tasks;
    this.check(next, a, this.options.classes[t.cls[next]!]!.skill);
    this.record(next, a);
    t.agent[next] = a;
    fleet.load[a]!++;
    fleet.occupy(a);
    this.host.start(next, a);
  }

  private record(id: number, a: number): void {
    let h = this.decisionHash;
    h = Math.imul(h ^ (this.tasks.seq[id]! | 0), FNV_PRIME);
    h = Math.imul(h ^ a, FNV_PRIME);
    this.decisionHash = h;
  }

  private check(id: number, a: number, skill: number): void {
    const fleet = this.fleet;
    if (Number.isInteger(a) && a >= 0 && a < fleet.size && fleet.canServe(a, skill)) return;
    const what =
      Number.isInteger(a) && a >= 0 && a < fleet.size
        ? `agent ${a}, which does not have skill '${this.options.skillNames[skill]}'`
        : `${String(a)}, which is not an agent index (0..${fleet.size - 1}), HOLD or REJECT`;
    throw new PolicyError(`${this.describe(id)}: policy '${this.policy.name}' picked ${what}`);
  }

  private describe(id: number): string {
    const t = this.tasks;
    const c = this.options.classes[t.cls[id]!]!;
    return `task #${t.seq[id]} (class '${c.name}', arrived at ${t.arrival[id]!.toFixed(6)} s)`;
  }
}
