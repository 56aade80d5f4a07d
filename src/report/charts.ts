// Which charts a report holds, in reading order, each with a stable id (the HTML container and
// the SVG file name). Charts without data are left out with a note saying why.
import type { ReportModel } from './report-model.js';
import { agentHeatmapSpec, hasAgentSeries } from './specs/agent-heatmap.js';
import { LEGEND_HINT, type Medium, QUANTILE_HINT, type TopLevelSpec } from './specs/common.js';
import { costFigure, costParetoSpec, hasCosts } from './specs/cost-pareto.js';
import { quantileBarsSpec } from './specs/quantile-bars.js';
import { responseCdfSpec } from './specs/response-cdf.js';
import { sweepMetricSpec } from './specs/sweep-metric.js';
import { timelineSpec } from './specs/timeline.js';

export interface ReportChart {
  /** Letters, digits and dashes: the container id (`vis-<id>`) and the SVG file name. */
  readonly id: string;
  /** A heading for the chart's section. */
  readonly heading: string;
  /** The chart on the page: legend picking, the heatmap's drop-down. */
  readonly spec: TopLevelSpec;
  /** The chart as an SVG file, made when asked: the heatmap's policy named. */
  readonly fileSpec: () => TopLevelSpec;
  /** How to pick in its legend, said under the chart on screen (not in print, not in the SVG). */
  readonly hint?: string;
}

export function reportCharts(model: ReportModel): { charts: ReportChart[]; notes: string[] } {
  const charts: ReportChart[] = [];
  const notes: string[] = [];
  const at = model.detailPoint === undefined ? '' : ` at ${model.detailPoint}`;
  const chart = (id: string, heading: string, spec: (medium: Medium) => TopLevelSpec, hint?: string) =>
    charts.push({
      id,
      heading,
      spec: spec('page'),
      fileSpec: () => spec('file'),
      ...(hint === undefined ? {} : { hint }),
    });
  const sweep = model.sweep;
  if (sweep !== undefined)
    chart('sweep-p99', 'p99 response time across the sweep', () => sweepMetricSpec(sweep), LEGEND_HINT);
  const runs = model.runs;
  chart('response-cdf', `Response-time distribution${at}`, () => responseCdfSpec(runs), LEGEND_HINT);
  chart('quantiles', `Response-time quantiles${at}`, () => quantileBarsSpec(runs), QUANTILE_HINT);
  if (hasCosts(runs))
    chart(
      'cost-p99',
      `${costFigure(runs).own === undefined ? 'Cost' : 'Cost per task'} and p99 response time${at}`,
      () => costParetoSpec(runs),
      LEGEND_HINT,
    );
  else
    notes.push('No agent in this scenario has a price, so every policy costs 0: the cost chart is left out.');
  chart('timeline', `Queue and utilization over time${at}`, () => timelineSpec(runs, 0), LEGEND_HINT);
  if (hasAgentSeries(runs))
    chart('agents', `Utilization per agent${at}`, (m) => agentHeatmapSpec(runs, model.headline.winner, m));
  else notes.push('The result holds no per-agent utilization series: the heatmap is left out.');
  return { charts, notes };
}
