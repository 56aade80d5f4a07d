import { describe, expect, it } from 'vitest';
import { agentHeatmapSpec } from '../../../src/report/specs/agent-heatmap.js';
import { costParetoSpec, costRows } from '../../../src/report/specs/cost-pareto.js';
import { byP99, quantileBarsSpec } from '../../../src/report/specs/quantile-bars.js';
import { responseCdfSpec } from '../../../src/report/specs/response-cdf.js';
import { sweepMetricSpec } from '../../../src/report/specs/sweep-metric.js';
import { timelineSpec } from '../../../src/report/specs/timeline.js';
import { labelRoot, renderSvg } from '../../../src/report/svg.js';
import { compareResult, sweepResult } from '../support/results.js';

const description = (spec: unknown) => (spec as { description?: string }).description ?? '';

describe('every chart says what it shows (the spec description: the SVG aria-label)', () => {
  it('names the kind of chart and every policy', async () => {
    const runs = (await compareResult()).runs;
    const specs = {
      'Line chart of the response-time distribution': responseCdfSpec(runs),
      'Bar chart of p50, p95 and p99 response time': quantileBarsSpec(runs),
      'Scatter plot of cost against p99 response time': costParetoSpec(runs),
      'Two line charts over virtual time, replication 0': timelineSpec(runs),
      'Heatmap of utilization (0 to 100%) of each of 6 agents': agentHeatmapSpec(runs, 'jsq'),
    };
    for (const [start, spec] of Object.entries(specs)) {
      expect(description(spec)).toMatch(new RegExp(`^${start.replace(/[()]/g, '\\$&')}`));
      for (const r of runs) expect(description(spec)).toContain(r.policy.label);
    }
  });

  it('gives the figures a reader would look for: p99 per policy from the lowest, the Pareto frontier', async () => {
    const runs = (await compareResult()).runs;
    const p99 = (l: string) => runs.find((r) => r.policy.label === l)!.metrics.responseTime.p99.value!;
    const order = byP99(runs);
    expect(description(quantileBarsSpec(runs))).toContain(
      `p99 from lowest: ${order.map((l) => `${l} ${Number(p99(l).toPrecision(4))} s`).join('; ')}.`,
    );
    const frontier = costRows(runs)
      .filter((r) => r.frontier)
      .sort((a, b) => a.cost - b.cost)
      .map((r) => r.policy);
    expect(description(costParetoSpec(runs))).toMatch(
      new RegExp(`On the Pareto frontier .*from cheapest: ${frontier.map((p) => `${p} \\(cost`).join('.*')}`),
    );
  });

  it('a sweep chart names the figure, the swept axis and its range', async () => {
    expect(description(sweepMetricSpec(await sweepResult()))).toBe(
      'Line chart of p99 response time (s) against workload.arrivals.rate from 4 to 8 for 3 policies (sed, jsq, least-cost), mean over replications with a 95% confidence band.',
    );
  });

  it('an SVG file carries the description as its accessible name', async () => {
    const spec = quantileBarsSpec((await compareResult()).runs);
    const svg = await renderSvg(spec);
    const root = /^<svg[^>]*>/.exec(svg)![0];
    expect(root).toContain(`aria-label="${description(spec)}"`);
    expect(root).toContain('role="graphics-document"');
    expect(svg).toContain(`<title>${description(spec)}</title>`);
    expect(labelRoot('<svg a="1"><g/></svg>', 'p99 < 5 & "fast"')).toBe(
      '<svg a="1" role="graphics-document" aria-roledescription="visualization" aria-label="p99 &lt; 5 &amp; &quot;fast&quot;"><title>p99 &lt; 5 &amp; &quot;fast&quot;</title><g/></svg>',
    );
  });

  it('the heatmap’s cells are not each read out: a few aria-labels for hundreds of cells', async () => {
    const svg = await renderSvg(agentHeatmapSpec((await compareResult()).runs, 'jsq'));
    const cells = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/s
      .exec(svg)![1]!
      .match(/<path/g)!.length;
    expect(cells).toBeGreaterThan(100);
    expect(svg.match(/aria-label=/g)!.length).toBeLessThan(10);
  });
});
