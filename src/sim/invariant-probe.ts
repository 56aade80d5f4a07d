// Watches every lifecycle step of every task in a run and records each broken invariant:
// each task arrives once and then is rejected once, or starts once and completes once; no agent
// serves more tasks than its slots; a task only starts at an agent with its skill that the rules
// allow; no class has more tasks in service than its limit; with FIFO queueing, each agent starts
// its tasks in arrival order.
import type { CompiledScenario } from './compile.js';
import type { Probe } from './probe.js';

const ARRIVED = 1;
const STARTED = 2;
const DONE = 3;
const REJECTED = 4;

export class InvariantProbe implements Probe {
  readonly violations: string[] = [];
  arrivedCount = 0;
  completedCount = 0;
  rejectedCount = 0;
  private readonly state = new Map<number, number>();
  private readonly cls = new Map<number, number>();
  private readonly busy: Int32Array;
  private readonly lastSeqAt: Float64Array;
  private readonly inService: Int32Array;

  constructor(
    private readonly compiled: CompiledScenario,
    private readonly fifo: boolean,
  ) {
    this.busy = new Int32Array(compiled.agents.length);
    this.lastSeqAt = new Float64Array(compiled.agents.length).fill(-1);
    this.inService = new Int32Array(compiled.classes.length);
  }

  private fail(message: string): void {
    if (this.violations.length < 20) this.violations.push(message);
  }

  arrived(seq: number, cls: number): void {
    if (this.state.has(seq)) this.fail(`task ${seq} arrived twice`);
    this.state.set(seq, ARRIVED);
    this.cls.set(seq, cls);
    this.arrivedCount++;
  }

  started(seq: number, agent: number): void {
    if (this.state.get(seq) !== ARRIVED) this.fail(`task ${seq} started in state ${this.state.get(seq)}`);
    this.state.set(seq, STARTED);
    const spec = this.compiled.agents[agent];
    if (spec === undefined) {
      this.fail(`task ${seq} started at unknown agent ${agent}`);
      return;
    }
    const cls = this.cls.get(seq)!;
    const c = this.compiled.classes[cls]!;
    if (!spec.skills.includes(c.skill))
      this.fail(`task ${seq} started at agent ${agent} without skill ${c.skill}`);
    else if (!c.eligible.includes(agent))
      this.fail(`task ${seq} started at agent ${agent}, which the rules exclude for class ${c.name}`);
    if (++this.inService[cls]! > c.maxDispatched)
      this.fail(
        `class ${c.name} has ${this.inService[cls]} tasks in service, over its limit of ${c.maxDispatched}`,
      );
    if (++this.busy[agent]! > spec.slots)
      this.fail(`agent ${agent} serves ${this.busy[agent]} > ${spec.slots} slots`);
    if (this.fifo && seq < this.lastSeqAt[agent]!)
      this.fail(`agent ${agent} started task ${seq} after later task ${this.lastSeqAt[agent]} (FIFO)`);
    this.lastSeqAt[agent] = seq;
  }

  completed(seq: number, agent: number): void {
    if (this.state.get(seq) !== STARTED) this.fail(`task ${seq} completed in state ${this.state.get(seq)}`);
    this.state.set(seq, DONE);
    this.busy[agent]!--;
    this.inService[this.cls.get(seq)!]!--;
    this.completedCount++;
  }

  rejected(seq: number): void {
    if (this.state.get(seq) !== ARRIVED) this.fail(`task ${seq} rejected in state ${this.state.get(seq)}`);
    this.state.set(seq, REJECTED);
    this.rejectedCount++;
  }

  /** After a drained run every task must have finished: completed or rejected. */
  checkDrained(): void {
    for (const [seq, s] of this.state) {
      if (s !== DONE && s !== REJECTED) {
        this.fail(`task ${seq} was lost: it arrived but never completed nor was rejected`);
        return;
      }
    }
  }
}
