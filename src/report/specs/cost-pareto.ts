// Cost against p99 response time, one point per policy with 95% CI whiskers on both axes; the
// Pareto frontier (no other policy is both cheaper and faster) is joined by a dashed step line
// and its points are filled, dominated ones hollow. Labels name every point for print. When each
// run observes a window of its own (warmup: auto, or a warm-up and a stop of different kinds), cost
// totals cover different windows and do not compare: the chart plots cost per task instead.
import { type OwnWindows, ownWindowsOf, ownWindowsWords } from '../../metrics/window-totals.js';
import type { RunResult } from '../../runner/run-result.js';
import { paretoFrontier } from '../pareto.js';
import {
  type Channel,
  CONFIG,
  logAxis,
  type LayerSpec,
  layerIf,
  nonNegativeAxis,
  pickOpacity,
  pickParam,
  policyColor,
  policyShape,
  policyList,
  SCHEMA,
  type TopLevelSpec,
  type UnitSpec,
  WIDTH,
  withLabelKey,
} from './common.js';
import { drawnInterval, fmt4, type Interval, intervalSentence, NON_NEGATIVE } from './interval.js';
import { shortLabels } from './labels.js';

/**
 * A policy's point and whiskers: each 95% CI as drawn (…Lo, …Hi: cut at 0, which neither a cost
 * nor a time can be below, and on a log p99 axis at its start; null with one replication) and in
 * words for the tooltip (…Ci).
 */
export interface CostRow {
  readonly policy: string;
  /** The policy as the point's text label shows it: shortened when long (labels.ts). */
  readonly label: string;
  readonly cost: number;
  readonly costLo: number | null;
  readonly costHi: number | null;
  readonly costCi: string;
  readonly p99: number;
  readonly p99Lo: number | null;
  readonly p99Hi: number | null;
  readonly p99Ci: string;
  readonly frontier: boolean;
}

/**
 * The cost figure the chart plots: the total over the observation window, or cost per task when
 * each run observes a window of its own (`own` says why), as the tables then compare no totals.
 */
export interface CostFigure {
  readonly metric: 'cost' | 'costPerTask';
  /** `cost`, `cost per task`: the axis title and the tooltip's. */
  readonly name: string;
  readonly own?: OwnWindows;
}

export function costFigure(runs: readonly RunResult[]): CostFigure {
  const own = ownWindowsOf(runs);
  return own === undefined
    ? { metric: 'cost', name: 'cost' }
    : { metric: 'costPerTask', name: 'cost per task', own };
}

/** The runs the chart shows: those with both a cost and a p99. */
const plotted = (runs: readonly RunResult[], metric: CostFigure['metric']) =>
  runs.filter((r) => r.metrics[metric].value !== null && r.metrics.responseTime.p99.value !== null);

/**
 * The p99 axis over these runs: a log scale when the p99s span more than 20×, and then a p99
 * interval reaching 0 is drawn from the axis start, as in the quantile chart.
 */
function p99Axis(runs: readonly RunResult[]) {
  return nonNegativeAxis(
    plotted(runs, costFigure(runs).metric).map((r) => r.metrics.responseTime.p99.value!),
  );
}

/** A policy's cost and p99 with their intervals as drawn on the chart of `runs`. */
function measuredAll(runs: readonly RunResult[]) {
  const p99Options = p99Axis(runs).options;
  const { metric } = costFigure(runs);
  return plotted(runs, metric).map((run) => {
    const c = run.metrics[metric];
    const p = run.metrics.responseTime.p99;
    return {
      run,
      cost: c.value!,
      p99: p.value!,
      costCi: drawnInterval(c.ci95, run.replications, { bounds: NON_NEGATIVE }),
      p99Ci: drawnInterval(p.ci95, run.replications, p99Options),
    };
  });
}

/** Both intervals of every policy, for the subtitle. */
export function costIntervals(runs: readonly RunResult[]): Interval[] {
  return measuredAll(runs).flatMap((m) => [m.costCi, m.p99Ci]);
}

export function costRows(runs: readonly RunResult[]): CostRow[] {
  const short = shortLabels(runs.map((r) => r.policy.label));
  const rows = measuredAll(runs).map(({ run, ...m }) => ({
    policy: run.policy.label,
    label: short.get(run.policy.label) ?? run.policy.label,
    cost: m.cost,
    costLo: m.costCi.loShown,
    costHi: m.costCi.hiShown,
    costCi: m.costCi.ci,
    p99: m.p99,
    p99Lo: m.p99Ci.loShown,
    p99Hi: m.p99Ci.hiShown,
    p99Ci: m.p99Ci.ci,
  }));
  const onFrontier = paretoFrontier(rows.map((r) => ({ x: r.cost, y: r.p99 })));
  return rows.map((r, i) => ({ ...r, frontier: onFrontier[i]! }));
}

/** Whether the chart says anything: some policy has a cost other than 0 (then so is its cost per task). */
export function hasCosts(runs: readonly RunResult[]): boolean {
  return runs.some((r) => (r.metrics.cost.value ?? 0) !== 0);
}

/** A rule layer from `low` to its high end, or none when no row has an interval there (layerIf). */
function whisker(
  rows: readonly CostRow[],
  low: 'costLo' | 'p99Lo',
  encoding: NonNullable<UnitSpec['encoding']>,
): LayerSpec[] {
  return layerIf(
    rows.some((r) => r[low] !== null),
    { transform: [{ filter: `isValid(datum.${low})` }], mark: { type: 'rule', strokeWidth: 1 }, encoding },
  );
}

export function costParetoSpec(runs: readonly RunResult[]): TopLevelSpec {
  const rows = costRows(runs);
  const figure = costFigure(runs);
  const frontier = rows.filter((r) => r.frontier).sort((a, b) => a.cost - b.cost);
  const { log } = p99Axis(runs);
  const labels = runs.map((r) => r.policy.label);
  const color = policyColor(labels);
  const stroke = policyColor(labels) as Channel<'stroke'>;
  const x: Channel<'x'> = {
    field: 'cost',
    type: 'quantitative',
    title: figure.own === undefined ? 'cost (observation window)' : 'cost per task',
    scale: { zero: false },
  };
  const y: Channel<'y'> = {
    field: 'p99',
    type: 'quantitative',
    title: `p99 response time (s${log ? ', log scale' : ''})`,
    scale: log ? { type: 'log' } : { zero: false },
    axis: log ? logAxis(rows.flatMap((r) => [r.p99, r.p99Lo ?? r.p99, r.p99Hi ?? r.p99])) : {},
  };
  const layer: LayerSpec[] = [
    {
      data: { values: frontier },
      mark: { type: 'line', interpolate: 'step-after', strokeDash: [5, 4], color: '#888' },
      encoding: { x, y },
    },
    ...whisker(rows, 'costLo', {
      x: { field: 'costLo', type: 'quantitative' },
      x2: { field: 'costHi' },
      y,
      color,
      opacity: pickOpacity(0.6, 0.05),
    }),
    ...whisker(rows, 'p99Lo', {
      x,
      y: { field: 'p99Lo', type: 'quantitative' },
      y2: { field: 'p99Hi' },
      color,
      opacity: pickOpacity(0.6, 0.05),
    }),
    {
      params: [pickParam],
      mark: { type: 'point', size: 90, strokeWidth: 2, filled: true },
      encoding: {
        x,
        y,
        color,
        stroke,
        shape: policyShape(labels),
        fillOpacity: { condition: { test: 'datum.frontier', value: 1 }, value: 0 },
        opacity: pickOpacity(),
        tooltip: [
          { field: 'policy' },
          { field: 'cost', type: 'quantitative', format: '.4~g', title: figure.name },
          { field: 'costCi', title: `${figure.name} 95% CI` },
          { field: 'p99', type: 'quantitative', format: '.4~g', title: 'p99 (s)' },
          { field: 'p99Ci', title: 'p99 95% CI (s)' },
          { field: 'frontier', title: 'on the Pareto frontier' },
        ],
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: 10 },
      encoding: { x, y, text: { field: 'label' }, opacity: pickOpacity(1, 0.05) },
    },
  ];
  return {
    $schema: SCHEMA,
    description: `Scatter plot of ${figure.name} against p99 response time for ${policyList(labels)}. On the Pareto frontier (no policy both cheaper and faster), from cheapest: ${frontier.map((r) => `${r.policy} (${figure.name} ${fmt4(r.cost)}, p99 ${fmt4(r.p99)} s)`).join('; ')}.`,
    title: {
      text: `${figure.own === undefined ? 'Cost' : 'Cost per task'} against p99 response time`,
      subtitle: withLabelKey(
        [
          ...(figure.own === undefined
            ? []
            : [
                "Cost per task, not cost: cost is a total over each run's own window, so totals do not compare",
                `(${ownWindowsWords(figure.own)}).`,
              ]),
          'Filled points and the dashed line: the Pareto frontier (no policy is both cheaper and faster).',
          intervalSentence(costIntervals(runs), 'Whiskers'),
        ],
        labels,
      ),
    },
    width: WIDTH,
    height: 320,
    config: CONFIG,
    data: { values: rows },
    layer,
  };
}
