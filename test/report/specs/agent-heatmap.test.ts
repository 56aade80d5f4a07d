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

  it('cells span their bucket, the last one ending with the run (drawn by vega)', async () => {
    const runs = (await compareResult()).runs;
    const spec = agentHeatmapSpec(runs, 'jsq');
    const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
    try {
      await view.runAsync();
      const cells = view.data('data_0') as { agent: string; from: number; to: number }[];
      const rep = runs.find((r) => r.policy.label === 'jsq')!.replicationResults[0]!;
      const w = rep.timeline.bucketSeconds;
      const mine = cells.filter((c) => c.agent === 'fast 1').sort((a, b) => a.from - b.from);
      expect(mine).toHaveLength(rep.timeline.agentUtilization![0]!.length);
      expect(mine[0]).toMatchObject({ from: 0, to: w });
      expect(mine.at(-1)!.to).toBe(rep.endSeconds);
      expect(rep.endSeconds).toBeLessThan(mine.at(-1)!.from + w);
    } finally {
      view.finalize();
    }
  });

  it('agentNames(groups) uses the bare name for a group of one', () => {
    const g = (name: string, count: number) => ({ name, count }) as Parameters<typeof agentNames>[0][number];
    expect(agentNames([g('boss', 1), g('w', 2)])).toEqual(['boss', 'w 1', 'w 2']);
  });
});
