// Queue length and fleet utilization over virtual time for one replication (0 by default), per
// policy: the bucketed time averages the recorder keeps (src/metrics/timeline.ts). Dashed rules
// mark where warm-up ended; figures before it are not in any statistic.
import type { RunResult } from '../../runner/run-result.js';
import {
  type Channel,
  CONFIG,
  finite,
  type LayerSpec,
  pickOpacity,
  pickParam,
  policyColor,
  policyList,
  round4,
  SCHEMA,
  type TopLevelSpec,
  WIDTH,
  withLabelKey,
} from './common.js';
import { fmt4 } from './interval.js';

export interface TimelineRow {
  readonly policy: string;
  /** Bucket midpoint, virtual seconds (a last, partial bucket's own). */
  readonly t: number;
  readonly waiting?: number;
  readonly utilization?: number;
}

export function timelineRows(
  runs: readonly RunResult[],
  replication = 0,
): { rows: TimelineRow[]; warmup: { policy: string; t: number }[] } {
  const rows: TimelineRow[] = [];
  const warmup: { policy: string; t: number }[] = [];
  for (const run of runs) {
    const rep = run.replicationResults.find((r) => r.replication === replication);
    if (rep === undefined) continue;
    const { bucketSeconds: w, numberInQueue, utilization } = rep.timeline;
    const policy = run.policy.label;
    for (let i = 0; i < numberInQueue.length; i++) {
      const q = numberInQueue[i];
      const u = utilization[i];
      rows.push({
        policy,
        // The last bucket may end with the run, short of a full width (Timeline.finish).
        t: round4((i * w + Math.min((i + 1) * w, rep.endSeconds)) / 2),
        ...(finite(q) ? { waiting: round4(Math.max(0, q)) } : {}),
        ...(finite(u) ? { utilization: round4(u) } : {}),
      });
    }
    if (rep.warmupEndSeconds > 0) warmup.push({ policy, t: rep.warmupEndSeconds });
  }
  return { rows, warmup };
}

/** Axis labels 0.5, 3, 300, 3k, 30k (vega's `~s` format turns small ticks into `0k` on a wide domain). */
const SHORT_NUMBER =
  "datum.value >= 1000 ? format(datum.value / 1000, '~g') + 'k' : format(datum.value, '~g')";

/** Tick values for a symlog axis up to `max`: 0, 1, 3, 10, 30, ... (0, 0.5, 1, 2, 3 when small). */
export function symlogTicks(max: number): number[] {
  if (!(max >= 3)) return [0, 0.5, 1, 2, 3].filter((v) => v <= Math.max(max, 1));
  const ticks = [0];
  for (let d = 1; d <= max; d *= 10) ticks.push(...[d, 3 * d].filter((v) => v <= max));
  return ticks;
}

export function timelineSpec(runs: readonly RunResult[], replication = 0): TopLevelSpec {
  const { rows, warmup } = timelineRows(runs, replication);
  const maxWaiting = Math.max(0, ...rows.map((r) => r.waiting ?? 0));
  const labels = runs.map((r) => r.policy.label);
  const color = policyColor(labels);
  const x: Channel<'x'> = { field: 't', type: 'quantitative', title: 'virtual time (s)' };
  const rule: LayerSpec = {
    data: { values: warmup },
    mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1 },
    encoding: {
      x,
      color,
      opacity: pickOpacity(0.6, 0.05),
      tooltip: [{ field: 'policy' }, { field: 't', title: 'warm-up ends (s)', format: '.4~g' }],
    },
  };
  const tooltip: Channel<'tooltip'> = [
    { field: 'policy' },
    { field: 't', type: 'quantitative', title: 'time (s)', format: '.4~g' },
    { field: 'waiting', type: 'quantitative', title: 'tasks waiting', format: '.3~f' },
    { field: 'utilization', type: 'quantitative', title: 'utilization', format: '.1%' },
  ];
  return {
    $schema: SCHEMA,
    description: `Two line charts over virtual time, replication ${replication}, for ${policyList(labels)}: tasks waiting (symlog scale, at most ${fmt4(maxWaiting)}) and fleet utilization (0 to 100%), as time averages per bucket, with the end of each policy's warm-up marked.`,
    title: {
      text: `Queue length and utilization over virtual time (replication ${replication})`,
      subtitle: withLabelKey(
        [
          'Time averages per bucket; dashed lines: end of warm-up (earlier figures are left out of every statistic).',
        ],
        labels,
      ),
    },
    config: CONFIG,
    resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } },
    vconcat: [
      {
        width: WIDTH,
        height: 170,
        layer: [
          {
            data: { values: rows },
            params: [pickParam],
            transform: [{ filter: 'isValid(datum.waiting)' }],
            mark: { type: 'line', strokeWidth: 1.5 },
            encoding: {
              x,
              y: {
                field: 'waiting',
                type: 'quantitative',
                title: 'tasks waiting (symlog)',
                scale: { type: 'symlog' },
                axis: { values: symlogTicks(maxWaiting), labelExpr: SHORT_NUMBER },
              },
              color,
              opacity: pickOpacity(),
              tooltip,
            },
          },
          rule,
        ],
      },
      {
        width: WIDTH,
        height: 130,
        layer: [
          {
            data: { values: rows },
            transform: [{ filter: 'isValid(datum.utilization)' }],
            mark: { type: 'line', strokeWidth: 1.5 },
            encoding: {
              x,
              y: {
                field: 'utilization',
                type: 'quantitative',
                title: 'utilization',
                axis: { format: '%' },
                scale: { domain: [0, 1] },
              },
              color,
              opacity: pickOpacity(),
              tooltip,
            },
          },
          rule,
        ],
      },
    ],
  };
}
