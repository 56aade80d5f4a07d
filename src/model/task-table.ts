// Tasks as a struct of typed arrays with a free list: no object per task, and memory bounded by
// the number of tasks in the system at once, not by the number that ever arrived. Optional fields
// start neutral (key -1, noise 1, no tokens, no prefix); a workload that never sets them never
// has to reset them.
import { InputError } from '../errors.js';

/** Tasks in the system at once, at most (about 700 MB of task fields): 2^22. */
export const MAX_LIVE_TASKS = 1 << 22;

/** What policies and queues may read about tasks. */
export interface TaskTableView {
  readonly arrival: Float64Array; // seconds
  readonly size: Float64Array; // work units
  readonly deadline: Float64Array; // absolute seconds; Infinity when none
  readonly seq: Float64Array; // arrival order, 0-based
  readonly cls: Int32Array; // task class index
  readonly priority: Int32Array; // lower is served first
  readonly key: Int32Array; // affinity key; -1 when none
  readonly agent: Int32Array; // agent serving or holding it; -1 when none
  readonly start: Float64Array; // start of service, seconds
  readonly dispatched: Float64Array; // when the core sent it to its agent, seconds
  readonly inputTokens: Float64Array; // LLM prompt tokens; 0 when none
  readonly outputTokens: Float64Array; // LLM generated tokens; 0 when none
  /** Prompt-prefix block ids (LLM tasks); undefined when none. */
  readonly prefix: readonly (Int32Array | undefined)[];
}

export class TaskTable implements TaskTableView {
  arrival: Float64Array;
  size: Float64Array;
  deadline: Float64Array;
  seq: Float64Array;
  cls: Int32Array;
  priority: Int32Array;
  key: Int32Array;
  agent: Int32Array;
  start: Float64Array;
  dispatched: Float64Array;
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  /** Service-time factor drawn at arrival (1 without service noise). */
  noise: Float64Array;
  /** Service seconds planned at dispatch (the engine's, for a start the rate limit delays). */
  service: Float64Array;
  prefix: (Int32Array | undefined)[];
  /**
   * 1 while the policy holds the task (route() answered HOLD and release() has not returned it):
   * what the core checks release()'s answer against. Set and cleared by the core only; a held
   * task leaves the table only through release(), so a freed row is always 0 and needs no reset.
   */
  held: Uint8Array;
  private free: Int32Array;
  private freeCount: number;
  private capacity: number;

  constructor(
    initialCapacity = 1024,
    private readonly maxLive = MAX_LIVE_TASKS,
  ) {
    this.capacity = initialCapacity;
    this.arrival = new Float64Array(initialCapacity);
    this.size = new Float64Array(initialCapacity);
    this.deadline = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.cls = new Int32Array(initialCapacity);
    this.priority = new Int32Array(initialCapacity);
    this.key = new Int32Array(initialCapacity).fill(-1);
    this.agent = new Int32Array(initialCapacity);
    this.start = new Float64Array(initialCapacity);
    this.dispatched = new Float64Array(initialCapacity);
    this.inputTokens = new Float64Array(initialCapacity);
    this.outputTokens = new Float64Array(initialCapacity);
    this.service = new Float64Array(initialCapacity);
    this.noise = new Float64Array(initialCapacity).fill(1);
    this.prefix = new Array<Int32Array | undefined>(initialCapacity).fill(undefined);
    this.held = new Uint8Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
    // Hand out low ids first so small runs are easy to read in a debugger.
    for (let i = 0; i < initialCapacity; i++) this.free[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
  }

  /** Number of ids currently in use. */
  get live(): number {
    return this.capacity - this.freeCount;
  }

  alloc(): number {
    if (this.freeCount === 0) this.grow();
    return this.free[--this.freeCount]!;
  }

  release(id: number): void {
    this.prefix[id] = undefined;
    this.free[this.freeCount++] = id;
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    // A run whose tasks pile up without end (an overloaded fleet; a policy that holds every task)
    // would otherwise grow until V8 aborts the whole process, workers and all.
    if (cap > this.maxLive)
      throw new InputError(
        `more than ${this.maxLive.toLocaleString('en-US')} tasks in the system at once: the fleet cannot keep up ` +
          'with the arrivals, or the policy holds or queues every task; lower the load, stop earlier, or check the policy',
      );
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.arrival = f64(this.arrival);
    this.size = f64(this.size);
    this.deadline = f64(this.deadline);
    this.seq = f64(this.seq);
    this.start = f64(this.start);
    this.dispatched = f64(this.dispatched);
    this.inputTokens = f64(this.inputTokens);
    this.outputTokens = f64(this.outputTokens);
    this.service = f64(this.service);
    this.noise = f64(this.noise);
    this.noise.fill(1, old);
    for (let i = old; i < cap; i++) this.prefix.push(undefined);
    this.cls = i32(this.cls);
    this.priority = i32(this.priority);
    this.key = i32(this.key);
    this.agent = i32(this.agent);
    this.key.fill(-1, old);
    const held = new Uint8Array(cap);
    held.set(this.held);
    this.held = held;
    const free = new Int32Array(cap);
    for (let i = 0; i < old; i++) free[i] = cap - 1 - i;
    this.free = free;
    this.freeCount = old;
    this.capacity = cap;
  }
}
