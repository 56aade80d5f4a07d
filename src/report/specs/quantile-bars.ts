// p50, p95 and p99 response time per policy as bars with 95% confidence intervals (whiskers),
// policies ordered by p99. When one policy's figures are more than 20 times another's (an
// overloaded policy), x switches to a log scale so the others stay readable.
import type { RunResult } from '../../runner/run-result.js';
import {
  type Channel,
  CONFIG,
  logAxis,
  type Param,
  QUANTILE_MEAN_TOOLTIP,
  SCHEMA,
  type TopLevelSpec,
  WIDTH,
  wantsLog,
} from './common.js';

const BAR_QUANTILES = ['p50', 'p95', 'p99'] as const;

export interface BarRow {
  readonly policy: string;
  readonly quantile: string;
  readonly seconds: number;
  readonly lo: number;
  readonly hi: number;
  /** The whisker's left end as drawn: the CI low, or the axis start when a log scale cannot show it. */
  readonly loShown: number;
}

export function barRows(runs: readonly RunResult[]): BarRow[] {
  const rows: Omit<BarRow, 'loShown'>[] = [];
  for (const run of runs)
    for (const q of BAR_QUANTILES) {
      const e = run.metrics.responseTime[q];
      if (e.value !== null)
        rows.push({ policy: run.policy.label, quantile: q, seconds: e.value, lo: e.ci95[0], hi: e.ci95[1] });
    }
  const floor = Math.min(...rows.map((r) => r.seconds).filter((v) => v > 0)) / 2;
  const log = wantsLog(rows.map((r) => r.seconds));
  return rows.map((r) => ({ ...r, loShown: log && r.lo <= 0 ? floor : r.lo }));
}

/** Policies by p99 (lowest first), those without a p99 last. */
export function byP99(runs: readonly RunResult[]): string[] {
  const p99 = (r: RunResult) => r.metrics.responseTime.p99.value ?? Number.POSITIVE_INFINITY;
  return [...runs].sort((a, b) => p99(a) - p99(b)).map((r) => r.policy.label);
}

export function quantileBarsSpec(runs: readonly RunResult[]): TopLevelSpec {
  const rows = barRows(runs);
  const log = wantsLog(rows.map((r) => r.seconds));
  const y: Channel<'y'> = { field: 'policy', type: 'nominal', sort: byP99(runs), title: null };
  const yOffset: Channel<'yOffset'> = { field: 'quantile', type: 'nominal', sort: [...BAR_QUANTILES] };
  const pick: Param = { name: 'pickQ', select: { type: 'point', fields: ['quantile'] }, bind: 'legend' };
  const opacity: Channel<'opacity'> = { condition: { param: 'pickQ', value: 1, empty: true }, value: 0.1 };
  return {
    $schema: SCHEMA,
    title: {
      text: 'Response-time quantiles per policy',
      subtitle: [
        `Mean over replications; whiskers: 95% confidence interval.${log ? ' Log scale: the policies differ by more than 20×.' : ''}`,
        'Ordered by p99. Click a legend entry to show only that quantile.',
      ],
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
            axis: log ? logAxis(rows.flatMap((r) => [r.loShown, r.hi])) : {},
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
      {
        mark: { type: 'rule', color: '#d62728', strokeWidth: 1.5 },
        encoding: { x: { field: 'loShown', type: 'quantitative' }, x2: { field: 'hi' }, opacity },
      },
    ],
  };
}
