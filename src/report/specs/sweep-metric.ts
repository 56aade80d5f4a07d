// A sweep: the swept axis value against a figure (p99 response time by default) per policy, the
// line through the means and a band for the 95% confidence interval (a whisker where a policy has
// one x value in a panel, as a band needs two). With several axes, the first is on x and each
// combination of the others gets its own panel.
import type { SweepResult } from '../input-types.js';
import { axisValueText } from '../../runner/sweep-axes.js';
import { metricName, metricUnit, valueAt } from '../metrics.js';
import { shortPath } from '../sweep-headline.js';
import {
  type Channel,
  CONFIG,
  logAxis,
  type LayerSpec,
  layerIf,
  pickOpacity,
  pickParam,
  policyColor,
  policyDash,
  policyList,
  SCHEMA,
  type TopLevelSpec,
  WIDTH,
  wantsLog,
  withLabelKey,
} from './common.js';
import { drawnInterval, type Interval, intervalSentence, meanWords, metricBounds } from './interval.js';

/**
 * A point of a policy's line and its band: the CI as computed (lo, hi) and as drawn (loShown,
 * hiShown), cut to what the figure can be (a time not below 0, a share within [0, 1]); none with
 * one replication.
 */
export interface SweepRow extends Interval {
  readonly x: number | string;
  /** The other axes' values, e.g. `d = 2, mode = weighted` (empty with one axis). */
  readonly panel: string;
  readonly policy: string;
  readonly value: number;
  /**
   * Whether this is the policy's only x value in its panel: a band needs two, so the interval is
   * drawn as a whisker there.
   */
  readonly alone: boolean;
}

export function sweepRows(sweep: SweepResult, metric: string): SweepRow[] {
  const bounds = metricBounds(metric);
  const [first, ...others] = sweep.axes;
  if (first === undefined) return [];
  const axisPaths = sweep.axes.map((a) => a.path);
  const rows: Omit<SweepRow, 'alone'>[] = [];
  for (const point of sweep.points) {
    const raw = point.values[first.path];
    const x = typeof raw === 'number' ? raw : axisValueText(raw);
    const panel = others
      .map((a) => `${shortPath(a.path, axisPaths)} = ${axisValueText(point.values[a.path])}`)
      .join(', ');
    for (const run of point.runs) {
      const e = valueAt(run.metrics, metric) as
        | { value: number | null; ci95: [number, number] | null }
        | undefined;
      if (e?.value != null)
        rows.push({
          x,
          panel,
          policy: run.policy.label,
          value: e.value,
          ...drawnInterval(e.ci95, run.replications, bounds === undefined ? {} : { bounds }),
        });
    }
  }
  const xsOf = new Map<string, Set<number | string>>();
  const key = (r: { panel: string; policy: string }) => JSON.stringify([r.panel, r.policy]);
  for (const r of rows) xsOf.set(key(r), (xsOf.get(key(r)) ?? new Set()).add(r.x));
  return rows.map((r) => ({ ...r, alone: xsOf.get(key(r))!.size < 2 }));
}

const BOTH = 'Band (a whisker where a policy has one point)' as const;
type What = 'Band' | 'Whiskers' | typeof BOTH;
/** The intervals as the description names them, by what intervalWhat says. */
const intervalWords: Record<What, string> = {
  Band: 'a 95% confidence band',
  Whiskers: '95% confidence intervals as whiskers',
  [BOTH]: 'a 95% confidence band (a whisker where a policy has one point)',
};

/** What the intervals are drawn as, for the subtitle: a band, whiskers at lone points, or both. */
function intervalWhat(rows: readonly SweepRow[]): What {
  const drawn = rows.filter((r) => r.loShown !== null);
  if (drawn.length === 0) return 'Band';
  if (drawn.every((r) => r.alone)) return 'Whiskers';
  return drawn.some((r) => r.alone) ? BOTH : 'Band';
}

export function sweepMetricSpec(sweep: SweepResult, metric = 'responseTime.p99'): TopLevelSpec {
  const rows = sweepRows(sweep, metric);
  const axis = sweep.axes[0]?.path ?? '';
  const numeric = rows.every((r) => typeof r.x === 'number');
  const log = wantsLog(rows.flatMap((r) => [r.value, r.loShown ?? r.value]));
  const unit = metricUnit(metric);
  const runs = sweep.points.flatMap((p) => p.runs);
  const policies = [...new Set(runs.map((r) => r.policy.label))];
  const color = policyColor(policies);
  // Ticks at the swept values when there are few of them (not at 4.2, 4.4, ...), each printed
  // as itself: the default format takes its precision from the tick spacing, so 8.8 read "9".
  const xs = [...new Set(rows.map((r) => r.x))];
  const ticks = xs.length <= 12 ? { values: xs as number[], format: ',.12~r' } : {};
  const x: Channel<'x'> = numeric
    ? { field: 'x', type: 'quantitative', title: axis, scale: { zero: false }, axis: ticks }
    : { field: 'x', type: 'ordinal', title: axis, sort: null };
  const yTitle = `${metricName(metric)}${unit === '' ? '' : ` (${unit})`}${log ? ', log scale' : ''}`;
  const y: Channel<'y'> = {
    field: 'value',
    type: 'quantitative',
    title: yTitle,
    scale: log ? { type: 'log' } : { zero: false },
    axis: log ? logAxis(rows.flatMap((r) => [r.value, r.loShown ?? r.value, r.hiShown ?? r.value])) : {},
  };
  const band: Channel<'y'> = {
    field: 'loShown',
    type: 'quantitative',
    title: yTitle,
    scale: log ? { type: 'log' } : { zero: false },
  };
  const drawn = rows.filter((r) => r.loShown !== null);
  const layer: LayerSpec[] = [
    ...layerIf(
      drawn.some((r) => !r.alone),
      {
        transform: [{ filter: 'isValid(datum.loShown) && !datum.alone' }],
        mark: { type: 'errorband' },
        encoding: { x, y: band, y2: { field: 'hiShown' }, color, opacity: pickOpacity(0.18, 0.02) },
      },
    ),
    // A policy's lone point (a one-point sweep, or one value per panel): a whisker, as no band.
    ...layerIf(
      drawn.some((r) => r.alone),
      {
        transform: [{ filter: 'isValid(datum.loShown) && datum.alone' }],
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: { x, y: band, y2: { field: 'hiShown' }, color, opacity: pickOpacity(0.6, 0.05) },
      },
    ),
    {
      params: [pickParam],
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: {
        x,
        y,
        color,
        strokeDash: policyDash(policies),
        opacity: pickOpacity(),
        tooltip: [
          { field: 'policy' },
          { field: 'x', title: axis },
          { field: 'value', type: 'quantitative', format: '.4~g', title: 'mean' },
          { field: 'ci', title: '95% CI' },
        ],
      },
    },
  ];
  const title = {
    text: `${metricName(metric)} across the sweep of ${axis}`,
    subtitle: withLabelKey(
      [`Line: ${meanWords(runs)}. ${intervalSentence(rows, intervalWhat(rows))}`],
      policies,
    ),
  };
  const span =
    numeric && xs.length > 0
      ? ` from ${Math.min(...(xs as number[]))} to ${Math.max(...(xs as number[]))}`
      : ` over ${xs.length} values`;
  const panels =
    sweep.axes.length > 1
      ? `, one panel per value of ${sweep.axes
          .slice(1)
          .map((a) =>
            shortPath(
              a.path,
              sweep.axes.map((x) => x.path),
            ),
          )
          .join(' and ')}`
      : '';
  const description = `Line chart of ${metricName(metric)}${unit === '' ? '' : ` (${unit})`} against ${axis}${span} for ${policyList(policies)}, ${meanWords(runs)}${rows.some((r) => r.lo !== null) ? ` with ${intervalWords[intervalWhat(rows)]}` : ''}${panels}.`;
  const base = { $schema: SCHEMA, description, title, config: CONFIG, data: { values: rows } };
  if (sweep.axes.length <= 1) return { ...base, width: WIDTH, height: 300, layer };
  return {
    ...base,
    facet: { row: { field: 'panel', type: 'nominal', title: null } },
    spec: { width: WIDTH, height: 200, layer },
  };
}
