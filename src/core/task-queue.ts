// Waiting lines of task ids, one per queueing discipline:
//   fifo      arrival order (a ring buffer),
//   priority  lower `priority` first, FIFO within a priority (non-preemptive),
//   edf       earliest absolute deadline first, FIFO among equal deadlines.
// Every queue orders ties by the task's arrival sequence number, so order never depends on
// insertion accidents.
import type { TaskTableView } from '../model/task-table.js';
import type { Discipline } from '../workload/scenario-schema.js';

export interface TaskQueue {
  readonly length: number;
  push(task: number): void;
  /** Removes and returns the next task, or -1 when empty. */
  pop(): number;
  /** The next task without removing it, or -1 when empty. */
  peek(): number;
}

export class FifoQueue implements TaskQueue {
  private buf = new Int32Array(16);
  private head = 0;
  length = 0;

  push(task: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.length; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)]!;
      this.buf = next;
      this.head = 0;
    }
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = task;
    this.length++;
  }

  pop(): number {
    if (this.length === 0) return -1;
    const task = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return task;
  }

  peek(): number {
    return this.length === 0 ? -1 : this.buf[this.head]!;
  }
}

/** A min-heap of task ids ordered by (key(task), seq(task)). */
export class KeyedQueue implements TaskQueue {
  private ids = new Int32Array(16);
  private keys = new Float64Array(16);
  private seqs = new Float64Array(16);
  length = 0;

  constructor(
    private readonly tasks: TaskTableView,
    private readonly keyOf: (tasks: TaskTableView, id: number) => number,
  ) {}

  push(task: number): void {
    if (this.length === this.ids.length) this.grow();
    const key = this.keyOf(this.tasks, task);
    const seq = this.tasks.seq[task]!;
    let i = this.length++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = this.keys[p]!;
      if (pk < key || (pk === key && this.seqs[p]! < seq)) break;
      this.ids[i] = this.ids[p]!;
      this.keys[i] = pk;
      this.seqs[i] = this.seqs[p]!;
      i = p;
    }
    this.ids[i] = task;
    this.keys[i] = key;
    this.seqs[i] = seq;
  }

  pop(): number {
    if (this.length === 0) return -1;
    const top = this.ids[0]!;
    const n = --this.length;
    if (n > 0) {
      const id = this.ids[n]!;
      const key = this.keys[n]!;
      const seq = this.seqs[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const c2 = c + 1;
        if (
          c2 < n &&
          (this.keys[c2]! < this.keys[c]! || (this.keys[c2] === this.keys[c] && this.seqs[c2]! < this.seqs[c]!))
        )
          c = c2;
        const ck = this.keys[c]!;
        if (key < ck || (key === ck && seq < this.seqs[c]!)) break;
        this.ids[i] = this.ids[c]!;
        this.keys[i] = ck;
        this.seqs[i] = this.seqs[c]!;
        i = c;
      }
      this.ids[i] = id;
      this.keys[i] = key;
      this.seqs[i] = seq;
    }
    return top;
  }

  peek(): number {
    return this.length === 0 ? -1 : this.ids[0]!;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Int32Array(cap);
    const keys = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    ids.set(this.ids);
    keys.set(this.keys);
    seqs.set(this.seqs);
    this.ids = ids;
    this.keys = keys;
    this.seqs = seqs;
  }
}

const byPriority = (t: TaskTableView, id: number) => t.priority[id]!;
const byDeadline = (t: TaskTableView, id: number) => t.deadline[id]!;
const byArrival = (t: TaskTableView, id: number) => t.seq[id]!;

/** The sort key a discipline serves by; ties are broken by arrival sequence. */
export function disciplineKey(discipline: Discipline): (t: TaskTableView, id: number) => number {
  return discipline === 'priority' ? byPriority : discipline === 'edf' ? byDeadline : byArrival;
}

export function makeQueue(discipline: Discipline, tasks: TaskTableView): TaskQueue {
  return discipline === 'fifo' ? new FifoQueue() : new KeyedQueue(tasks, disciplineKey(discipline));
}
