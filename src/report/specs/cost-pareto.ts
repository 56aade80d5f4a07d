// Cost against p99 response time, one point per policy with 95% CI whiskers on both axes; the
// Pareto frontier (no other policy is both cheaper and faster) is joined by a dashed step line
// and its points are filled, dominated ones hollow. Labels name every point for print.
import type { RunResult } from '../../runner/run-result.js';
import { paretoFrontier } from '../pareto.js';
import {
  type Channel,
  CONFIG,
  logAxis,
  type LayerSpec,
  LEGEND_HINT,
  pickOpacity,
  pickParam,
  policyColor,
  SCHEMA,
  type TopLevelSpec,
  WIDTH,
  wantsLog,
} from './common.js';

export interface CostRow {
  readonly policy: string;
  readonly cost: number;
  readonly costLo: number;
  readonly costHi: number;
  readonly p99: number;
  readonly p99Lo: number;
  readonly p99Hi: number;
  readonly frontier: boolean;
}

export function costRows(runs: readonly RunResult[]): CostRow[] {
  const rows = runs.flatMap((run) => {
    const c = run.metrics.cost;
    const p = run.metrics.responseTime.p99;
    if (c.value === null || p.value === null) return [];
    return [
      {
        policy: run.policy.label,
        cost: c.value,
        costLo: c.ci95[0],
        costHi: c.ci95[1],
        p99: p.value,
        p99Lo: p.ci95[0],
        p99Hi: p.ci95[1],
      },
    ];
  });
  const onFrontier = paretoFrontier(rows.map((r) => ({ x: r.cost, y: r.p99 })));
  return rows.map((r, i) => ({ ...r, frontier: onFrontier[i]! }));
}

/** Whether the chart says anything: some policy has a cost other than 0. */
export function hasCosts(runs: readonly RunResult[]): boolean {
  return runs.some((r) => (r.metrics.cost.value ?? 0) !== 0);
}

export function costParetoSpec(runs: readonly RunResult[]): TopLevelSpec {
  const rows = costRows(runs);
  const frontier = rows.filter((r) => r.frontier).sort((a, b) => a.cost - b.cost);
  const log = wantsLog(rows.map((r) => r.p99));
  const color = policyColor(runs.map((r) => r.policy.label));
  const stroke = policyColor(runs.map((r) => r.policy.label)) as Channel<'stroke'>;
  const x: Channel<'x'> = {
    field: 'cost',
    type: 'quantitative',
    title: 'cost (observation window)',
    scale: { zero: false },
  };
  const y: Channel<'y'> = {
    field: 'p99',
    type: 'quantitative',
    title: `p99 response time (s${log ? ', log scale' : ''})`,
    scale: log ? { type: 'log' } : { zero: false },
    axis: log ? logAxis(rows.flatMap((r) => [r.p99Lo, r.p99Hi])) : {},
  };
  const layer: LayerSpec[] = [
    {
      data: { values: frontier },
      mark: { type: 'line', interpolate: 'step-after', strokeDash: [5, 4], color: '#888' },
      encoding: { x, y },
    },
    {
      mark: { type: 'rule', strokeWidth: 1 },
      encoding: {
        x: { field: 'costLo', type: 'quantitative' },
        x2: { field: 'costHi' },
        y,
        color,
        opacity: pickOpacity(0.6, 0.05),
      },
    },
    {
      mark: { type: 'rule', strokeWidth: 1 },
      encoding: {
        x,
        y: { field: 'p99Lo', type: 'quantitative' },
        y2: { field: 'p99Hi' },
        color,
        opacity: pickOpacity(0.6, 0.05),
      },
    },
    {
      params: [pickParam],
      mark: { type: 'point', size: 90, strokeWidth: 2, filled: true },
      encoding: {
        x,
        y,
        color,
        stroke,
        fillOpacity: { condition: { test: 'datum.frontier', value: 1 }, value: 0 },
        opacity: pickOpacity(),
        tooltip: [
          { field: 'policy' },
          { field: 'cost', type: 'quantitative', format: '.4~g' },
          { field: 'costLo', type: 'quantitative', format: '.4~g', title: 'cost 95% CI low' },
          { field: 'costHi', type: 'quantitative', format: '.4~g', title: 'cost 95% CI high' },
          { field: 'p99', type: 'quantitative', format: '.4~g', title: 'p99 (s)' },
          { field: 'p99Lo', type: 'quantitative', format: '.4~g', title: 'p99 95% CI low' },
          { field: 'p99Hi', type: 'quantitative', format: '.4~g', title: 'p99 95% CI high' },
          { field: 'frontier', title: 'on the Pareto frontier' },
        ],
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: 10 },
      encoding: { x, y, text: { field: 'policy' }, opacity: pickOpacity(1, 0.05) },
    },
  ];
  return {
    $schema: SCHEMA,
    title: {
      text: 'Cost against p99 response time',
      subtitle: [
        'Filled points and the dashed line: the Pareto frontier (no policy is both cheaper and faster).',
        `Whiskers: 95% confidence intervals. ${LEGEND_HINT}`,
      ],
    },
    width: WIDTH,
    height: 320,
    config: CONFIG,
    data: { values: rows },
    layer,
  };
}
