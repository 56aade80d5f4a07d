// Figures of a run by dotted path (`responseTime.p99`, `utilizationByGroup.fast`, `cost`): the
// combined estimate, the per-replication values, every path a run holds, and a readable name.
import type { MaybeEstimate } from '../runner/estimate-tree.js';
import type { RunResult } from '../runner/run-result.js';

export function valueAt(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const isEstimate = (x: unknown): x is MaybeEstimate =>
  typeof x === 'object' && x !== null && 'value' in x && 'ci95' in x;

/** The combined estimate of `metric`, or undefined when the run has no such figure. */
export function estimateOf(run: RunResult, metric: string): MaybeEstimate | undefined {
  const node = valueAt(run.metrics, metric);
  return isEstimate(node) ? node : undefined;
}

/** The value the estimate stands for, or null (no figure, or some replication had none). */
export function figureValue(run: RunResult, metric: string): number | null {
  return estimateOf(run, metric)?.value ?? null;
}

/** One value per replication (null where JSON held NaN or the figure is missing). */
export function perReplication(run: RunResult, metric: string): (number | null)[] {
  return run.replicationResults.map((r) => {
    const v = valueAt(r.metrics, metric);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
}

/** The path of every figure of the run, in the order the run lists them. */
export function metricPaths(run: RunResult): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (isEstimate(node)) out.push(prefix);
    else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) walk(v, prefix === '' ? k : `${prefix}.${k}`);
  };
  walk(run.metrics, '');
  return out;
}

const QUANTILE_WORDS: Record<string, string> = {
  mean: 'mean',
  p50: 'p50',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
  p999: 'p99.9',
};

const NAMES: Record<string, string> = {
  throughput: 'throughput',
  utilization: 'utilization',
  numberInSystem: 'tasks in system',
  numberInQueue: 'tasks waiting',
  completed: 'completed tasks',
  rejected: 'rejected tasks',
  cost: 'cost',
  costPerTask: 'cost per task',
  affinityHitRate: 'affinity hit rate',
  prefixHitRate: 'prefix-cache hit rate',
};

/** A readable name: `responseTime.p99` → `p99 response time`. */
export function metricName(metric: string): string {
  const dot = metric.indexOf('.');
  const [head, tail] = dot < 0 ? [metric, ''] : [metric.slice(0, dot), metric.slice(dot + 1)];
  if (head === 'responseTime' || head === 'waitTime')
    return `${QUANTILE_WORDS[tail] ?? tail} ${head === 'responseTime' ? 'response time' : 'wait'}`;
  if (head === 'utilizationByGroup') return `utilization of ${tail}`;
  return NAMES[metric] ?? metric;
}

/** The unit of a figure, for labels: seconds for times, empty otherwise. */
export function metricUnit(metric: string): string {
  if (metric.startsWith('responseTime.') || metric.startsWith('waitTime.')) return 's';
  if (metric === 'throughput') return 'tasks/s';
  return '';
}
