// End to end: a generated report opened in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core) with every non-file request aborted. Every chart must draw marks, with no
// console error and no network request; the headline must be on the page; the tables must sort.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPage, writeReport } from '../../src/report/write-report.js';
import { CHROMIUM, hasChromium, type OpenReport, openReport } from '../../scripts/report-browser.js';
import type { RunResult } from '../../src/runner/run-result.js';
import { compareResult, sweepResult } from './support/results.js';

/** The run with this p99 and p99 interval. */
function withP99(run: RunResult, value: number, ci95: [number, number]): RunResult {
  const rt = run.metrics.responseTime;
  return { ...run, metrics: { ...run.metrics, responseTime: { ...rt, p99: { value, ci95 } } } };
}

const present = hasChromium();
const why = `SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium; CI installs it in .ci/run)`;
if (!present) console.warn(`report browser test ${why}`);

interface ChartMarks {
  id: string;
  svg: number;
  canvas: number;
  marks: number;
}

/** Per chart container: its svg/canvas count and the drawn items inside data marks (role-mark). */
const CHART_MARKS = `JSON.stringify(Array.from(document.querySelectorAll('.vis')).map((e) => ({
  id: e.id,
  svg: e.querySelectorAll('svg').length,
  canvas: e.querySelectorAll('canvas').length,
  marks: e.querySelectorAll('svg g.role-mark > *').length,
})))`;

describe.skipIf(!present)(`a report in headless Chromium${present ? '' : ` (${why})`}`, () => {
  const opened: OpenReport[] = [];
  let compareHtml = '';
  let sweepHtml = '';
  let logHtml = '';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-browser-'));
    compareHtml = join(dir, 'compare.html');
    sweepHtml = join(dir, 'sweep.html');
    await writeReport(await compareResult(), compareHtml, { command: 'test' });
    await writeReport(await sweepResult(), sweepHtml, { command: 'test' });
    // A p99 axis on a log scale (one policy ~100 s) and a p99 interval from below 0: the cost
    // chart once drew its whiskers at NaN (5 console errors) and pinned every point to the top.
    logHtml = join(dir, 'log.html');
    const c = await compareResult();
    const [sed, jsq, leastCost, random] = c.runs;
    const runs = [
      sed!,
      withP99(jsq!, 5.34, [-0.81, 11.5]),
      leastCost!,
      withP99(random!, 100.75, [69, 132.5]),
    ];
    await writeReport({ ...c, runs }, logHtml, { command: 'test' });
  });

  afterAll(async () => {
    for (const o of opened) await o.browser.close();
  });

  async function open(file: string): Promise<OpenReport> {
    const o = await openReport(file);
    opened.push(o);
    return o;
  }

  it('a comparison: every chart draws marks, no console error, no network request, the headline shown', async () => {
    const { page, errors, blocked, rendered } = await open(compareHtml);
    expect(rendered).toBe('1');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const charts = JSON.parse(await page.evaluate<string>(CHART_MARKS)) as ChartMarks[];
    expect(charts.map((c) => c.id)).toEqual([
      'vis-response-cdf',
      'vis-quantiles',
      'vis-cost-p99',
      'vis-timeline',
      'vis-agents',
    ]);
    for (const c of charts) {
      expect(c.svg + c.canvas, c.id).toBeGreaterThan(0);
      expect(c.marks, c.id).toBeGreaterThan(0);
    }
    const expected = reportPage(await compareResult(), { command: 'test' }).model.headline.title;
    expect(await page.textContent('#headline')).toBe(expected);
  });

  it('a sweep report renders too, its sweep chart first', async () => {
    const { page, errors, blocked, rendered } = await open(sweepHtml);
    expect([rendered, errors, blocked]).toEqual(['1', [], []]);
    const charts = JSON.parse(await page.evaluate<string>(CHART_MARKS)) as ChartMarks[];
    expect(charts[0]!.id).toBe('vis-sweep-p99');
    for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(0);
  });

  it('a cost chart on a log p99 axis with an interval below 0 draws with no console error', async () => {
    const { errors, rendered } = await open(logHtml);
    expect([rendered, errors]).toEqual(['1', []]);
  });

  it('a click on a policy in a legend fades every other policy', async () => {
    const { page } = await open(compareHtml);
    // Opacity of the CDF's drawn items, counted by value: {"1": n, "0.35": m, ...}.
    const opacities = async () =>
      JSON.parse(
        await page.evaluate<string>(
          `JSON.stringify(Array.from(document.querySelectorAll('#vis-response-cdf svg g.role-mark > *')).reduce((m, e) => { const o = e.getAttribute('opacity'); m[o] = (m[o] || 0) + 1; return m; }, {}))`,
        ),
      ) as Record<string, number>;
    expect((await opacities())['0.07']).toBeUndefined();
    await page.locator('#vis-response-cdf g.role-legend-label text', { hasText: 'jsq' }).first().click();
    await expect.poll(async () => (await opacities())['0.07'] ?? 0).toBeGreaterThan(0);
  });

  it('a click on a column heading sorts the figures table by it, a second click reverses it', async () => {
    const { page } = await open(compareHtml);
    // Columns: policy, figure, path, unit, mean, ...
    expect(
      await page.evaluate<string>(`document.querySelector('#figures-table th:nth-child(5)').textContent`),
    ).toBe('mean');
    const means = async () =>
      JSON.parse(
        await page.evaluate<string>(
          `JSON.stringify(Array.from(document.querySelectorAll('#figures-table tbody tr td:nth-child(5)')).map((td) => td.getAttribute('data-v')).filter((v) => v !== '').map(Number))`,
        ),
      ) as number[];
    await page.click('#figures-table th:nth-child(5) button');
    const up = await means();
    expect(up.length).toBeGreaterThan(20);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.click('#figures-table th:nth-child(5) button');
    const down = await means();
    expect(down).toEqual([...up].reverse());
  });
});
