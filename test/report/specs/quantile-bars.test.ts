import { describe, expect, it } from 'vitest';
import { barRows, byP99, quantileBarsSpec } from '../../../src/report/specs/quantile-bars.js';
import { compileWarnings } from '../support/compile-clean.js';
import { draw } from '../support/draw.js';
import { compareResult, oneReplicationResult, withCi } from '../support/results.js';

const subtitle = (spec: unknown) => (spec as { title: { subtitle: string[] } }).title.subtitle.join(' ');

describe('quantileBarsSpec(runs)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(quantileBarsSpec((await compareResult()).runs))).toEqual([]);
  });

  it('barRows(runs) has p50, p95 and p99 per policy with their CIs', async () => {
    const runs = (await compareResult()).runs;
    const rows = barRows(runs);
    expect(rows).toHaveLength(3 * runs.length);
    const p99 = rows.find((r) => r.policy === 'jsq' && r.quantile === 'p99')!;
    const e = runs.find((r) => r.policy.label === 'jsq')!.metrics.responseTime.p99;
    expect([p99.seconds, p99.lo, p99.hi]).toEqual([e.value, e.ci95![0], e.ci95![1]]);
    // On a log scale (random is > 20× the others) a CI that reaches 0 is drawn from the axis start.
    for (const r of rows) expect(r.loShown).toBeGreaterThan(0);
  });

  it('byP99(runs) orders policies from the lowest p99', async () => {
    const runs = (await compareResult()).runs;
    const order = byP99(runs);
    const p99 = order.map((l) => runs.find((r) => r.policy.label === l)!.metrics.responseTime.p99.value!);
    expect(p99).toEqual([...p99].sort((a, b) => a - b));
  });

  it('cuts a whisker that reaches below 0 s at 0: the axis starts at 0, the tooltip keeps the interval', async () => {
    const [sed, jsq] = (await compareResult()).runs;
    const runs = [withCi(sed!, 'responseTime.p99', [-8.343, 22.83]), jsq!];
    const p99 = barRows(runs).find((r) => r.policy === 'sed' && r.quantile === 'p99')!;
    expect([p99.lo, p99.hi, p99.loShown, p99.hiShown]).toEqual([-8.343, 22.83, 0, 22.83]);
    expect(p99.ci).toBe('−8.343 to 22.83 (drawn from 0)');
    const spec = quantileBarsSpec(runs);
    expect(subtitle(spec)).toContain('Whiskers: 95% confidence interval, cut at 0 where it goes past');
    const drawn = await draw(spec);
    expect(drawn.domain('x')[0]).toBe(0);
    const whiskers = drawn.items('layer_1_marks');
    expect(whiskers).toHaveLength(6);
    expect(Math.min(...whiskers.map((w) => w.x as number))).toBe(0);
  });

  it('with one replication draws no whiskers and says there is no confidence interval', async () => {
    const runs = (await oneReplicationResult()).runs;
    expect(runs.every((r) => r.metrics.responseTime.p99.ci95![0] === r.metrics.responseTime.p99.value)).toBe(
      true,
    );
    const spec = quantileBarsSpec(runs);
    expect(subtitle(spec)).toContain(
      'Bars: the figure of the one replication. No whiskers: one replication gives no confidence interval.',
    );
    expect(subtitle(spec)).not.toContain('95% confidence interval');
    expect(barRows(runs).every((r) => r.ci === 'none (one replication)' && r.loShown === null)).toBe(true);
    // No whisker layer at all: an empty one made vega warn of an infinite extent on every such report.
    expect((spec as { layer: unknown[] }).layer).toHaveLength(1);
    const drawn = await draw(spec);
    expect(drawn.warnings).toEqual([]);
    expect(drawn.items('layer_1_marks')).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });
});
