// Result → report: model, charts, tables and scenario text, assembled into one HTML file written
// atomically, and with `svgDir` every chart as an SVG file too. This is what `orchlab report`,
// `compare --report` and `sweep --report` call. Every file is drawn and its path checked before
// the first is written, so a failure does not leave part of the output behind.
import { existsSync } from 'node:fs';
import { stringify } from 'yaml';
import { InputError } from '../errors.js';
import { type CommandInput, sameFile } from '../io/output-target.js';
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
import { chartFile, svgFiles } from './svg.js';

export interface ReportOptions {
  /** The command line that made the result (and report), shown in the report. */
  readonly command: string;
  /** Also write every chart as `<svgDir>/<chart>.svg`. */
  readonly svgDir?: string;
  /** Where the result came from, for messages (a file path; default: the result's format). */
  readonly source?: string;
  /** The flag that named `out`, for messages (`--out`, `--report`); `--out` by default. */
  readonly outFlag?: string;
  /** Files the command reads (the result file): no chart may be written over one. */
  readonly inputs?: readonly CommandInput[];
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
  const flag = options.outFlag ?? '--out';
  const svgDir = options.svgDir;
  // Which charts there are is known only now, from the result: checked before they are drawn.
  if (svgDir !== undefined) checkChartPaths(page.charts, svgDir, out, flag, options.inputs ?? []);
  const svgs = svgDir === undefined ? [] : await svgFiles(page.charts, svgDir);
  // A folder named like a chart's file is in the way: found now, not after other files are out.
  for (const svg of svgs) checkWritable('--svg', svg.path, 'file');
  return [...svgs, { path: out, content: renderReportHtml(page, loadBundles()), label: `${flag} ${out}` }];
}

/**
 * Refuses a chart file that is the report's own `out` (the second write would replace the first)
 * or one of the command's inputs (`report D/timeline.svg --svg D` would draw over the result it
 * reads), compared as the files they resolve to (sameFile: symlinks, `./`, `..`).
 */
function checkChartPaths(
  charts: readonly { readonly id: string }[],
  svgDir: string,
  out: string,
  outFlag: string,
  inputs: readonly CommandInput[],
): void {
  for (const chart of charts) {
    const path = chartFile(svgDir, chart.id);
    if (sameFile(path, out))
      throw new InputError(
        `--svg ${svgDir} and ${outFlag} ${out} name the same file: ${path}; give another file or folder`,
      );
    // A missing input fails as the input it is, where it is read.
    const input = inputs.find((i) => existsSync(i.path) && sameFile(path, i.path));
    if (input === undefined) continue;
    const spelled = input.path === path ? '' : ` (${input.path})`;
    throw new InputError(
      `--svg ${svgDir}: ${path} would replace ${input.what}${spelled}, which this command reads; give another folder`,
    );
  }
}

/** Writes the HTML report to `out` (atomically) and, with `svgDir`, one SVG per chart. */
export async function writeReport(result: ReportInput, out: string, options: ReportOptions): Promise<void> {
  writeEach(await reportFiles(result, out, options));
}
