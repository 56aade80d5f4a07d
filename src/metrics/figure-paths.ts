// The dotted path of every figure of a run's combined metrics (`responseTime.p99`,
// `utilizationByGroup.fast`; per-class figures are kept apart), known from the scenario before
// anything runs, so a scenario's `objective` can be checked when it is loaded, not after its runs.
import type { QuantileSummary, ReplicationMetrics } from './summary-types.js';

const QUANTILES: readonly (keyof QuantileSummary)[] = ['mean', 'p50', 'p90', 'p95', 'p99', 'p999'];

const quantilePaths = (prefix: string) => QUANTILES.map((q) => `${prefix}.${q}`);

/** Every figure path of a run of a scenario with these agent groups, in report order. Pure. */
export function figurePaths(groupNames: readonly string[]): string[] {
  // A Record over every key of the combined metrics: a figure added there fails to compile here.
  const fields: Record<Exclude<keyof ReplicationMetrics, 'classes'>, string[]> = {
    responseTime: quantilePaths('responseTime'),
    waitTime: quantilePaths('waitTime'),
    throughput: ['throughput'],
    utilization: ['utilization'],
    utilizationByGroup: groupNames.map((g) => `utilizationByGroup.${g}`),
    numberInSystem: ['numberInSystem'],
    numberInQueue: ['numberInQueue'],
    completed: ['completed'],
    rejected: ['rejected'],
    cost: ['cost'],
    costPerTask: ['costPerTask'],
    affinityHitRate: ['affinityHitRate'],
    prefixHitRate: ['prefixHitRate'],
  };
  return Object.values(fields).flat();
}

/** Paths in brief for messages: `responseTime.{mean,p50,p99}` for siblings, in order. Pure. */
export function briefPaths(paths: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const dot = p.lastIndexOf('.');
    const key = dot < 0 ? p : p.slice(0, dot);
    const leaves = groups.get(key) ?? [];
    leaves.push(dot < 0 ? '' : p.slice(dot + 1));
    groups.set(key, leaves);
  }
  return [...groups]
    .map(([key, leaves]) =>
      leaves.length === 1 ? (leaves[0] === '' ? key : `${key}.${leaves[0]}`) : `${key}.{${leaves.join(',')}}`,
    )
    .join(', ');
}
