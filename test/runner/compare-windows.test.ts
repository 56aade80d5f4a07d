// With warmup: auto every run is cut at its own point, and with a warm-up and a stop of different
// kinds (completed tasks, virtual time) each run's window starts or ends at a time of its own, so
// totals over the window (rejected, cost) count different windows: they are left out of best and
// paired. With a warm-up and a stop of the same kind they are in.
import { describe, expect, it } from 'vitest';
import { ownWindows, WINDOW_TOTALS } from '../../src/metrics/window-totals.js';
import { COMPARED_METRICS, runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { smallScenario } from './small-scenario.js';

const FAST = [
  'replications=3',
  'stop.completed=2000',
  'agents.0.cost.perUnit=1',
  'workload.arrivals.rate=3.6',
];
const POLICIES = ['jsq', 'random', 'round-robin'];

/** Asserts the comparison ranks every compared metric but the window totals. */
function expectTotalsLeftOut(c: Awaited<ReturnType<typeof runComparison>>): void {
  const compared = new Set(c.paired.map((p) => p.metric));
  for (const total of WINDOW_TOTALS) {
    expect(compared.has(total)).toBe(false);
    expect(Object.keys(c.best)).not.toContain(total);
  }
  expect(compared).toEqual(new Set(Object.keys(COMPARED_METRICS).filter((m) => !WINDOW_TOTALS.includes(m))));
}

/** The observed seconds of every replication of every run (the windows' lengths). */
const windowSeconds = (c: Awaited<ReturnType<typeof runComparison>>) =>
  c.runs.flatMap((r) => r.replicationResults.map((x) => x.metrics.completed / x.metrics.throughput));

describe('which metrics a comparison compares', () => {
  it('with a fixed warm-up: the totals too (cost here; nothing is rejected, so rejected ties)', async () => {
    const c = await runComparison(
      smallScenario([...FAST, 'warmup.completed=200']),
      POLICIES,
      executeInProcess,
    );
    expect(new Set(c.paired.map((p) => p.metric))).toEqual(
      new Set(Object.keys(COMPARED_METRICS).filter((m) => m !== 'rejected')),
    );
    expect(Object.keys(c.best)).toContain('cost');
  });

  it('with warmup: auto: not the window totals, whose windows differ from run to run', async () => {
    const c = await runComparison(smallScenario([...FAST, 'warmup=auto']), POLICIES, executeInProcess);
    // The windows do differ: the cuts are not all the same.
    const observed = c.runs.flatMap((r) => r.replicationResults.map((x) => x.metrics.completed));
    expect(new Set(observed).size).toBeGreaterThan(1);
    expectTotalsLeftOut(c);
  });

  it('with a warm-up of completed tasks and a stop by time: not the totals, the windows differ in length', async () => {
    const c = await runComparison(
      smallScenario([...FAST, 'stop={time: 600}', 'warmup.completed=200']),
      POLICIES,
      executeInProcess,
    );
    expect(new Set(windowSeconds(c).map((s) => s.toFixed(6))).size).toBeGreaterThan(1);
    expectTotalsLeftOut(c);
  });

  it('with a warm-up by time and a stop of completed tasks: not the totals either', async () => {
    const c = await runComparison(smallScenario([...FAST, 'warmup={time: 50}']), POLICIES, executeInProcess);
    expect(new Set(windowSeconds(c).map((s) => s.toFixed(6))).size).toBeGreaterThan(1);
    expectTotalsLeftOut(c);
  });

  it('with a warm-up and a stop both by time: the totals, over one window length for every run', async () => {
    const c = await runComparison(
      smallScenario([...FAST, 'stop={time: 600}', 'warmup={time: 50}']),
      POLICIES,
      executeInProcess,
    );
    expect(Object.keys(c.best)).toContain('cost');
    expect(new Set(c.paired.map((p) => p.metric)).has('cost')).toBe(true);
  });
});

describe('ownWindows', () => {
  const count = { completed: 100 };
  const time = { time: 10 };
  it('names why the windows differ, or nothing when they match', () => {
    expect(ownWindows({ warmup: 'auto', stop: count })).toBe('auto');
    expect(ownWindows({ warmup: count, stop: time })).toBe('count-then-time');
    expect(ownWindows({ warmup: time, stop: count })).toBe('time-then-count');
    expect(ownWindows({ warmup: count, stop: count })).toBeUndefined();
    expect(ownWindows({ warmup: time, stop: time })).toBeUndefined();
    expect(ownWindows({ stop: count })).toBeUndefined();
    expect(ownWindows({ stop: time })).toBeUndefined();
  });
});
