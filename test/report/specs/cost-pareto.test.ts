import { describe, expect, it } from 'vitest';
import { costFigure, costParetoSpec, costRows, hasCosts } from '../../../src/report/specs/cost-pareto.js';
import { compileWarnings } from '../support/compile-clean.js';
import { draw } from '../support/draw.js';
import type { RunResult } from '../../../src/runner/run-result.js';
import { compareResult, oneReplicationResult, withCi } from '../support/results.js';

/** The run with this p99 and p99 interval. */
function withP99(run: RunResult, value: number, ci95: [number, number]): RunResult {
  const rt = run.metrics.responseTime;
  return { ...run, metrics: { ...run.metrics, responseTime: { ...rt, p99: { value, ci95 } } } };
}

const subtitle = (spec: unknown) => (spec as { title: { subtitle: string[] } }).title.subtitle.join(' ');

describe('costParetoSpec(runs)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(costParetoSpec((await compareResult()).runs))).toEqual([]);
  });

  it('costRows(runs) marks exactly the policies no other policy beats on both cost and p99', async () => {
    const runs = (await compareResult()).runs;
    expect(hasCosts(runs)).toBe(true);
    const rows = costRows(runs);
    for (const r of rows) {
      const dominated = rows.some(
        (q) => q.cost <= r.cost && q.p99 <= r.p99 && (q.cost < r.cost || q.p99 < r.p99),
      );
      expect(r.frontier).toBe(!dominated);
    }
    expect(rows.some((r) => r.frontier)).toBe(true);
  });

  it('cuts cost and p99 whiskers below 0 at 0, on axes that do not go below 0', async () => {
    const [sed, jsq] = (await compareResult()).runs;
    const runs = [withCi(withCi(sed!, 'cost', [-50, 1e6]), 'responseTime.p99', [-3, 30]), jsq!];
    const row = costRows(runs).find((r) => r.policy === 'sed')!;
    expect([row.costLo, row.costHi, row.p99Lo, row.p99Hi]).toEqual([0, 1e6, 0, 30]);
    expect([row.costCi, row.p99Ci]).toEqual(['−50 to 1000000 (drawn from 0)', '−3 to 30 (drawn from 0)']);
    const spec = costParetoSpec(runs);
    expect(subtitle(spec)).toContain('Whiskers: 95% confidence interval, cut at 0 where it goes past');
    const drawn = await draw(spec);
    expect(drawn.domain('x')[0]).toBeGreaterThanOrEqual(0);
    expect(drawn.domain('y')[0]).toBeGreaterThanOrEqual(0);
  });

  it('with one replication draws no whiskers and says so', async () => {
    const runs = (await oneReplicationResult()).runs;
    const spec = costParetoSpec(runs);
    expect(subtitle(spec)).toContain('No whiskers: one replication gives no confidence interval.');
    expect(costRows(runs).every((r) => r.costLo === null && r.p99Ci === 'none (one replication)')).toBe(true);
    // No whisker layers at all: empty ones made vega warn of infinite extents.
    const marks = (spec as { layer: { mark: { type: string } }[] }).layer.map((l) => l.mark.type);
    expect(marks).toEqual(['line', 'point', 'text']);
    const drawn = await draw(spec);
    expect(drawn.warnings).toEqual([]);
    expect(drawn.items('layer_1_marks')).toHaveLength(runs.length);
  });

  it('on a log p99 axis draws a p99 whisker below 0 from the axis start, not from 0 (which log cannot show)', async () => {
    // A review's fixture: round-robin's p99 ~100 s against ~2-5 s for the others (a log axis), and
    // jsq's interval from −0.8 s with two replications: vega put the domain at 0 and drew NaN.
    const [sed, jsq, leastCost, random] = (await compareResult()).runs;
    const runs = [
      sed!,
      withP99(jsq!, 5.34, [-0.81, 11.5]),
      leastCost!,
      withP99(random!, 100.75, [69, 132.5]),
    ];
    const row = costRows(runs).find((r) => r.policy === 'jsq')!;
    expect(row.p99Lo).toBeGreaterThan(0);
    expect(row.p99Lo).toBeLessThan(Math.min(...runs.map((r) => r.metrics.responseTime.p99.value!)));
    expect(row.p99Ci).toBe('−0.81 to 11.5 (drawn from the axis start)');
    const spec = costParetoSpec(runs);
    expect(subtitle(spec)).toContain('cut at the axis start where it goes past');
    const drawn = await draw(spec);
    expect(drawn.warnings).toEqual([]);
    expect(drawn.domain('y')[0]).toBeGreaterThan(0);
    const whiskers = drawn.items('layer_2_marks');
    expect(whiskers).toHaveLength(runs.length);
    for (const w of whiskers) expect([w.y, w.y2].every(Number.isFinite)).toBe(true);
  });

  it('when each run observes its own window (warmup: auto), plots cost per task, not the cost totals', async () => {
    const runs = (await compareResult()).runs;
    const xTitle = (spec: unknown) =>
      (spec as { layer: { encoding: { x: { title?: string } } }[] }).layer[0]!.encoding.x.title;
    expect(costFigure(runs)).toEqual({ metric: 'cost', name: 'cost' });
    expect(xTitle(costParetoSpec(runs))).toBe('cost (observation window)');
    const auto = runs.map((r) => ({ ...r, scenarioSpec: { ...r.scenarioSpec, warmup: 'auto' as const } }));
    expect(costFigure(auto)).toEqual({ metric: 'costPerTask', name: 'cost per task', own: 'auto' });
    const rows = costRows(auto);
    expect(rows.map((r) => r.cost)).toEqual(auto.map((r) => r.metrics.costPerTask.value));
    const perTask = costRows(
      auto.map((r) => ({ ...r, metrics: { ...r.metrics, cost: r.metrics.costPerTask } })),
    );
    expect(rows.map((r) => r.frontier)).toEqual(perTask.map((r) => r.frontier));
    const spec = costParetoSpec(auto);
    expect(xTitle(spec)).toBe('cost per task');
    expect(subtitle(spec)).toContain(
      "Cost per task, not cost: cost is a total over each run's own window, so totals do not compare " +
        '(warmup: auto cuts each run at its own point).',
    );
    expect(compileWarnings(spec)).toEqual([]);
  });
});
