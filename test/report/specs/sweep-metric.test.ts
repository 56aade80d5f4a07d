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
    // Only the line: an empty band layer made vega warn "Infinite extent" on every such report.
    expect((spec as { layer: { mark: unknown }[] }).layer.map((l) => l.mark)).toEqual([
      { type: 'line', point: true, strokeWidth: 2 },
    ]);
    expect((await draw(spec)).warnings).toEqual([]);
  });

  it('a one-point sweep draws each interval as a whisker (a band needs two x values), as the subtitle says', async () => {
    const one = await sweepResult();
    const single: SweepResult = {
      ...one,
      axes: [{ ...one.axes[0]!, values: [4] }],
      points: [one.points[0]!],
    };
    const rows = sweepRows(single, 'responseTime.p99');
    expect(rows.every((r) => r.alone && r.loShown !== null)).toBe(true);
    const spec = sweepMetricSpec(single);
    expect(subtitle(spec)).toContain('Whiskers: 95% confidence interval.');
    expect(compileWarnings(spec)).toEqual([]);
    const drawn = await draw(spec);
    expect(drawn.warnings).toEqual([]);
    const whiskers = drawn.items('layer_0_marks');
    expect(whiskers).toHaveLength(rows.length);
    for (const w of whiskers) expect([w.y, w.y2].every(Number.isFinite)).toBe(true);
  });

  it('a policy with one point among lines gets a whisker there, the others their band', async () => {
    const one = await sweepResult();
    // jsq ran only at the first point (it failed at the others).
    const mixed: SweepResult = {
      ...one,
      points: one.points.map((p, i) =>
        i === 0 ? p : { ...p, runs: p.runs.filter((r) => r.policy.label !== 'jsq') },
      ),
    };
    const rows = sweepRows(mixed, 'responseTime.p99');
    expect(rows.filter((r) => r.alone).map((r) => r.policy)).toEqual(['jsq']);
    const spec = sweepMetricSpec(mixed);
    expect(subtitle(spec)).toContain(
      'Band (a whisker where a policy has one point): 95% confidence interval.',
    );
    const drawn = await draw(spec);
    expect(drawn.warnings).toEqual([]);
    expect(drawn.items('layer_1_marks')).toHaveLength(1);
    expect(drawn.items('layer_0_layer_0_marks').length).toBeGreaterThan(0);
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
