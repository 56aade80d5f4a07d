// A binary min-heap of events over parallel typed arrays. Entries are ordered by
// (time, sequence number): simultaneous events pop in the order they were scheduled,
// never by object identity or floating-point accident. No allocation per event. An event's kind
// (3 bits) and reference (a task id) share one integer, so a sift moves three arrays, not four.
// One event may wait outside the heap, in a side slot: the next arrival. Arrivals come from a
// sorted stream, so at most one is ever pending; keeping it out of the heap saves a sift up and a
// sift down per task. It takes a sequence number like any push, so the order is unchanged.

import { ZERO } from './double-zero.js';

export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private tags: Int32Array;
  private count = 0;
  private nextSeq = 0;
  /** The side slot; time +Infinity when empty. */
  private sideTime = Number.POSITIVE_INFINITY;
  private sideSeq = 0;
  private sideTag = 0;

  /** Fields of the event last returned by pop(). */
  time = ZERO;
  kind = 0;
  ref = 0;

  constructor(initialCapacity = 64) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.tags = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count + (this.sideTime === Number.POSITIVE_INFINITY ? 0 : 1);
  }

  /**
   * Schedules an event in the side slot, which must be empty: for a stream whose events are
   * scheduled one at a time (the next arrival). A finite `time` only (+Infinity marks the slot
   * empty).
   */
  pushSide(time: number, kind: number, ref: number): void {
    if (this.sideTime !== Number.POSITIVE_INFINITY || !(time < Number.POSITIVE_INFINITY)) this.badSide(time);
    this.sideTime = time;
    this.sideSeq = this.nextSeq++;
    this.sideTag = (ref << 3) | kind;
  }

  private badSide(time: number): never {
    throw new Error(
      this.sideTime !== Number.POSITIVE_INFINITY
        ? 'EventQueue: the side slot is taken'
        : `EventQueue: the side slot takes finite times, not ${time}`,
    );
  }

  /** `kind` in 0..7, `ref` in 0..2^28 - 1. */
  push(time: number, kind: number, ref: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const tag = (ref << 3) | kind;
    const times = this.times;
    const seqs = this.seqs;
    const tags = this.tags;
    let i = this.count++;
    // Sift up: move parents down until the new entry's place is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      tags[i] = tags[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    tags[i] = tag;
  }

  /** Removes the earliest event and exposes it through `time`, `kind` and `ref`. */
  pop(): boolean {
    const times = this.times;
    const seqs = this.seqs;
    const side = this.sideTime;
    if (
      side !== Number.POSITIVE_INFINITY &&
      (this.count === 0 || side < times[0]! || (side === times[0]! && this.sideSeq < seqs[0]!))
    ) {
      this.time = side;
      this.sideTime = Number.POSITIVE_INFINITY;
      const tag = this.sideTag;
      this.kind = tag & 7;
      this.ref = tag >> 3;
      return true;
    }
    if (this.count === 0) return false;
    const tags = this.tags;
    this.time = times[0]!;
    const top = tags[0]!;
    this.kind = top & 7;
    this.ref = top >> 3;
    const n = --this.count;
    if (n === 0) return true;
    const t = times[n]!;
    const s = seqs[n]!;
    const g = tags[n]!;
    let i = 0;
    // Sift down the former last entry from the root.
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const c2 = c + 1;
      if (c2 < n && (times[c2]! < times[c]! || (times[c2] === times[c] && seqs[c2]! < seqs[c]!))) c = c2;
      const ct = times[c]!;
      if (t < ct || (t === ct && s < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      tags[i] = tags[c]!;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    tags[i] = g;
    return true;
  }

  peekTime(): number {
    const heap = this.count === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
    return Math.min(this.sideTime, heap);
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    const tags = new Int32Array(cap);
    times.set(this.times);
    seqs.set(this.seqs);
    tags.set(this.tags);
    this.times = times;
    this.seqs = seqs;
    this.tags = tags;
  }
}
