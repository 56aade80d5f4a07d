// A binary min-heap of events over parallel typed arrays. Entries are ordered by
// (time, sequence number): simultaneous events pop in the order they were scheduled,
// never by object identity or floating-point accident. No allocation per event.

export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private refs: Int32Array;
  private count = 0;
  private nextSeq = 0;

  /** Fields of the event last returned by pop(). */
  time = 0;
  kind = 0;
  ref = 0;

  constructor(initialCapacity = 64) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.refs = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  push(time: number, kind: number, ref: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const refs = this.refs;
    let i = this.count++;
    // Sift up: move parents down until the new entry's place is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      kinds[i] = kinds[p]!;
      refs[i] = refs[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    refs[i] = ref;
  }

  /** Removes the earliest event and exposes it through `time`, `kind` and `ref`. */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const refs = this.refs;
    this.time = times[0]!;
    this.kind = kinds[0]!;
    this.ref = refs[0]!;
    const n = --this.count;
    if (n === 0) return true;
    const t = times[n]!;
    const s = seqs[n]!;
    const k = kinds[n]!;
    const r = refs[n]!;
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
      kinds[i] = kinds[c]!;
      refs[i] = refs[c]!;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    refs[i] = r;
    return true;
  }

  peekTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    const kinds = new Uint8Array(cap);
    const refs = new Int32Array(cap);
    times.set(this.times);
    seqs.set(this.seqs);
    kinds.set(this.kinds);
    refs.set(this.refs);
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.refs = refs;
  }
}
