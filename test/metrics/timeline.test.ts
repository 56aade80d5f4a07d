import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/metrics/timeline.js';
import { BatchSeries } from '../../src/metrics/batch-series.js';

describe('Timeline', () => {
  it('averages a piecewise-constant count per bucket', () => {
    const t = new Timeline(1, 2, undefined);
    // 1 task from 0 to 1.5 (in service), then 2 tasks (one waiting) until 3.
    t.advance(1.5, 1, 1);
    t.advance(3, 2, 1);
    const d = t.finish(3, 0, 0);
    expect(d.bucketSeconds).toBe(1);
    expect(d.numberInSystem).toEqual([1, 1.5, 2]);
    expect(d.numberInQueue).toEqual([0, 0.5, 1]);
    expect(d.utilization).toEqual([0.5, 0.5, 0.5]);
  });

  it('merges buckets when the run outgrows them, keeping at most 128 and every completion', () => {
    const t = new Timeline(1, 1, Int32Array.of(1));
    let busy = 0;
    for (let s = 0; s < 1000; s++) {
      t.advance(s, busy, busy);
      t.agentChange(0, s, busy === 0 ? 1 : -1);
      busy = 1 - busy;
      t.completed();
    }
    const d = t.finish(1000, busy, busy);
    expect(d.numberInSystem.length).toBeLessThanOrEqual(129);
    expect(d.bucketSeconds).toBe(8);
    expect(d.completed.reduce((a, b) => a + b, 0)).toBe(1000);
    // Busy every other second: half utilization everywhere, fleet and agent alike.
    for (const u of d.utilization) expect(u).toBeCloseTo(0.5, 10);
    for (const u of d.agentUtilization![0]!) expect(u).toBeCloseTo(0.5, 10);
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
