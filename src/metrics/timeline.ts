// Figures over virtual time in a bounded number of buckets: when the run outgrows them, adjacent
// buckets merge and the bucket width doubles, so memory stays fixed however long the run is.
// Per bucket: time-averaged tasks in system and waiting, fleet utilization, completions, and
// (optionally) each agent's utilization for heatmaps.

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
  private end: number;
  private readonly inSystem: number[] = [];
  private readonly inQueue: number[] = [];
  private readonly util: number[] = [];
  private readonly done: number[] = [];
  private readonly agents: number[][] | undefined;
  // Areas accumulated in the current bucket.
  private sysArea = 0;
  private busyArea = 0;
  private doneCount = 0;
  private last = 0;
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
      this.agents = Array.from({ length: n }, () => []);
      this.agentArea = new Float64Array(n);
      this.agentLast = new Float64Array(n);
      this.agentBusy = new Int32Array(n);
    }
  }

  /**
   * Time moves to `now` with `inSystem` tasks present and `busy` slots in use since the last
   * call. Called before the counts change.
   */
  advance(now: number, inSystem: number, busy: number): void {
    while (now >= this.end) {
      const dt = this.end - this.last;
      this.sysArea += dt * inSystem;
      this.busyArea += dt * busy;
      this.last = this.end;
      this.closeBucket();
    }
    const dt = now - this.last;
    this.sysArea += dt * inSystem;
    this.busyArea += dt * busy;
    this.last = now;
  }

  completed(): void {
    this.doneCount++;
  }

  /** Agent `a`'s busy slots change by `delta` at `now` (after advance(now)). */
  agentChange(a: number, now: number, delta: number): void {
    const busy = this.agentBusy;
    if (busy === undefined) return;
    this.agentArea![a]! += (now - this.agentLast![a]!) * busy[a]!;
    this.agentLast![a] = now;
    busy[a]! += delta;
  }

  private closeBucket(): void {
    const w = this.width;
    this.inSystem.push(this.sysArea / w);
    this.inQueue.push((this.sysArea - this.busyArea) / w);
    this.util.push(this.busyArea / (w * this.totalSlots));
    this.done.push(this.doneCount);
    this.sysArea = 0;
    this.busyArea = 0;
    this.doneCount = 0;
    if (this.agents !== undefined) {
      const end = this.end;
      for (let a = 0; a < this.agents.length; a++) {
        this.agentArea![a]! += (end - this.agentLast![a]!) * this.agentBusy![a]!;
        this.agentLast![a] = end;
        this.agents[a]!.push(this.agentArea![a]! / (w * this.agentSlots![a]!));
        this.agentArea![a] = 0;
      }
    }
    this.end += w;
    if (this.inSystem.length === MAX_BUCKETS) this.merge();
  }

  /** Halves the number of buckets: each pair becomes one bucket twice as wide. */
  private merge(): void {
    const halve = (xs: number[], sum: boolean) => {
      const out: number[] = [];
      for (let i = 0; i + 1 < xs.length; i += 2) out.push(sum ? xs[i]! + xs[i + 1]! : (xs[i]! + xs[i + 1]!) / 2);
      xs.length = 0;
      xs.push(...out);
    };
    halve(this.inSystem, false);
    halve(this.inQueue, false);
    halve(this.util, false);
    halve(this.done, true);
    if (this.agents !== undefined) for (const series of this.agents) halve(series, false);
    this.width *= 2;
    // The open bucket keeps accumulating; it now ends one (doubled) width after the last closed one.
    this.end = this.inSystem.length * this.width + this.width;
  }

  /** The closed buckets, plus the open one up to `now` (scaled to its observed span). */
  finish(now: number, inSystem: number, busy: number): TimelineData {
    this.advance(now, inSystem, busy);
    const start = this.end - this.width;
    const span = now - start;
    const out: TimelineData = {
      bucketSeconds: this.width,
      numberInSystem: [...this.inSystem],
      numberInQueue: [...this.inQueue],
      utilization: [...this.util],
      completed: [...this.done],
      ...(this.agents === undefined ? {} : { agentUtilization: this.agents.map((s) => [...s]) }),
    };
    if (span > 0) {
      out.numberInSystem.push(this.sysArea / span);
      out.numberInQueue.push((this.sysArea - this.busyArea) / span);
      out.utilization.push(this.busyArea / (span * this.totalSlots));
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
