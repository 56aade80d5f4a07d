import { describe, expect, it } from 'vitest';
import { agentHeatmapSpec, agentNames, agentSeries } from '../../../src/report/specs/agent-heatmap.js';
import { compileWarnings } from '../support/compile-clean.js';
import { compareResult } from '../support/results.js';

describe('agentHeatmapSpec(runs, first)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(agentHeatmapSpec((await compareResult()).runs, 'jsq'))).toEqual([]);
  });

  it('shows the given policy first in its drop-down', async () => {
    const spec = agentHeatmapSpec((await compareResult()).runs, 'jsq') as { params: { value: string }[] };
    expect(spec.params[0]!.value).toBe('jsq');
  });

  it('agentSeries(runs) gives every agent of every policy its utilization series, named by group', async () => {
    const runs = (await compareResult()).runs;
    const series = agentSeries(runs);
    expect(series).toHaveLength(runs.length * 6);
    expect(series.slice(0, 6).map((s) => s.agent)).toEqual([
      'fast 1',
      'fast 2',
      'slow 1',
      'slow 2',
      'slow 3',
      'slow 4',
    ]);
    for (const s of series) for (const u of s.u) if (u !== null) expect(u).toBeGreaterThanOrEqual(0);
  });

  it('agentNames(groups) uses the bare name for a group of one', () => {
    const g = (name: string, count: number) => ({ name, count }) as Parameters<typeof agentNames>[0][number];
    expect(agentNames([g('boss', 1), g('w', 2)])).toEqual(['boss', 'w 1', 'w 2']);
  });
});
