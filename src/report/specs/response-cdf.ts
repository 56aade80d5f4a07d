// Response-time distribution per policy, as a CDF approximated from quantiles: the recorder keeps
// p50, p90, p95, p99 and p99.9, not every task, so each replication gives five points of its CDF
// (dots) and the line joins the means of those quantiles across replications. The y axis is a
// "nines" scale, −log10(1 − F), so the tail (99% to 99.9%) is as wide as the body; x is log seconds.
import type { RunResult } from '../../runner/run-result.js';
import {
  CONFIG,
  logAxis,
  type Channel,
  finite,
  pickOpacity,
  QUANTILE_MEAN_TOOLTIP,
  pickParam,
  policyColor,
  policyDash,
  policyShape,
  policyList,
  round4,
  SCHEMA,
  type TopLevelSpec,
  WIDTH,
  withLabelKey,
} from './common.js';
import { drawnInterval, fmt4 } from './interval.js';

export const CDF_QUANTILES = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
  ['p999', 0.999],
] as const;

export interface CdfPoint {
  readonly policy: string;
  /** Replication index, or -1 for the mean across replications. */
  readonly replication: number;
  readonly quantile: string;
  /** −log10(1 − fraction): 0.3 for p50, 2 for p99, 3 for p99.9. */
  readonly nines: number;
  readonly seconds: number;
  /** A mean's 95% CI in words, for the tooltip (interval.ts; not drawn). */
  readonly ci?: string;
}

const nines = (p: number) => round4(-Math.log10(1 - p));
const label = (q: string) => (q === 'p999' ? 'p99.9' : q);

export function cdfPoints(runs: readonly RunResult[]): { replications: CdfPoint[]; means: CdfPoint[] } {
  const replications: CdfPoint[] = [];
  const means: CdfPoint[] = [];
  for (const run of runs) {
    const policy = run.policy.label;
    for (const [q, p] of CDF_QUANTILES) {
      for (const r of run.replicationResults) {
        const seconds = r.metrics.responseTime[q];
        if (finite(seconds) && seconds > 0)
          replications.push({
            policy,
            replication: r.replication,
            quantile: label(q),
            nines: nines(p),
            seconds: round4(seconds),
          });
      }
      const e = run.metrics.responseTime[q];
      if (e.value !== null && e.value > 0)
        means.push({
          policy,
          replication: -1,
          quantile: label(q),
          nines: nines(p),
          seconds: e.value,
          ci: drawnInterval(e.ci95, run.replications).ci,
        });
    }
  }
  return { replications, means };
}

export function responseCdfSpec(runs: readonly RunResult[]): TopLevelSpec {
  const { replications, means } = cdfPoints(runs);
  const labels = runs.map((r) => r.policy.label);
  const color = policyColor(labels);
  const shape = policyShape(labels);
  const x: Channel<'x'> = {
    field: 'seconds',
    type: 'quantitative',
    scale: { type: 'log' },
    axis: logAxis([...replications, ...means].map((p) => p.seconds)),
    title: 'response time (s, log scale)',
  };
  const y: Channel<'y'> = {
    field: 'nines',
    type: 'quantitative',
    title: 'share of tasks done within x',
    scale: { domain: [0.25, 3.1], nice: false },
    axis: {
      values: CDF_QUANTILES.map(([, p]) => nines(p)),
      labelExpr: "format(1 - pow(10, -datum.value), '.1~%')",
    },
  };
  const p99 = means.filter((m) => m.quantile === 'p99').sort((a, b) => a.seconds - b.seconds)[0];
  return {
    $schema: SCHEMA,
    description: `Line chart of the response-time distribution of ${policyList(labels)}: the share of tasks done within a time (50% to 99.9%) against the time, on a log scale, from each policy's p50, p90, p95, p99 and p99.9.${p99 === undefined ? '' : ` Lowest p99: ${p99.policy}, ${fmt4(p99.seconds)} s.`}`,
    title: {
      text: 'Response-time distribution (CDF)',
      subtitle: withLabelKey(
        [
          'Approximated from quantiles: dots are each replication’s p50, p90, p95, p99 and p99.9;',
          'the line joins their means across replications (between quantiles it is interpolated, not measured).',
        ],
        labels,
      ),
    },
    width: WIDTH,
    height: 300,
    config: CONFIG,
    layer: [
      {
        data: { values: means },
        params: [pickParam],
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y,
          color,
          strokeDash: policyDash(labels),
          opacity: pickOpacity(),
          order: { field: 'nines' },
        },
      },
      {
        data: { values: replications },
        mark: { type: 'point', filled: true, size: 16 },
        encoding: {
          x,
          y,
          color,
          shape,
          opacity: pickOpacity(0.35, 0.02),
          tooltip: [
            { field: 'policy' },
            { field: 'replication', type: 'quantitative' },
            { field: 'quantile' },
            { field: 'seconds', type: 'quantitative', format: '.4~g', title: 'seconds' },
          ],
        },
      },
      {
        data: { values: means },
        mark: { type: 'point', filled: true, size: 40, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x,
          y,
          color,
          shape,
          opacity: pickOpacity(),
          tooltip: QUANTILE_MEAN_TOOLTIP,
        },
      },
    ],
  };
}
