import { describe, expect, it } from 'vitest';
import { nextReplications, precisionStatus, runInRounds } from '../../src/runner/auto-replications.js';
import { runComparison } from '../../src/runner/compare.js';
import { type Executor, executeInProcess } from '../../src/runner/executor.js';
import { smallScenario } from './small-scenario.js';

describe('precisionStatus(values, precision)', () => {
  it('compares the 95% half-width with precision × mean and estimates the replications needed', () => {
    // [1..5]: mean 3, h = 2.776445·1.581139/√5 = 1.963243, h/mean = 0.654414.
    // precision 0.5: not met; n·(0.654414/0.5)² = 5·1.713033 = 8.57, so 9 replications.
    expect(precisionStatus([1, 2, 3, 4, 5], 0.5)).toEqual({ replicationsTarget: 9, precisionMet: false });
    // precision 0.7: met; 5·(0.654414/0.7)² = 4.37, so 5.
    expect(precisionStatus([1, 2, 3, 4, 5], 0.7)).toEqual({ replicationsTarget: 5, precisionMet: true });
  });

  it('never meets the target with one value or a missing one', () => {
    expect(precisionStatus([3], 0.5).precisionMet).toBe(false);
    expect(precisionStatus([1, Number.NaN, 2], 0.5).precisionMet).toBe(false);
  });
});

describe('nextReplications(n, statuses, max)', () => {
  const unmet = (replicationsTarget: number) => ({ replicationsTarget, precisionMet: false });
  it('stops when every policy meets the target or at the cap', () => {
    expect(nextReplications(10, [{ replicationsTarget: 8, precisionMet: true }], 100)).toBe(10);
    expect(nextReplications(100, [unmet(400)], 100)).toBe(100);
  });
  it('stops when no estimate asks for more (the mean cannot be measured)', () => {
    expect(nextReplications(10, [precisionStatus(Array(10).fill(Number.NaN), 0.05)], 100)).toBe(10);
    expect(nextReplications(1, [precisionStatus([2], 0.05)], 100)).toBe(2);
  });
  it('goes to the largest target, at least n + 2, at most 2n and the cap', () => {
    expect(nextReplications(10, [unmet(14), unmet(17)], 100)).toBe(17);
    expect(nextReplications(10, [unmet(11)], 100)).toBe(12);
    expect(nextReplications(10, [unmet(400)], 100)).toBe(20);
    expect(nextReplications(20, [unmet(25)], 22)).toBe(22);
  });
});

describe('runInRounds with replications: auto', () => {
  it('stops after the first round when the precision is met', async () => {
    const s = smallScenario(['replications=auto', 'precision=0.5']);
    const [g] = await runInRounds([[s]], executeInProcess);
    expect(g!.replications).toBe(10);
    expect(g!.precision![0]!.precisionMet).toBe(true);
  });

  it('adds rounds for every policy up to maxReplications, and reports the target it missed', async () => {
    const s = smallScenario([
      'replications=auto',
      'precision=0.001',
      'maxReplications=13',
      'stop.completed=1000',
    ]);
    const rounds: number[] = [];
    const counting: Executor = (tasks, o) => {
      rounds.push(tasks.length);
      return executeInProcess(tasks, o);
    };
    const c = await runComparison(s, ['jsq', 'random'], counting);
    // 10 replications × 2 policies, then 3 more each.
    expect(rounds).toEqual([20, 6]);
    expect(c.replications).toBe(13);
    for (const run of c.runs) {
      expect(run.replications).toBe(13);
      expect(run.precisionMet).toBe(false);
      expect(run.replicationsTarget).toBeGreaterThan(13);
    }
    // Rounds never change a replication: the same figures as 13 fixed replications.
    const fixed = await runComparison({ ...s, replications: 13 }, ['jsq', 'random'], executeInProcess);
    expect(c.runs.map((r) => r.replicationResults)).toEqual(fixed.runs.map((r) => r.replicationResults));
    expect(fixed.runs[0]!.precisionMet).toBeUndefined();
  });

  it('marks the total as a lower bound while a round may follow, and only then', async () => {
    const totals = async (overrides: string[]) => {
      const seen = new Set<string>();
      await runInRounds([[smallScenario(overrides)]], executeInProcess, {
        onProgress: (p) => seen.add(`${p.total}${p.more === true ? '+' : ''}`),
      });
      return [...seen];
    };
    // 10, then 3 more up to the cap of 13: the last round cannot be followed by another.
    expect(
      await totals(['replications=auto', 'precision=0.001', 'maxReplications=13', 'stop.completed=1000']),
    ).toEqual(['10+', '13']);
    expect(await totals(['replications=3', 'stop.completed=1000'])).toEqual(['3']);
  });
});
