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

type Title = NonNullable<TopLevelSpec['title']>;

/**
 * A sweep's detail chart with its point named in the title and the description (an SVG file's
 * accessible name): as a file it has no page heading to say which point it shows. A title text
 * that is an expression (the heatmap's on the page) gets the point as its first subtitle line.
 */
export function atPoint(spec: TopLevelSpec, point: string): TopLevelSpec {
  const at = ` at ${point}`;
  const named = (title: Title): Title => {
    if (typeof title === 'string') return title + at;
    if (Array.isArray(title)) return [...title.slice(0, -1), `${title.at(-1) ?? ''}${at}`];
    const { text, subtitle } = title;
    if (typeof text === 'string') return { ...title, text: text + at };
    if (Array.isArray(text)) return { ...title, text: [...text.slice(0, -1), `${text.at(-1) ?? ''}${at}`] };
    const lines = subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
    if (!lines.every((l): l is string => typeof l === 'string')) return title;
    return { ...title, subtitle: [`At ${point}.`, ...lines] };
  };
  return {
    ...spec,
    ...(spec.title === undefined ? {} : { title: named(spec.title) }),
    ...(spec.description === undefined ? {} : { description: `${spec.description} At ${point}.` }),
  } as TopLevelSpec;
}

export function reportCharts(model: ReportModel): { charts: ReportChart[]; notes: string[] } {
  const charts: ReportChart[] = [];
  const notes: string[] = [];
  const point = model.detailPoint;
  const at = point === undefined ? '' : ` at ${point}`;
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
  // The detail charts draw one point of a sweep: each says which.
  const detail = (id: string, heading: string, spec: (medium: Medium) => TopLevelSpec, hint?: string) =>
    chart(id, heading, (m) => (point === undefined ? spec(m) : atPoint(spec(m), point)), hint);
  detail('response-cdf', `Response-time distribution${at}`, () => responseCdfSpec(runs), LEGEND_HINT);
  detail('quantiles', `Response-time quantiles${at}`, () => quantileBarsSpec(runs), QUANTILE_HINT);
  if (hasCosts(runs))
    detail(
      'cost-p99',
      `${costFigure(runs).own === undefined ? 'Cost' : 'Cost per task'} and p99 response time${at}`,
      () => costParetoSpec(runs),
      LEGEND_HINT,
    );
  else
    notes.push('No agent in this scenario has a price, so every policy costs 0: the cost chart is left out.');
  detail('timeline', `Queue and utilization over time${at}`, () => timelineSpec(runs, 0), LEGEND_HINT);
  if (hasAgentSeries(runs))
    detail('agents', `Utilization per agent${at}`, (m) => agentHeatmapSpec(runs, model.headline.winner, m));
  else notes.push('The result holds no per-agent utilization series: the heatmap is left out.');
  return { charts, notes };
}
