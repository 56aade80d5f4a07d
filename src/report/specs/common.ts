// What every chart shares: the schema URL, sizes, the policy palette, the legend selection that
// hides policies, and the rule for switching to a log scale. Specs are plain typed data.
import type { TopLevelSpec } from 'vega-lite';
import { type IntervalOptions, NON_NEGATIVE } from './interval.js';
import { labelKey, policyLabels } from './labels.js';

export type { TopLevelSpec };

/** One layer of a layered spec, a unit spec's encoding and a view parameter, as vega-lite types them. */
export type LayerSpec = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];
export type UnitSpec = Extract<LayerSpec, { mark: unknown }>;
export type Encoding = NonNullable<UnitSpec['encoding']>;
export type Param = NonNullable<UnitSpec['params']>[number];
/** A top-level parameter: a variable (e.g. bound to a drop-down) or a selection. */
export type TopParam = NonNullable<Extract<TopLevelSpec, { mark: unknown }>['params']>[number];
export type Channel<K extends keyof Encoding> = NonNullable<Encoding[K]>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Plot width in pixels: fits an A4 page printed in portrait with the legend beside it. */
export const WIDTH = 560;

// 20 colours, every pair at least 25 apart in CIE L*a*b* (ΔE76; Tableau 10's closest pair, teal
// and grey, is 25.9): Tableau 10, then 10 more picked one at a time as far as possible from all
// before them, of moderate chroma and neither too dark nor too light on white (L* 28 to 75).
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#553388',
  '#005544',
  '#990055',
  '#9999ff',
  '#555500',
  '#773300',
  '#bbbb77',
  '#663344',
  '#ff77bb',
  '#00bbff',
];

/** Colour by policy, the same policy in the same colour in every chart of a report. */
export function policyColor(policies: readonly string[]): Channel<'color'> {
  const range = policies.map((_, i) => PALETTE[i % PALETTE.length]!);
  return {
    field: 'policy',
    type: 'nominal',
    title: 'policy',
    scale: { domain: [...policies], range },
    legend: { symbolOpacity: 1, ...policyLabels(policies) },
  };
}

// Marks and dashes by policy besides colour, so policies stay apart for a reader who cannot tell
// two colours apart, and in print: 8 shapes and 6 dash patterns, so (colour, shape) and (colour,
// dash) pairs repeat only after 40 and 60 policies.
const SHAPES = [
  'circle',
  'square',
  'triangle-up',
  'diamond',
  'cross',
  'triangle-down',
  'triangle-left',
  'triangle-right',
];
const DASHES = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
  [4, 4],
  [1, 4],
];

/** A policy channel over `range` (cycled), whose legend merges with policyColor's (same field, title and labels). */
function byPolicy<T>(policies: readonly string[], range: readonly T[]) {
  return {
    field: 'policy',
    type: 'nominal' as const,
    title: 'policy',
    scale: { domain: [...policies], range: policies.map((_, i) => range[i % range.length]!) },
    legend: { symbolOpacity: 1, ...policyLabels(policies) },
  };
}

/** Point shape by policy. */
export function policyShape(policies: readonly string[]): Channel<'shape'> {
  return byPolicy(policies, SHAPES);
}

/** Line dash by policy. */
export function policyDash(policies: readonly string[]): Channel<'strokeDash'> {
  return byPolicy(policies, DASHES);
}

/** A subtitle's lines, with the key to shortened policy labels (labels.ts) last when there is one. */
export function withLabelKey(lines: readonly string[], policies: readonly string[]): string[] {
  const key = labelKey(policies);
  return key === undefined ? [...lines] : [...lines, key];
}

/** `4 policies (sed, jsq, least-cost, random)`, or `policy sed`, for a chart's description. */
export function policyList(policies: readonly string[]): string {
  return policies.length === 1
    ? `policy ${policies[0]}`
    : `${policies.length} policies (${policies.join(', ')})`;
}

/**
 * Where a chart is drawn: on the report page, where a legend entry picks policies and the heatmap
 * has a drop-down, or in a file (`--svg`), which has neither: its subtitles give no hints to click.
 */
export type Medium = 'page' | 'file';

/** The legend selection: click a policy to show only it, shift-click to add, double-click to reset. */
export const PICK = 'pick';
export const pickParam: Param = { name: PICK, select: { type: 'point', fields: ['policy'] }, bind: 'legend' };
/** Under a chart on the page (not in print, not in its SVG file): how its legend picks. */
export const LEGEND_HINT =
  'Click a legend entry to show only that policy (shift-click adds more, double-click resets).';
export const QUANTILE_HINT = 'Click a legend entry to show only that quantile.';

/** Full opacity for the picked policies (all of them when nothing is picked), `off` for the rest. */
export function pickOpacity(on = 1, off = 0.07): Channel<'opacity'> {
  return { condition: { param: PICK, value: on, empty: true }, value: off };
}

/** A log scale when the positive values span more than `ratio` (one unstable policy dwarfs the rest). */
export function wantsLog(values: readonly number[], ratio = 20): boolean {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0 || positive.length < values.filter(Number.isFinite).length) return false;
  return Math.max(...positive) / Math.min(...positive) > ratio;
}

/**
 * `layer` when it draws something, else no layer: a layer whose rows are all filtered out makes
 * vega warn of an infinite extent (interval layers with one replication).
 */
export function layerIf(draws: boolean, layer: LayerSpec): LayerSpec[] {
  return draws ? [layer] : [];
}

/**
 * The scale of an axis of non-negative figures (times, costs) and how their intervals are drawn on
 * it: cut at 0, and on a log scale (wantsLog) from half the smallest positive value, the axis start
 * (log 0 is −∞: vega would put the domain at 0, draw the whisker end at NaN and pin every mark).
 */
export function nonNegativeAxis(values: readonly number[]): { log: boolean; options: IntervalOptions } {
  const log = wantsLog(values);
  if (!log) return { log, options: { bounds: NON_NEGATIVE } };
  return { log, options: { bounds: NON_NEGATIVE, logFloor: Math.min(...values.filter((v) => v > 0)) / 2 } };
}

/**
 * Tick values for a log axis over [min, max]: powers of 10, plus 2× and 5× when the data span at
 * most two decades (vega's own log ticks crowd, e.g. `1,0002,000`).
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max >= min && Number.isFinite(max))) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const steps = hi - lo <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k++) for (const m of steps) ticks.push(Number((m * 10 ** k).toPrecision(12)));
  return ticks;
}

/** Axis properties for a log scale over these values: ticks from logTicks, labels like 0.1, 20, 1,000. */
export function logAxis(values: readonly number[]): { values: number[]; format: string } {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  return { values: logTicks(Math.min(...positive), Math.max(...positive)), format: ',~g' };
}

/**
 * Tooltip of a quantile's mean and its 95% CI (row fields: policy, quantile, seconds, and ci, the
 * interval in words from interval.ts: as computed, saying where it was drawn cut, or `none`).
 */
export const QUANTILE_MEAN_TOOLTIP: Channel<'tooltip'> = [
  { field: 'policy' },
  { field: 'quantile' },
  { field: 'seconds', type: 'quantitative', format: '.4~g', title: 'mean (s)' },
  { field: 'ci', title: '95% CI (s)' },
];

export const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Rounds to 4 significant digits: smaller inline data, no visible change. */
export const round4 = (x: number): number => Number(x.toPrecision(4));

/** Shared config: quiet axes, legible in print. */
export const CONFIG = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start' },
} as const;
