// p50, p95 and p99 response time per policy as bars with 95% confidence intervals (whiskers),
// policies ordered by p99. When one policy's figures are more than 20 times another's (an
// overloaded policy), x switches to a log scale so the others stay readable.
import type { RunResult } from '../../runner/run-result.js';
import {
  type Channel,
  CONFIG,
  layerIf,
  logAxis,
  nonNegativeAxis,
  type Param,
  QUANTILE_MEAN_TOOLTIP,
  SCHEMA,
  type TopLevelSpec,
  policyList,
  WIDTH,
  wantsLog,
  withLabelKey,
} from './common.js';
import { policyLabels } from './labels.js';
import { drawnInterval, fmt4, type Interval, intervalSentence, meanWords } from './interval.js';

const BAR_QUANTILES = ['p50', 'p95', 'p99'] as const;

/**
 * A bar and its whisker: the CI as computed (lo, hi) and as drawn (loShown, hiShown), cut at 0 (a
 * time cannot be negative) or, on a log scale, at the axis start; none with one replication.
 */
export interface BarRow extends Interval {
  readonly policy: string;
  readonly quantile: string;
  readonly seconds: number;
}

export function barRows(runs: readonly RunResult[]): BarRow[] {
  const bars: { run: RunResult; quantile: string; seconds: number; ci95: [number, number] | null }[] = [];
  for (const run of runs)
    for (const q of BAR_QUANTILES) {
      const e = run.metrics.responseTime[q];
      if (e.value !== null) bars.push({ run, quantile: q, seconds: e.value, ci95: e.ci95 });
    }
  const { options } = nonNegativeAxis(bars.map((b) => b.seconds));
  return bars.map((b) => ({
    policy: b.run.policy.label,
    quantile: b.quantile,
    seconds: b.seconds,
    ...drawnInterval(b.ci95, b.run.replications, options),
  }));
}

/** Policies by p99 (lowest first), those without a p99 last. */
export function byP99(runs: readonly RunResult[]): string[] {
  const p99 = (r: RunResult) => r.metrics.responseTime.p99.value ?? Number.POSITIVE_INFINITY;
  return [...runs].sort((a, b) => p99(a) - p99(b)).map((r) => r.policy.label);
}

export function quantileBarsSpec(runs: readonly RunResult[]): TopLevelSpec {
  const rows = barRows(runs);
  const log = wantsLog(rows.map((r) => r.seconds));
  const order = byP99(runs);
  const y: Channel<'y'> = {
    field: 'policy',
    type: 'nominal',
    sort: order,
    title: null,
    axis: policyLabels(order),
  };
  const yOffset: Channel<'yOffset'> = { field: 'quantile', type: 'nominal', sort: [...BAR_QUANTILES] };
  const pick: Param = { name: 'pickQ', select: { type: 'point', fields: ['quantile'] }, bind: 'legend' };
  const opacity: Channel<'opacity'> = { condition: { param: 'pickQ', value: 1, empty: true }, value: 0.1 };
  const p99 = rows.filter((r) => r.quantile === 'p99');
  const p99s = order.flatMap((l) =>
    p99.filter((r) => r.policy === l).map((r) => `${l} ${fmt4(r.seconds)} s`),
  );
  return {
    $schema: SCHEMA,
    description: `Bar chart of p50, p95 and p99 response time for ${policyList(order)}, ${meanWords(runs)}${rows.some((r) => r.lo !== null) ? ', with 95% confidence intervals' : ''}. p99 from lowest: ${p99s.join('; ')}.`,
    title: {
      text: 'Response-time quantiles per policy',
      subtitle: withLabelKey(
        [
          `Bars: ${meanWords(runs)}. ${intervalSentence(rows, 'Whiskers')}`,
          `${log ? 'Log scale: the policies differ by more than 20×. ' : ''}Ordered by p99.`,
        ],
        order,
      ),
    },
    width: WIDTH,
    height: { step: 9 },
    config: CONFIG,
    data: { values: rows },
    encoding: { y, yOffset },
    layer: [
      {
        params: [pick],
        mark: { type: 'bar', height: { band: 1 } },
        encoding: {
          x: {
            field: 'seconds',
            type: 'quantitative',
            stack: null,
            title: `response time (s${log ? ', log scale' : ''})`,
            scale: log ? { type: 'log' } : { zero: true },
            axis: log
              ? logAxis(rows.flatMap((r) => [r.seconds, r.loShown ?? r.seconds, r.hiShown ?? r.seconds]))
              : {},
          },
          color: {
            field: 'quantile',
            type: 'nominal',
            sort: [...BAR_QUANTILES],
            scale: { domain: [...BAR_QUANTILES], range: ['#9ecae1', '#4292c6', '#08306b'] },
            title: 'quantile',
          },
          opacity,
          tooltip: QUANTILE_MEAN_TOOLTIP,
        },
      },
      ...layerIf(
        rows.some((r) => r.loShown !== null),
        {
          transform: [{ filter: 'isValid(datum.loShown)' }],
          mark: { type: 'rule', color: '#d62728', strokeWidth: 1.5 },
          encoding: { x: { field: 'loShown', type: 'quantitative' }, x2: { field: 'hiShown' }, opacity },
        },
      ),
    ],
  };
}
