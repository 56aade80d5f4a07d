// The orchestrator core: it decides where each task goes and what a freed slot serves next.
// It never reads a clock, a random source, the network or the disk; its host hands it `now`
// (through Host) and a seeded stream. Pipeline per task:
//   submit -> admission (class limits: excess waits) -> candidate agents (skill, rules, preference)
//   -> policy.route -> start at the agent | its local queue | held by the policy | rejected
//   finished -> policy.observe -> the agent's local queue, else policy.release (late binding)
//            -> admit the class's next waiting task
// Workflows, retries and scaling plug in around submit/finished without changing this flow.
import { PolicyError, returnedText, thrownText } from '../errors.js';
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
  /** Agents the class may use: they have its skill and the rules allow them. */
  readonly eligible: Int32Array;
  /** Agents the rules prefer; the rest are used only when these are all past spillQueue. */
  readonly preferred?: Int32Array;
  readonly spillQueue?: number;
  /** At most this many of the class's tasks dispatched at once (Infinity: no limit). */
  readonly maxDispatched: number;
}

export interface CoreOptions {
  readonly discipline: Discipline;
  readonly classes: readonly CoreClass[];
  readonly skillNames: readonly string[];
}

const FNV_PRIME = 16777619;

/** The TaskView policies get: a window onto one row of the task table, read on demand. */
class TaskWindow implements TaskView {
  id = 0;
  cls = 0;
  skill = 0;
  eligible: Int32Array = new Int32Array(0);
  constructor(private readonly tasks: TaskTable) {}
  get size(): number {
    return this.tasks.size[this.id]!;
  }
  get priority(): number {
    return this.tasks.priority[this.id]!;
  }
  get deadline(): number {
    return this.tasks.deadline[this.id]!;
  }
  get key(): number {
    return this.tasks.key[this.id]!;
  }
  get arrival(): number {
    return this.tasks.arrival[this.id]!;
  }
  get inputTokens(): number {
    return this.tasks.inputTokens[this.id]!;
  }
  get outputTokens(): number {
    return this.tasks.outputTokens[this.id]!;
  }
  get prefix(): Int32Array | undefined {
    return this.tasks.prefix[this.id];
  }
}

export class Orchestrator {
  /** FNV-1a over every decision (task sequence number, agent): same inputs, same hash. */
  decisionHash = 0x811c9dc5 | 0;
  /** Tasks kept by the policy (HOLD) and not yet released. */
  held = 0;
  private readonly view: TaskWindow;
  private readonly local: (TaskQueue | undefined)[];
  /** Class-by-agent membership: may class c use agent a? */
  private readonly allowed: Uint8Array;
  private readonly dispatchedByClass: Float64Array;
  private readonly limitQueues: (TaskQueue | undefined)[];
  private readonly limited: boolean;
  private readonly observes: boolean;
  private admitting = false;
  private readonly idles: boolean;

  constructor(
    private readonly host: Host,
    readonly fleet: Fleet,
    private readonly tasks: TaskTable,
    private readonly policy: RoutingPolicy,
    private readonly rng: Rng,
    private readonly options: CoreOptions,
  ) {
    const n = fleet.size;
    this.local = new Array<TaskQueue | undefined>(n).fill(undefined);
    this.view = new TaskWindow(tasks);
    this.allowed = new Uint8Array(options.classes.length * n);
    options.classes.forEach((c, ci) => {
      for (const a of c.eligible) this.allowed[ci * n + a] = 1;
    });
    this.dispatchedByClass = new Float64Array(options.classes.length);
    this.limitQueues = options.classes.map((c) =>
      c.maxDispatched < Number.POSITIVE_INFINITY ? makeQueue(options.discipline, tasks) : undefined,
    );
    this.limited = this.limitQueues.some((q) => q !== undefined);
    this.observes = policy.observe !== undefined;
    this.idles = policy.idle !== undefined;
  }

  /** A task arrived. */
  submit(id: number): void {
    if (this.limited) {
      const cls = this.tasks.cls[id]!;
      const q = this.limitQueues[cls];
      if (q !== undefined && this.dispatchedByClass[cls]! >= this.options.classes[cls]!.maxDispatched) {
        q.push(id);
        return;
      }
    }
    this.dispatch(id);
  }

  /** Routes a task that may be dispatched now. */
  private dispatch(id: number): void {
    const t = this.tasks;
    const cls = t.cls[id]!;
    const c = this.options.classes[cls]!;
    const v = this.view;
    v.id = id;
    v.cls = cls;
    v.skill = c.skill;
    v.eligible = c.preferred === undefined ? c.eligible : this.candidates(c);
    if (this.limited) this.dispatchedByClass[cls]!++;
    // unknown: a user module is plain JavaScript and may answer anything.
    let a: unknown;
    try {
      a = this.policy.route(v, this.fleet, this.rng);
    } catch (err) {
      throw this.threw(id, err);
    }
    // The common path stays short (the JIT inlines it); held, rejected, queued and broken picks
    // go to their own methods. A non-number first: a string would index `allowed` by
    // concatenation ('2' reads cell cls*size + '2'), and a symbol or bigint throws in `<` or `+`.
    if (typeof a !== 'number') this.badPick(id, a, cls);
    if (a < 0) {
      this.notStarted(id, a, cls);
      return;
    }
    const fleet = this.fleet;
    if (!(a < fleet.size && this.allowed[cls * fleet.size + a] === 1)) this.badPick(id, a, cls);
    this.record(id, a);
    t.agent[id] = a;
    if (this.observes) t.dispatched[id] = this.host.now();
    fleet.load[a]!++;
    if (fleet.busy[a]! < fleet.slots[a]!) {
      fleet.occupy(a);
      this.host.start(id, a);
    } else this.enqueue(id, a, cls);
  }

  /** route() answered HOLD or REJECT (any other negative number is a broken pick). */
  private notStarted(id: number, a: number, cls: number): void {
    if (a === HOLD) {
      if (this.policy.release === undefined)
        throw new PolicyError(
          `${this.describe(id)}: policy '${this.policy.name}' returned HOLD but has no release() to hand tasks back`,
        );
      this.held++;
      this.tasks.agent[id] = -1;
      this.tasks.held[id] = 1;
    } else if (a === REJECT) {
      this.record(id, -2);
      this.host.rejected(id);
      if (this.limited) this.released(cls);
    } else this.badPick(id, a, cls);
  }

  /** Agent `a` is busy: its local queue, if it has room, else the task is turned away. */
  private enqueue(id: number, a: number, cls: number): void {
    const fleet = this.fleet;
    if (fleet.queued[a]! < fleet.queueCapacity[a]!) {
      let q = this.local[a];
      if (q === undefined) {
        q = makeQueue(this.options.discipline, this.tasks);
        this.local[a] = q;
      }
      q.push(id);
      fleet.queued[a]!++;
    } else {
      fleet.load[a]!--;
      this.host.rejected(id);
      if (this.limited) this.released(cls);
    }
  }

  private threw(id: number, err: unknown): PolicyError {
    return new PolicyError(`${this.describe(id)}: policy '${this.policy.name}' threw: ${thrownText(err)}`);
  }

  /** The preferred agents, unless every one of them is past its spill bound. */
  private candidates(c: CoreClass): Int32Array {
    const preferred = c.preferred!;
    const fleet = this.fleet;
    const spill = c.spillQueue ?? 0;
    for (let i = 0; i < preferred.length; i++) {
      const a = preferred[i]!;
      if (fleet.load[a]! < fleet.slots[a]! + spill) return preferred;
    }
    return c.eligible;
  }

  /** A task finished at its agent: learn from it, give the freed slot its next task, admit waiting work. */
  finished(id: number): void {
    const t = this.tasks;
    const a = t.agent[id]!;
    const fleet = this.fleet;
    fleet.vacate(a);
    fleet.load[a]!--;
    if (this.observes) this.policy.observe!(a, id, this.host.now() - t.dispatched[id]!);
    this.fill(a);
    if (this.limited) this.released(t.cls[id]!);
    if (this.idles && fleet.load[a] === 0) this.policy.idle!(a);
  }

  /**
   * A task of class `cls` no longer counts against its limit (it finished or was turned away):
   * admit the class's waiting tasks while the limit allows. A rejection during admission only
   * decrements; the loop already running admits the next one (no recursion per rejection).
   */
  private released(cls: number): void {
    this.dispatchedByClass[cls]!--;
    if (this.admitting) return;
    const q = this.limitQueues[cls];
    if (q === undefined) return;
    const max = this.options.classes[cls]!.maxDispatched;
    this.admitting = true;
    while (q.length > 0 && this.dispatchedByClass[cls]! < max) this.dispatch(q.pop());
    this.admitting = false;
  }

  /** Gives agent `a`'s free slot work: its own queue first, then what the policy holds. */
  private fill(a: number): void {
    const fleet = this.fleet;
    const q = this.local[a];
    if (q !== undefined && q.length > 0) {
      const next = q.pop();
      fleet.queued[a]!--;
      fleet.occupy(a);
      this.host.start(next, a);
      return;
    }
    if (this.held === 0) return;
    const next: unknown = this.policy.release!(a, fleet);
    if (next === -1) return;
    const t = this.tasks;
    // Only a task it holds, once: any other id (a number or not) would start a row that is free
    // or already served, and break the fleet's counts. A non-integer or out-of-range number reads
    // undefined; a string is refused first, as it would read the row it spells.
    if (typeof next !== 'number' || t.held[next] !== 1) this.badRelease(a, next);
    t.held[next] = 0;
    this.held--;
    const cls = t.cls[next]!;
    // `a` is this agent; only whether the task's class may use it needs checking.
    if (this.allowed[cls * fleet.size + a] !== 1) this.badPick(next, a, cls);
    this.record(next, a);
    t.agent[next] = a;
    if (this.observes) t.dispatched[next] = this.host.now();
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

  private badPick(id: number, a: unknown, cls: number): never {
    const fleet = this.fleet;
    const inRange = typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < fleet.size;
    const c = this.options.classes[cls]!;
    const what = !inRange
      ? `${returnedText(a)}, which is not an agent index (0..${fleet.size - 1}), HOLD or REJECT`
      : fleet.canServe(a, c.skill)
        ? `agent ${a}, which the scenario's rules do not allow for class '${c.name}'`
        : `agent ${a}, which does not have skill '${this.options.skillNames[c.skill]}'`;
    throw new PolicyError(`${this.describe(id)}: policy '${this.policy.name}' picked ${what}`);
  }

  /** release() answered something other than a task the policy holds, or -1. */
  private badRelease(a: number, next: unknown): never {
    throw new PolicyError(
      `policy '${this.policy.name}': release(agent ${a}) returned ${returnedText(next)}, which is neither the id ` +
        'of a task the policy holds (route() answered HOLD for it, release() has not returned it yet) nor -1 (none)',
    );
  }

  private describe(id: number): string {
    const t = this.tasks;
    const c = this.options.classes[t.cls[id]!]!;
    // The id is what the policy saw (task.id, a table slot reused once a task is done); the
    // arrival number tells the task apart over the whole run.
    return `task id ${id} (arrival #${t.seq[id]}, class '${c.name}', arrived at ${t.arrival[id]!.toFixed(6)} s)`;
  }
}
