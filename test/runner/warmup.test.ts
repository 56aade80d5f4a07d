import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/runner/run-scenario.js';
import { autoWarmup } from '../../src/runner/warmup.js';
import { smallScenario } from './small-scenario.js';

describe('autoWarmup(series)', () => {
  it('is d* batches of the series batch size', () => {
    // MSER on [10, 2, 1, 3, 2] drops one batch (see mser.test.ts); batches of 10 completions.
    expect(autoWarmup({ batchSize: 10, means: [10, 2, 1, 3, 2] })).toEqual({ completed: 10, atLimit: false });
    expect(autoWarmup(undefined)).toEqual({ completed: 0, atLimit: false });
    expect(autoWarmup({ batchSize: 5, means: [3] })).toEqual({ completed: 0, atLimit: false });
  });

  it('says when the cut is the largest allowed, half the series (the run may be too short)', () => {
    // MSER(3) = 0 on [100, 100, 100, 1, 1, 1]: 3 of 6 batches, the limit.
    expect(autoWarmup({ batchSize: 20, means: [100, 100, 100, 1, 1, 1] })).toEqual({
      completed: 60,
      atLimit: true,
    });
  });
});

describe('warmup: auto', () => {
  const auto = smallScenario(['warmup=auto']);

  it('reports where it cut, and its figures are those of a run with that warm-up given explicitly', () => {
    // Replication 1 of the fixture has an early excursion that MSER-5 cuts (415 completions).
    const r = runReplication(auto, 1);
    expect(r.warmupCut).toBeDefined();
    const cut = r.warmupCut!;
    expect(cut.completed).toBeGreaterThan(0);
    expect(cut.completed).toBeLessThanOrEqual(5000 / 2);
    expect(cut.seconds).toBe(r.warmupEndSeconds);
    expect(r.metrics.completed).toBe(5000 - cut.completed);
    // Same seeds, same trajectory: the second pass is an ordinary run with that warm-up.
    const fixed = runReplication({ ...auto, warmup: { completed: cut.completed } }, 1);
    expect(fixed.warmupCut).toBeUndefined();
    expect(fixed.metrics).toEqual(r.metrics);
    expect(fixed.decisionHash).toBe(r.decisionHash);
  });

  it('is deterministic, and a fixed warm-up reports no cut', () => {
    expect(runReplication(auto, 0)).toEqual(runReplication(auto, 0));
    expect(runReplication(smallScenario(), 0).warmupCut).toBeUndefined();
  });
});
