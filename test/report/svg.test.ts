import { describe, expect, it } from 'vitest';
import { quantileBarsSpec } from '../../src/report/specs/quantile-bars.js';
import { textWidth } from '../../src/report/specs/text-width.js';
import { measureLine, renderSvg } from '../../src/report/svg.js';
import { compareResult } from './support/results.js';

const svgWidth = (svg: string) => Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);

describe('text measured for SVG files', () => {
  it('textWidth gives DejaVu Sans advance widths: bold wider, i narrower than m', () => {
    expect(textWidth('m', 1000)).toBe(974);
    expect(textWidth('i', 1000)).toBe(278);
    expect(textWidth('Response', 11)).toBeCloseTo(
      ((695 + 615 + 521 + 635 + 612 + 634 + 521 + 615) * 11) / 1000,
    );
    expect(textWidth('Response', 11, true)).toBeGreaterThan(textWidth('Response', 11));
  });

  it('measureLine counts a line wider than the item limit as the limit (vega then truncates it)', () => {
    const text = 'prequal(probesPerTask=4,poolSize=32,qRif=0.9)';
    expect(measureLine({ fontSize: 11 }, text)).toBeCloseTo(textWidth(text, 11));
    expect(measureLine({ fontSize: 11, limit: 100 }, text)).toBe(100);
    expect(measureLine({ fontSize: 11, fontWeight: 'bold' }, 'ab')).toBe(textWidth('ab', 11, true));
  });

  it('the quantile chart is as wide as its plot, labels and legend, not as vega’s guess at its subtitle', async () => {
    const svg = await renderSvg(quantileBarsSpec((await compareResult()).runs));
    // Vega's guess (0.8 × 11 px per character) made the longest subtitle line ~900 px wide and
    // the file 951 px.
    const lines = [...svg.matchAll(/<tspan>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    expect(Math.max(...lines.map((l) => l.length)) * 0.8 * 11).toBeGreaterThan(820);
    // Plot 560 px, the policy labels on its left, the quantile legend on its right.
    expect(svgWidth(svg)).toBeLessThan(760);
    expect(svgWidth(svg)).toBeGreaterThan(
      560 + textWidth('least-cost', 11) + textWidth('quantile', 12, true),
    );
  });

  it('a label over its limit is drawn shortened with an ellipsis within the limit', async () => {
    const long = 'a-rather-long-policy-name-that-will-not-fit';
    const svg = await renderSvg({
      data: { values: [{ p: long, v: 1 }] },
      mark: 'bar',
      encoding: {
        y: { field: 'p', type: 'nominal', axis: { labelLimit: 100 } },
        x: { field: 'v', type: 'quantitative' },
      },
    });
    const label = /<text[^>]*>(a-rather[^<]*)<\/text>/.exec(svg)![1]!;
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
    // Axis labels are 10 px unless configured.
    expect(textWidth(label, 10)).toBeLessThanOrEqual(100);
    expect(textWidth(`${long.slice(0, label.length)}…`, 10)).toBeGreaterThanOrEqual(100);
  });
});
