import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/report/svg.js';
import { writeReport } from '../../src/report/write-report.js';
import { compareResult, sweepResult } from './support/results.js';

describe('writeReport(result, out, options)', () => {
  it('writes the HTML atomically (no temporary file left) and one SVG per chart with --svg', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-report-'));
    const out = join(dir, 'reports', 'r.html');
    await writeReport(await compareResult(), out, {
      command: 'orchlab report r.json',
      svgDir: join(dir, 'svg'),
    });
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r.html']);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    const svgs = readdirSync(join(dir, 'svg')).sort();
    expect(svgs).toEqual(['agents.svg', 'cost-p99.svg', 'quantiles.svg', 'response-cdf.svg', 'timeline.svg']);
    for (const f of svgs) {
      const svg = readFileSync(join(dir, 'svg', f), 'utf8');
      expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.match(/<path|<line|<rect/g)?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('a sweep report starts with the sweep chart and shows detail charts at the last point', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-report-'));
    await writeReport(await sweepResult(), join(dir, 's.html'), { command: 'orchlab sweep ...' });
    const text = readFileSync(join(dir, 's.html'), 'utf8');
    expect(text.indexOf('id="vis-sweep-p99"')).toBeLessThan(text.indexOf('id="vis-response-cdf"'));
    expect(text).toContain('<h2>Response-time distribution at rate = 8</h2>');
  });
});

describe('renderSvg(spec)', () => {
  it('draws the chart title into the SVG', async () => {
    const svg = await renderSvg({
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a' } },
      title: 'T1tle',
    });
    expect(svg).toContain('T1tle');
  });
});
