import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../../src/report/input-types.js';
import { sweepMetricSpec, sweepRows } from '../../../src/report/specs/sweep-metric.js';
import { renderSvg } from '../../../src/report/svg.js';
import { compileWarnings } from '../support/compile-clean.js';
import { sweepResult } from '../support/results.js';

describe('sweepMetricSpec(sweep)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(sweepMetricSpec(await sweepResult()))).toEqual([]);
  });

  it('sweepRows(sweep, metric) gives one row per point and policy, x from the swept value', async () => {
    const sweep = await sweepResult();
    const rows = sweepRows(sweep, 'responseTime.p99');
    expect(rows).toHaveLength(3 * 3);
    expect([...new Set(rows.map((r) => r.x))]).toEqual([4, 6, 8]);
    const r = rows.find((x) => x.x === 6 && x.policy === 'jsq')!;
    const e = sweep.points[1]!.runs.find((x) => x.policy.label === 'jsq')!.metrics.responseTime.p99;
    expect([r.value, r.lo, r.hi]).toEqual([e.value, e.ci95![0], e.ci95![1]]);
  });

  it('with two axes, the second becomes a panel per value and the spec still compiles', async () => {
    const one = await sweepResult();
    const two: SweepResult = {
      ...one,
      axes: [...one.axes, { path: 'queueing.discipline', values: ['fifo'] }],
      points: one.points.map((p) => ({ ...p, values: { ...p.values, 'queueing.discipline': 'fifo' } })),
    };
    expect(sweepRows(two, 'responseTime.p99').every((r) => r.panel === 'discipline = fifo')).toBe(true);
    expect(compileWarnings(sweepMetricSpec(two))).toEqual([]);
  });

  it('labels fractional swept values as they are (8.8 and 10.4, not 9 and 10)', async () => {
    const one = await sweepResult();
    const path = one.axes[0]!.path;
    // The README's sweep: 8 to 15.2 by 0.8, ten values (the fixture's points reused for figures).
    const values = Array.from({ length: 10 }, (_, i) => Number((8 + 0.8 * i).toFixed(1)));
    const fractional: SweepResult = {
      ...one,
      axes: [{ path, values }],
      points: values.map((v, i) => ({ ...one.points[i % one.points.length]!, values: { [path]: v } })),
    };
    const svg = await renderSvg(sweepMetricSpec(fractional));
    for (const label of ['8.8', '10.4', '15.2']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain('>9</text>');
  });
});
