import { describe, expect, it } from 'vitest';
import type { Executor } from '../../src/runner/executor.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { checkAxesAgainstPolicies, runSweep } from '../../src/runner/sweep.js';
import { smallScenario } from './small-scenario.js';

describe('checkAxesAgainstPolicies(entries, axes)', () => {
  const d = [{ path: 'routing.d', values: [1, 2] }];

  it('refuses a routing axis over a parameter a --policies entry fixes, naming both flags', () => {
    expect(() => checkAxesAgainstPolicies(['jsq', 'power-of-d:d=3'], d)).toThrow(
      '--vary routing.d: power-of-d:d=3 in --policies fixes d; vary it or fix it in --policies, not both',
    );
    expect(() =>
      checkAxesAgainstPolicies(['power-of-d:mode=weighted:d=2'], [{ path: 'routing.d', values: [1] }]),
    ).toThrow('power-of-d:mode=weighted:d=2 in --policies fixes d');
  });

  it('lets an axis vary a parameter the entries leave open, and ignores other axes', () => {
    expect(() => checkAxesAgainstPolicies(['power-of-d', 'power-of-d:mode=weighted'], d)).not.toThrow();
    expect(() =>
      checkAxesAgainstPolicies(['power-of-d:d=3'], [{ path: 'workload.arrivals.rate', values: [1] }]),
    ).not.toThrow();
    // A scenario path that merely contains the name is not the parameter.
    expect(() =>
      checkAxesAgainstPolicies(['power-of-d:d=3'], [{ path: 'routing.dispatchers', values: [1] }]),
    ).not.toThrow();
  });
});

describe('runSweep', () => {
  it('refuses the conflict before any run', async () => {
    let asked = 0;
    const execute: Executor = (tasks, options) => {
      asked += tasks.length;
      return executeInProcess(tasks, options);
    };
    const base = smallScenario(['replications=1', 'stop.completed=200', 'warmup.completed=20']);
    await expect(
      runSweep(base, ['power-of-d:d=3'], [{ path: 'routing.d', values: [1, 2] }], execute),
    ).rejects.toThrow('--vary routing.d: power-of-d:d=3 in --policies fixes d');
    expect(asked).toBe(0);
    // Without the parameter in the entry, the axis sets it at each point, and the runs say so.
    const swept = await runSweep(base, ['power-of-d'], [{ path: 'routing.d', values: [1, 2] }], execute);
    expect(swept.policies).toEqual(['power-of-d']);
    expect(swept.points.map((p) => p.runs[0]!.policy.params.d)).toEqual([1, 2]);
    expect(asked).toBe(2);
  });
});
