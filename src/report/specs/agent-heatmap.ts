// Per-agent utilization over virtual time (agents × time buckets) for replication 0, where the
// recorder keeps it. One policy at a time, chosen from a drop-down (the winner first): every
// policy's series is inlined once as an array and unrolled in the browser (flatten + row number),
// which keeps the report small.
import type { RunResult } from '../../runner/run-result.js';
import type { Scenario } from '../../workload/scenario-schema.js';
import { CONFIG, finite, type Medium, SCHEMA, type TopLevelSpec, type TopParam, WIDTH } from './common.js';

export interface AgentSeries {
  readonly policy: string;
  readonly agent: string;
  /** Position of the agent in the fleet (group order), for sorting. */
  readonly index: number;
  readonly bucketSeconds: number;
  /** When the replication ended: its last bucket may end there, short of a full width. */
  readonly endSeconds: number;
  /** Utilization per bucket, rounded to 3 decimals; null where unknown. */
  readonly u: readonly (number | null)[];
}

/** Agent names in fleet order: `fast 1`, `fast 2`, ... (`name` alone for a group of one). */
export function agentNames(agents: Scenario['agents']): string[] {
  return agents.flatMap((g) =>
    Array.from({ length: g.count }, (_, k) => (g.count === 1 ? g.name : `${g.name} ${k + 1}`)),
  );
}

export function agentSeries(runs: readonly RunResult[]): AgentSeries[] {
  const out: AgentSeries[] = [];
  for (const run of runs) {
    const rep = run.replicationResults.find((r) => r.timeline.agentUtilization !== undefined);
    const series = rep?.timeline.agentUtilization;
    if (rep === undefined || series === undefined) continue;
    const names = agentNames(run.scenarioSpec.agents);
    series.forEach((u, a) => {
      out.push({
        policy: run.policy.label,
        agent: names[a] ?? `agent ${a + 1}`,
        index: a,
        bucketSeconds: rep.timeline.bucketSeconds,
        endSeconds: rep.endSeconds,
        u: u.map((x) => (finite(x) ? Math.round(x * 1000) / 1000 : null)),
      });
    });
  }
  return out;
}

/** Whether any run recorded per-agent utilization. */
export function hasAgentSeries(runs: readonly RunResult[]): boolean {
  return runs.some((r) => r.replicationResults.some((rep) => rep.timeline.agentUtilization !== undefined));
}

/**
 * `first` is the policy shown first (the report's winner); the others come in run order. On the
 * page a drop-down picks the policy; a file shows `first` alone and says so.
 */
export function agentHeatmapSpec(
  runs: readonly RunResult[],
  first?: string,
  medium: Medium = 'page',
): TopLevelSpec {
  const all = agentSeries(runs);
  const policies = [...new Set(all.map((s) => s.policy))];
  const shown = first !== undefined && policies.includes(first) ? first : policies[0]!;
  const others = policies.filter((p) => p !== shown);
  const series = medium === 'page' ? all : all.filter((s) => s.policy === shown);
  const agents = new Set(series.map((s) => s.agent)).size;
  const what = `Heatmap of utilization (0 to 100%) of each of ${agents} agents over virtual time, replication 0`;
  const page = medium === 'page';
  const choose: TopParam = page
    ? {
        name: 'heatPolicy',
        value: shown,
        bind: { input: 'select', options: [shown, ...others], name: 'Policy shown: ' },
      }
    : { name: 'heatPolicy', value: shown };
  const elsewhere = others.length === 0 ? '' : `the HTML report also shows ${others.join(', ')}`;
  return {
    $schema: SCHEMA,
    // The chart's only accessible name: its ~agents × buckets cells are hidden from screen readers
    // (aria: false) rather than each read out as a mark.
    description: page
      ? `${what}, for one policy at a time: ${shown} first${others.length === 0 ? '' : `, the others (${others.join(', ')}) from a drop-down`}.`
      : `${what}, for ${shown}${elsewhere === '' ? '' : `; ${elsewhere}`}.`,
    title: page
      ? {
          text: { expr: "'Utilization per agent over virtual time: ' + heatPolicy" },
          // Read on paper too, where the drop-down is not printed.
          subtitle:
            'Replication 0, time average per bucket, for the policy in the title (the drop-down below picks another).',
        }
      : {
          text: `Utilization per agent over virtual time: ${shown}`,
          subtitle: `Replication 0, time average per bucket${elsewhere === '' ? '' : `; ${elsewhere}`}.`,
        },
    width: WIDTH,
    height: Math.min(480, Math.max(120, agents * 14)),
    config: CONFIG,
    params: [choose],
    data: { values: series },
    transform: [
      { filter: 'datum.policy === heatPolicy' },
      { flatten: ['u'] },
      { window: [{ op: 'row_number', as: 'bucket' }], groupby: ['policy', 'agent'] },
      { filter: 'isValid(datum.u)' },
      { calculate: '(datum.bucket - 1) * datum.bucketSeconds', as: 'from' },
      { calculate: 'min(datum.bucket * datum.bucketSeconds, datum.endSeconds)', as: 'to' },
    ],
    mark: { type: 'rect', aria: false },
    encoding: {
      x: { field: 'from', type: 'quantitative', title: 'virtual time (s)' },
      x2: { field: 'to' },
      y: {
        field: 'agent',
        type: 'ordinal',
        sort: { field: 'index' },
        title: null,
        axis: agents > 40 ? { labels: false, ticks: false } : {},
      },
      color: {
        field: 'u',
        type: 'quantitative',
        title: 'utilization',
        scale: { scheme: 'blues', domain: [0, 1] },
        legend: { format: '%' },
      },
      tooltip: [
        { field: 'agent' },
        { field: 'from', type: 'quantitative', title: 'from (s)', format: '.4~g' },
        { field: 'to', type: 'quantitative', title: 'to (s)', format: '.4~g' },
        { field: 'u', type: 'quantitative', title: 'utilization', format: '.1%' },
      ],
    },
  };
}
