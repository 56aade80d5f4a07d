import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../../src/report/input-types.js';
import { sweepMetricSpec, sweepRows } from '../../../src/report/specs/sweep-metric.js';
import { renderSvg } from '../../../src/report/svg.js';
import { compileWarnings } from '../support/compile-clean.js';
import { draw } from '../support/draw.js';
import { oneReplicationResult, sweepResult, withCi } from '../support/results.js';

const subtitle = (spec: unknown) => (spec as { title: { subtitle: string[] } }).title.subtitle.join(' ');

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

  it('cuts a band that reaches below 0 s at 0: the y axis starts at 0, the tooltip keeps the interval', async () => {
    const one = await sweepResult();
    // A seed sweep's p99 band reached −100 s: here jsq's interval at the middle point.
    const low: SweepResult = {
      ...one,
      points: one.points.map((p, i) => ({
        ...p,
        runs: p.runs.map((r) =>
          i === 1 && r.policy.label === 'jsq' ? withCi(r, 'responseTime.p99', [-100, 140]) : r,
        ),
      })),
    };
    const r = sweepRows(low, 'responseTime.p99').find((x) => x.x === 6 && x.policy === 'jsq')!;
    expect([r.lo, r.hi, r.loShown, r.hiShown, r.ci]).toEqual([
      -100,
      140,
      0,
      140,
      '−100 to 140 (drawn from 0)',
    ]);
    const spec = sweepMetricSpec(low);
    expect(subtitle(spec)).toContain('Band: 95% confidence interval, cut at 0 where it goes past');
    expect((await draw(spec)).domain('y')[0]).toBe(0);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('with one replication draws no band and says there is no confidence interval', async () => {
    const one = await sweepResult();
    const runs = (await oneReplicationResult()).runs;
    const sweep: SweepResult = { ...one, points: one.points.map((p) => ({ ...p, runs })) };
    const spec = sweepMetricSpec(sweep);
    expect(subtitle(spec)).toContain(
      'Line: the figure of the one replication. No band: one replication gives',
    );
    expect(subtitle(spec)).not.toContain('band: 95%');
    const rows = sweepRows(sweep, 'responseTime.p99');
    expect(rows).toHaveLength(3 * runs.length);
    expect(rows.every((x) => x.loShown === null && x.ci === 'none (one replication)')).toBe(true);
    expect((await draw(spec)).items('layer_0_layer_0_marks')).toEqual([]);
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
