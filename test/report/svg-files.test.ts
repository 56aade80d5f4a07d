import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentHeatmapSpec } from '../../src/report/specs/agent-heatmap.js';
import { LEGEND_HINT, QUANTILE_HINT } from '../../src/report/specs/common.js';
import { quantileBarsSpec } from '../../src/report/specs/quantile-bars.js';
import { timelineSpec } from '../../src/report/specs/timeline.js';
import { writeReport } from '../../src/report/write-report.js';
import { compareResult, sweepResult } from './support/results.js';

/** Every line of text an SVG draws. */
const texts = (svg: string) =>
  [...svg.matchAll(/<(text|tspan)[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]!).filter((t) => t !== '');
const subtitle = (spec: unknown) => {
  const s = (spec as { title: { subtitle: string | string[] } }).title.subtitle;
  return Array.isArray(s) ? s.join(' ') : s;
};

describe('SVG files carry no hints meant for the interactive page', () => {
  it('--svg: no "Click a legend entry", no drop-down; the heatmap names the one policy it shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-svg-'));
    const runs = (await compareResult()).runs;
    await writeReport(await compareResult(), join(dir, 'r.html'), {
      command: 'test',
      svgDir: join(dir, 'svg'),
    });
    const files = readdirSync(join(dir, 'svg')).sort();
    expect(files).toEqual([
      'agents.svg',
      'cost-p99.svg',
      'quantiles.svg',
      'response-cdf.svg',
      'timeline.svg',
    ]);
    for (const f of files) {
      const lines = texts(readFileSync(join(dir, 'svg', f), 'utf8')).join('\n');
      expect(lines, f).not.toMatch(/click|choose|drop-down|below the chart/i);
    }
    const agents = texts(readFileSync(join(dir, 'svg', 'agents.svg'), 'utf8'));
    const title = agents.find((t) => t.startsWith('Utilization per agent over virtual time: '))!;
    const shown = title.slice('Utilization per agent over virtual time: '.length);
    const others = runs.map((r) => r.policy.label).filter((l) => l !== shown);
    expect(others).toHaveLength(runs.length - 1);
    expect(agents).toContain(
      `Replication 0, time average per bucket; the HTML report also shows ${others.join(', ')}.`,
    );
    // The page keeps its hints and its drop-down.
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain(LEGEND_HINT);
    expect(html).toContain('"input":"select"');
  });

  it('a sweep’s SVG files too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-svg-'));
    await writeReport(await sweepResult(), join(dir, 's.html'), {
      command: 'test',
      svgDir: join(dir, 'svg'),
    });
    const sweep = texts(readFileSync(join(dir, 'svg', 'sweep-p99.svg'), 'utf8')).join('\n');
    expect(sweep).toContain('p99 response time across the sweep of workload.arrivals.rate');
    expect(sweep).not.toMatch(/click/i);
  });

  it('the file heatmap holds only its policy’s series, with no drop-down', async () => {
    const runs = (await compareResult()).runs;
    const spec = agentHeatmapSpec(runs, 'jsq', 'file') as {
      params: { bind?: unknown; value: string }[];
      data: { values: { policy: string }[] };
      title: { text: unknown };
    };
    expect(spec.params).toEqual([{ name: 'heatPolicy', value: 'jsq' }]);
    expect(new Set(spec.data.values.map((s) => s.policy))).toEqual(new Set(['jsq']));
    expect(spec.title.text).toBe('Utilization per agent over virtual time: jsq');
    const page = agentHeatmapSpec(runs, 'jsq') as { params: { bind?: unknown }[] };
    expect(page.params[0]!.bind).toMatchObject({ input: 'select' });
  });

  it('the legend hint is said under each chart on the page (hidden in print), in no chart itself', async () => {
    const runs = (await compareResult()).runs;
    expect(subtitle(timelineSpec(runs))).not.toContain('Click');
    expect(subtitle(quantileBarsSpec(runs))).not.toContain('Click');
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-hint-'));
    await writeReport(await compareResult(), join(dir, 'r.html'), { command: 'test' });
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain(
      `<div class="vis" id="vis-timeline" data-chart="timeline"></div><p class="hint">${LEGEND_HINT}</p>`,
    );
    expect(html).toContain(`<p class="hint">${QUANTILE_HINT}</p>`);
    // The print style hides .hint.
    expect(html).toMatch(/@media print \{[\s\S]*?\.hint[,\s]/);
  });
});
