import { describe, expect, it } from 'vitest';
import { symlogTicks, timelineRows, timelineSpec } from '../../../src/report/specs/timeline.js';
import { compileWarnings } from '../support/compile-clean.js';
import { compareResult } from '../support/results.js';

describe('timelineSpec(runs)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(timelineSpec((await compareResult()).runs))).toEqual([]);
  });

  it('timelineRows(runs) takes replication 0: one row per bucket, at its midpoint, and the warm-up end', async () => {
    const runs = (await compareResult()).runs;
    const { rows, warmup } = timelineRows(runs);
    const tl = runs[0]!.replicationResults[0]!.timeline;
    const mine = rows.filter((r) => r.policy === runs[0]!.policy.label);
    expect(mine).toHaveLength(tl.numberInQueue.length);
    expect(mine[1]!.t).toBeCloseTo(1.5 * tl.bucketSeconds, 2);
    // The last bucket ends with the run: its midpoint is inside it, not half a full width on.
    const last = mine.length - 1;
    const end = runs[0]!.replicationResults[0]!.endSeconds;
    expect(end).toBeLessThan((last + 1) * tl.bucketSeconds);
    // Rounded to 4 significant digits, as every t.
    const mid = (last * tl.bucketSeconds + end) / 2;
    expect(Math.abs(mine[last]!.t - mid) / mid).toBeLessThan(5e-4);
    expect(Math.abs(mine[last]!.t - (last + 0.5) * tl.bucketSeconds) / mid).toBeGreaterThan(5e-4);
    expect(warmup.find((w) => w.policy === runs[0]!.policy.label)!.t).toBe(
      runs[0]!.replicationResults[0]!.warmupEndSeconds,
    );
  });

  it('symlogTicks(max) gives 0, 1, 3, 10, 30, ... up to max', () => {
    expect(symlogTicks(70_000)).toEqual([0, 1, 3, 10, 30, 100, 300, 1000, 3000, 10_000, 30_000]);
    expect(symlogTicks(2)).toEqual([0, 0.5, 1, 2]);
  });
});
