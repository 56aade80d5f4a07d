// The report's tables as rows: every figure of every run with its 95% confidence interval, and
// every paired difference against the best policy. Pure; html.ts renders them.
import type { RunResult } from '../runner/run-result.js';
import { estimateOf, metricName, metricPaths, metricUnit } from './metrics.js';
import type { ReportModel } from './report-model.js';
import { pointLabel } from './sweep-headline.js';

export interface FigureRow {
  /** The sweep point (empty outside sweeps). */
  readonly point: string;
  readonly policy: string;
  readonly metric: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number | null;
  /** The 95% CI; null for a missing figure or a run of one replication (no interval). */
  readonly lo: number | null;
  readonly hi: number | null;
  /** Whether this policy is the best on this metric (lowest mean) at this point. */
  readonly best: boolean;
}

/** Figure-major: every policy's value of one figure, then the next figure. */
function runRows(
  runs: readonly RunResult[],
  point: string,
  best: Readonly<Record<string, string>>,
): FigureRow[] {
  const metrics = [...new Set(runs.flatMap(metricPaths))];
  return metrics.flatMap((metric) =>
    runs.flatMap((run) => {
      const e = estimateOf(run, metric);
      const single = run.replicationResults.length < 2;
      if (e === undefined) return [];
      const row: FigureRow = {
        point,
        policy: run.policy.label,
        metric,
        name: metricName(metric),
        unit: metricUnit(metric),
        value: e.value,
        // One replication has no interval: its JSON keeps [value, value], which is no CI of width 0.
        lo: single ? null : (e.ci95?.[0] ?? null),
        hi: single ? null : (e.ci95?.[1] ?? null),
        best: best[metric] === run.policy.label,
      };
      return [row];
    }),
  );
}

export function figureRows(model: ReportModel): FigureRow[] {
  const sweep = model.sweep;
  if (sweep === undefined) return runRows(model.runs, '', model.best[''] ?? {});
  return sweep.points.flatMap((p) => {
    const label = pointLabel(sweep, p.values);
    return runRows(p.runs, label, p.best);
  });
}
