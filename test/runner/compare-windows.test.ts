// With warmup: auto every run is cut at its own point, so totals over the window (rejected, cost)
// count different windows: they are left out of best and paired; with a fixed warm-up they are in.
import { describe, expect, it } from 'vitest';
import { WINDOW_TOTALS } from '../../src/metrics/window-totals.js';
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
    const compared = new Set(c.paired.map((p) => p.metric));
    for (const total of WINDOW_TOTALS) {
      expect(compared.has(total)).toBe(false);
      expect(Object.keys(c.best)).not.toContain(total);
    }
    expect(compared).toEqual(
      new Set(Object.keys(COMPARED_METRICS).filter((m) => !WINDOW_TOTALS.includes(m))),
    );
  });
});
