// Which charts a report holds, in reading order, each with a stable id (the HTML container and
// the SVG file name). Charts without data are left out with a note saying why.
import type { ReportModel } from './report-model.js';
import { agentHeatmapSpec, hasAgentSeries } from './specs/agent-heatmap.js';
import type { TopLevelSpec } from './specs/common.js';
import { costParetoSpec, hasCosts } from './specs/cost-pareto.js';
import { quantileBarsSpec } from './specs/quantile-bars.js';
import { responseCdfSpec } from './specs/response-cdf.js';
import { sweepMetricSpec } from './specs/sweep-metric.js';
import { timelineSpec } from './specs/timeline.js';

export interface ReportChart {
  /** Letters, digits and dashes: the container id (`vis-<id>`) and the SVG file name. */
  readonly id: string;
  /** A heading for the chart's section. */
  readonly heading: string;
  readonly spec: TopLevelSpec;
}

export function reportCharts(model: ReportModel): { charts: ReportChart[]; notes: string[] } {
  const charts: ReportChart[] = [];
  const notes: string[] = [];
  const at = model.detailPoint === undefined ? '' : ` at ${model.detailPoint}`;
  if (model.sweep !== undefined)
    charts.push({
      id: 'sweep-p99',
      heading: 'p99 response time across the sweep',
      spec: sweepMetricSpec(model.sweep),
    });
  const runs = model.runs;
  charts.push({
    id: 'response-cdf',
    heading: `Response-time distribution${at}`,
    spec: responseCdfSpec(runs),
  });
  charts.push({ id: 'quantiles', heading: `Response-time quantiles${at}`, spec: quantileBarsSpec(runs) });
  if (hasCosts(runs))
    charts.push({ id: 'cost-p99', heading: `Cost and p99 response time${at}`, spec: costParetoSpec(runs) });
  else
    notes.push('No agent in this scenario has a price, so every policy costs 0: the cost chart is left out.');
  charts.push({ id: 'timeline', heading: `Queue and utilization over time${at}`, spec: timelineSpec(runs) });
  if (hasAgentSeries(runs))
    charts.push({
      id: 'agents',
      heading: `Utilization per agent${at}`,
      spec: agentHeatmapSpec(runs, model.headline.winner),
    });
  else notes.push('The result holds no per-agent utilization series: the heatmap is left out.');
  return { charts, notes };
}
