import { describe, expect, it } from 'vitest';
import { BatchSeries } from '../../src/metrics/batch-series.js';
import { Timeline } from '../../src/metrics/timeline.js';

/** Drives a Timeline the way the run recorder does: cumulative areas, rolled before each change. */
class Driver {
  inSystem = 0;
  busy = 0;
  sysArea = 0;
  busyArea = 0;
  last = 0;
  constructor(readonly t: Timeline) {}
  /** At `now`, the counts become (inSystem, busy). */
  set(now: number, inSystem: number, busy: number): void {
    if (now >= this.t.end) this.t.roll(now, this.last, this.sysArea, this.busyArea, this.inSystem, this.busy);
    this.sysArea += (now - this.last) * this.inSystem;
    this.busyArea += (now - this.last) * this.busy;
    this.last = now;
    this.inSystem = inSystem;
    this.busy = busy;
  }
  finish(now: number) {
    this.set(now, this.inSystem, this.busy);
    return this.t.finish(now, this.sysArea, this.busyArea);
  }
}

describe('Timeline', () => {
  it('averages a piecewise-constant count per bucket', () => {
    const d = new Driver(new Timeline(1, 2, undefined));
    // 1 task in service from 0 to 1.5, then 2 tasks (one waiting) until 3.
    d.set(0, 1, 1);
    d.set(1.5, 2, 1);
    const out = d.finish(3);
    expect(out.bucketSeconds).toBe(1);
    expect(out.numberInSystem).toEqual([1, 1.5, 2]);
    expect(out.numberInQueue).toEqual([0, 0.5, 1]);
    expect(out.utilization).toEqual([0.5, 0.5, 0.5]);
  });

  it('merges buckets when the run outgrows them, keeping at most 128 and every completion', () => {
    const t = new Timeline(1, 1, Int32Array.of(1));
    const d = new Driver(t);
    let busy = 0;
    for (let s = 0; s < 1000; s++) {
      busy = 1 - busy;
      d.set(s, busy, busy);
      t.agentChange(0, s, busy === 1 ? 1 : -1);
      t.completed();
    }
    const out = d.finish(1000);
    expect(out.numberInSystem.length).toBeLessThanOrEqual(129);
    expect(out.bucketSeconds).toBe(8);
    expect(out.completed.reduce((a, b) => a + b, 0)).toBe(1000);
    // Busy every other second: half utilization everywhere, fleet and agent alike.
    for (const u of out.utilization) expect(u).toBeCloseTo(0.5, 10);
    for (const u of out.agentUtilization![0]!) expect(u).toBeCloseTo(0.5, 10);
  });
});

describe('BatchSeries', () => {
  it('keeps means of 5 and doubles the batch when full', () => {
    const s = new BatchSeries(5, 4);
    for (let i = 0; i < 20; i++) s.add(i);
    // Batches of 5: means 2, 7, 12, 17 -> full -> merged to 4.5, 14.5 with batch 10.
    expect(s.data()).toEqual({ batchSize: 10, means: [4.5, 14.5] });
  });
});

describe('Timeline at its bound', () => {
  it('a run of exactly 128 initial buckets keeps all 128 (merging waits for a 129th)', () => {
    const d = new Driver(new Timeline(1, 1, undefined));
    d.set(0, 1, 1);
    const out = d.finish(128);
    expect(out.bucketSeconds).toBe(1);
    expect(out.utilization).toHaveLength(128);
  });
});
