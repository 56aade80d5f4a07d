// Result → report: model, charts, tables and scenario text, assembled into one HTML file written
// atomically, and with `svgDir` every chart as an SVG file too. This is what `orchlab report`,
// `compare --report` and `sweep --report` call. Every file is drawn and its path checked before
// the first is written, so a failure does not leave part of the output behind.
import { stringify } from 'yaml';
import { checkWritable } from '../io/writable.js';
import { type PendingFile, writeEach } from '../io/write-atomic.js';
import { loadBundles } from './bundles.js';
import { reportCharts } from './charts.js';
import { figureRows } from './figures.js';
import { type ReportPage, renderReportHtml } from './html.js';
import type { ReportInput } from './input-types.js';
import { reportModel } from './report-model.js';
import { reproduceCommand } from './reproduce.js';
import { scenarioWords } from './scenario-words.js';
import { svgFiles } from './svg.js';

export interface ReportOptions {
  /** The command line that made the result (and report), shown in the report. */
  readonly command: string;
  /** Also write every chart as `<svgDir>/<chart>.svg`. */
  readonly svgDir?: string;
  /** Where the result came from, for messages (a file path; default: the result's format). */
  readonly source?: string;
  /** The flag that named `out`, for messages (`--out`, `--report`); `--out` by default. */
  readonly outFlag?: string;
}

/** The page for a result (pure: nothing is read or written). */
export function reportPage(result: ReportInput, options: ReportOptions): ReportPage {
  const model = reportModel(result, options.source ?? result.format);
  const { charts, notes } = reportCharts(model);
  return {
    model,
    charts,
    notes,
    figures: figureRows(model),
    scenarioWords: scenarioWords(model.scenarioSpec),
    scenarioYaml:
      (model.kind === 'compare'
        ? '# routing below is replaced, policy by policy, by compare --policies\n'
        : '') + stringify(model.scenarioSpec, { lineWidth: 0 }),
    command: options.command,
    reproduce: reproduceCommand(model),
  };
}

/**
 * The report's files, drawn and checked but not written: the HTML for `out` and, with `svgDir`,
 * one SVG per chart. Drawing is the long part; a caller that must stay interruptible (compare
 * and sweep --report) lets Ctrl-C be heard between drawing and writing.
 */
export async function reportFiles(
  result: ReportInput,
  out: string,
  options: ReportOptions,
): Promise<PendingFile[]> {
  const page = reportPage(result, options);
  const svgs = options.svgDir === undefined ? [] : await svgFiles(page.charts, options.svgDir);
  // A folder named like a chart's file is in the way: found now, not after other files are out.
  for (const svg of svgs) checkWritable('--svg', svg.path, 'file');
  const flag = options.outFlag ?? '--out';
  return [...svgs, { path: out, content: renderReportHtml(page, loadBundles()), label: `${flag} ${out}` }];
}

/** Writes the HTML report to `out` (atomically) and, with `svgDir`, one SVG per chart. */
export async function writeReport(result: ReportInput, out: string, options: ReportOptions): Promise<void> {
  writeEach(await reportFiles(result, out, options));
}
