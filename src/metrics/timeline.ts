// Figures over virtual time in a bounded number of buckets: when the run outgrows them, adjacent
// buckets merge and the bucket width doubles, so memory stays fixed however long the run is.
// Per bucket: time-averaged tasks in system and waiting, fleet utilization, completions, and
// (optionally) each agent's utilization for heatmaps.

import { ZERO } from '../sim/double-zero.js';

export interface TimelineData {
  /** Width of every bucket in seconds; bucket i covers [i·width, (i+1)·width). */
  readonly bucketSeconds: number;
  readonly numberInSystem: number[];
  readonly numberInQueue: number[];
  readonly utilization: number[];
  readonly completed: number[];
  /** Per agent, utilization per bucket (only when recorded for this replication). */
  readonly agentUtilization?: number[][];
}

const MAX_BUCKETS = 128;

export class Timeline {
  private width: number;
  /** End of the open bucket: the recorder calls roll() once an event reaches it. */
  end: number;
  // The closed buckets, in typed arrays: each run's new `[]` held small integers until its first
  // fraction, and the optimized push that met that fraction deoptimized.
  private readonly inSystem = new Float64Array(MAX_BUCKETS);
  private readonly inQueue = new Float64Array(MAX_BUCKETS);
  private readonly util = new Float64Array(MAX_BUCKETS);
  private readonly done = new Float64Array(MAX_BUCKETS);
  private readonly agents: Float64Array[] | undefined;
  private closed = 0;
  // Cumulative areas (from time 0) at the start of the open bucket, and its completions.
  private sysAtStart = ZERO;
  private busyAtStart = ZERO;
  private doneCount = 0;
  private readonly agentArea: Float64Array | undefined;
  private readonly agentLast: Float64Array | undefined;
  private readonly agentBusy: Int32Array | undefined;

  constructor(
    initialBucketSeconds: number,
    private readonly totalSlots: number,
    private readonly agentSlots: Int32Array | undefined,
  ) {
    this.width = initialBucketSeconds;
    this.end = initialBucketSeconds;
    if (agentSlots !== undefined) {
      const n = agentSlots.length;
      this.agents = Array.from({ length: n }, () => new Float64Array(MAX_BUCKETS));
      this.agentArea = new Float64Array(n);
      this.agentLast = new Float64Array(n);
      this.agentBusy = new Int32Array(n);
    }
  }

  /** Whether agent utilization is recorded (so callers can skip agentChange). */
  get perAgent(): boolean {
    return this.agents !== undefined;
  }

  /**
   * Closes every bucket that ends at or before `now`. The caller's cumulative areas under the
   * number in system and busy slots were `sysArea` and `busyArea` at time `last`, with `inSystem`
   * and `busy` unchanged since, so the areas at any boundary in between follow exactly.
   */
  roll(now: number, last: number, sysArea: number, busyArea: number, inSystem: number, busy: number): void {
    while (now >= this.end) {
      const e = this.end;
      this.closeBucket(sysArea + (e - last) * inSystem, busyArea + (e - last) * busy);
    }
  }

  completed(): void {
    this.doneCount++;
  }

  /** Agent `a`'s busy slots change by `delta` at `now` (after roll(now)). */
  agentChange(a: number, now: number, delta: number): void {
    const busy = this.agentBusy!;
    this.agentArea![a]! += (now - this.agentLast![a]!) * busy[a]!;
    this.agentLast![a] = now;
    busy[a]! += delta;
  }

  private closeBucket(sysAtEnd: number, busyAtEnd: number): void {
    // Full: halve the closed buckets first; the open one then simply ends a (doubled) width later.
    if (this.closed === MAX_BUCKETS) {
      this.merge();
      return;
    }
    const i = this.closed++;
    const w = this.width;
    const sys = sysAtEnd - this.sysAtStart;
    const busy = busyAtEnd - this.busyAtStart;
    this.inSystem[i] = sys / w;
    this.inQueue[i] = (sys - busy) / w;
    this.util[i] = busy / (w * this.totalSlots);
    this.done[i] = this.doneCount;
    this.sysAtStart = sysAtEnd;
    this.busyAtStart = busyAtEnd;
    this.doneCount = 0;
    if (this.agents !== undefined) {
      const end = this.end;
      for (let a = 0; a < this.agents.length; a++) {
        this.agentArea![a]! += (end - this.agentLast![a]!) * this.agentBusy![a]!;
        this.agentLast![a] = end;
        this.agents[a]![i] = this.agentArea![a]! / (w * this.agentSlots![a]!);
        this.agentArea![a] = 0;
      }
    }
    this.end += w;
  }

  /** Halves the number of buckets: each pair becomes one bucket twice as wide. */
  private merge(): void {
    const pairs = this.closed >> 1;
    const halve = (xs: Float64Array, sum: boolean) => {
      for (let i = 0; i < pairs; i++) {
        const pair = xs[2 * i]! + xs[2 * i + 1]!;
        xs[i] = sum ? pair : pair / 2;
      }
    };
    halve(this.inSystem, false);
    halve(this.inQueue, false);
    halve(this.util, false);
    halve(this.done, true);
    if (this.agents !== undefined) for (const series of this.agents) halve(series, false);
    this.closed = pairs;
    this.width *= 2;
    // The open bucket keeps accumulating; it now ends one (doubled) width after the last closed one.
    this.end = pairs * this.width + this.width;
  }

  /** The closed buckets, plus the open one up to `now` (scaled to its observed span). */
  finish(now: number, sysArea: number, busyArea: number): TimelineData {
    const start = this.end - this.width;
    const span = now - start;
    const closed = (xs: Float64Array) => Array.from(xs.subarray(0, this.closed));
    const out: TimelineData = {
      bucketSeconds: this.width,
      numberInSystem: closed(this.inSystem),
      numberInQueue: closed(this.inQueue),
      utilization: closed(this.util),
      completed: closed(this.done),
      ...(this.agents === undefined ? {} : { agentUtilization: this.agents.map(closed) }),
    };
    if (span > 0) {
      const sys = sysArea - this.sysAtStart;
      const busy = busyArea - this.busyAtStart;
      out.numberInSystem.push(sys / span);
      out.numberInQueue.push((sys - busy) / span);
      out.utilization.push(busy / (span * this.totalSlots));
      out.completed.push(this.doneCount);
      if (out.agentUtilization !== undefined) {
        out.agentUtilization.forEach((series, a) => {
          const area = this.agentArea![a]! + (now - this.agentLast![a]!) * this.agentBusy![a]!;
          series.push(area / (span * this.agentSlots![a]!));
        });
      }
    }
    return out;
  }
}
