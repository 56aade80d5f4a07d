// Charts as standalone SVG files, drawn in Node by vega's headless View (no browser, no canvas):
// vega-lite compiles the spec, vega renders it with renderer 'none' and serializes it to SVG.
// Without a canvas vega guesses text as 0.8 × font size per character, about twice too wide
// (quantiles.svg had 170 px of blank on the right), so text is measured here instead, from
// DejaVu Sans widths (specs/text-width.ts). The spec's description names the file's chart for
// screen readers (the root's aria-label and <title>), as vega-embed does on the page.
// vega and vega-lite load on first use: importing them costs every CLI command ~0.2 s.
import { join } from 'node:path';
import type { PendingFile } from '../io/write-atomic.js';
import type { ReportChart } from './charts.js';
import type { TopLevelSpec } from './specs/common.js';
import { isBold, textWidth } from './specs/text-width.js';

/** The text item fields vega passes to textMetrics.width. */
interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: unknown;
  readonly limit?: number;
}

/**
 * vega's hook for text width (vl-convert sets it too): the width of one line of `item`. A
 * line wider than the item's `limit` counts as the limit, which is what vega's truncation then
 * draws (its binary search only asks whether a prefix is under the limit).
 */
export function measureLine(item: TextItem, text: unknown): number {
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const width = textWidth(text == null ? '' : String(text).trim(), size, isBold(item.fontWeight));
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The root `<svg>` with `description` as its accessible name: role, aria-label and a `<title>`. */
export function labelRoot(svg: string, description: string | undefined): string {
  if (description === undefined || description === '') return svg;
  const text = escapeXml(description);
  return svg.replace(
    /^<svg([^>]*)>/,
    `<svg$1 role="graphics-document" aria-roledescription="visualization" aria-label="${text}"><title>${text}</title>`,
  );
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  (vega as unknown as { textMetrics: { width: typeof measureLine } }).textMetrics.width = measureLine;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return labelRoot(await view.toSVG(), spec.description);
  } finally {
    view.finalize();
  }
}

/** The file of chart `id` in `dir`: `<dir>/<id>.svg`. */
export const chartFile = (dir: string, id: string): string => join(dir, `${id}.svg`);

/**
 * `<dir>/<chart id>.svg` for every chart, drawn as a file (no hints to click, the heatmap's one
 * policy named), for writeEach (named `--svg <path>` in errors).
 */
export async function svgFiles(charts: readonly ReportChart[], dir: string): Promise<PendingFile[]> {
  const files: PendingFile[] = [];
  for (const chart of charts) {
    const path = chartFile(dir, chart.id);
    files.push({ path, content: await renderSvg(chart.fileSpec()), label: `--svg ${path}` });
  }
  return files;
}
