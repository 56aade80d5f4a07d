// Charts as standalone SVG files, drawn in Node by vega's headless View (no browser, no canvas):
// vega-lite compiles the spec, vega renders it with renderer 'none' and serializes it to SVG.
// vega and vega-lite load on first use: importing them costs every CLI command ~0.2 s.
import { join } from 'node:path';
import type { PendingFile } from '../io/write-atomic.js';
import type { ReportChart } from './charts.js';
import type { TopLevelSpec } from './specs/common.js';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** `<dir>/<chart id>.svg` for every chart, drawn, for writeEach (named `--svg <path>` in errors). */
export async function svgFiles(charts: readonly ReportChart[], dir: string): Promise<PendingFile[]> {
  const files: PendingFile[] = [];
  for (const chart of charts) {
    const path = join(dir, `${chart.id}.svg`);
    files.push({ path, content: await renderSvg(chart.spec), label: `--svg ${path}` });
  }
  return files;
}
