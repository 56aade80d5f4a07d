import { describe, expect, it } from 'vitest';
import { formatSweep } from '../../src/cli/format-sweep.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { runSweep } from '../../src/runner/sweep.js';
import { smallScenario } from '../runner/small-scenario.js';

describe('formatSweep', () => {
  it('gives each row its replications when they differ from point to point (replications: auto), else none', async () => {
    const axes = [{ path: 'workload.arrivals.rate', values: [1, 2] }];
    const swept = await runSweep(smallScenario(['replications=2']), ['jsq'], axes, executeInProcess);
    const same = formatSweep(swept).split('\n');
    expect(same[0]).toContain('· 2 replications ·');
    expect(same[2]).not.toContain('replications');
    // As replications: auto leaves them: one point stopped at 2, the other ran to 5.
    const auto = {
      ...swept,
      points: swept.points.map((p, i) => (i === 1 ? { ...p, replications: 5 } : p)),
    };
    const lines = formatSweep(auto).split('\n');
    expect(lines[0]).toContain('· 2–5 replications ·');
    expect(lines[2]).toMatch(/^workload\.arrivals\.rate {2}replications +jsq p99 \(s\)/);
    expect(lines[4]).toMatch(/^1 +2 +\d/);
    expect(lines[5]).toMatch(/^2 +5 +\d/);
  });

  it('says in its first line that replications: auto ran them, and whether the precision was reached', async () => {
    const axes = [{ path: 'workload.arrivals.rate', values: [1, 2] }];
    const swept = await runSweep(
      smallScenario(['replications=auto', 'precision=0.01', 'maxReplications=3']),
      ['jsq'],
      axes,
      executeInProcess,
    );
    expect(formatSweep(swept).split('\n')[0]).toContain(' · 3 replications (auto: ±1% not reached) · ');
  });
});
