// The terminal view of a sweep: one row per point (its values, and its replications when they
// differ from point to point), then per policy the p99 and the mean response time with their 95%
// CI half-widths; * marks the best policy at the point.
import type { SweepPoint, SweepResult } from '../runner/sweep.js';
import { axisValueText } from '../runner/sweep-axes.js';
import { autoText, FAILED_AT_POINTS_LEFT_OUT, failedRunText, runNotes } from '../runner/run-notes.js';
import { formatTable, withHalfWidth } from './format-table.js';
import { count } from '../plural.js';

/** A point's values as the table's notes and messages write them: `workload.arrivals.rate=8 agents.0.count=16`. */
export function pointText(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([p, v]) => `${p}=${axisValueText(v)}`)
    .join(' ');
}

function cells(point: SweepPoint, label: string): string[] {
  const run = point.runs.find((r) => r.policy.label === label);
  if (run === undefined) return ['FAILED', ''];
  const star = (metric: string) => (point.best[metric] === label ? '*' : ' ');
  return [
    `${withHalfWidth(run.metrics.responseTime.p99, run.replications)}${star('responseTime.p99')}`,
    `${withHalfWidth(run.metrics.responseTime.mean, run.replications)}${star('responseTime.mean')}`,
  ];
}

export function formatSweep(s: SweepResult): string {
  const paths = s.axes.map((a) => a.path);
  const counts = [...new Set(s.points.filter((p) => p.error === undefined).map((p) => p.replications))];
  // replications: auto may run more at one point than another: then each row says how many.
  const perPoint = counts.length > 1;
  const header = [
    ...paths,
    ...(perPoint ? ['replications'] : []),
    ...s.policies.flatMap((p) => [`${p} p99 (s)`, `${p} mean (s)`]),
  ];
  const rows = s.points.map((point) => [
    ...paths.map((p) => axisValueText(point.values[p])),
    ...(perPoint ? [point.error === undefined ? String(point.replications) : '-'] : []),
    ...s.policies.flatMap((label) => cells(point, label)),
  ]);
  const reps = counts.length <= 1 ? `${counts[0] ?? 0}` : `${Math.min(...counts)}–${Math.max(...counts)}`;
  // --vary seed gives each point its own seed (its column shows it): the base seed ran nowhere.
  const seed = paths.includes('seed') ? 'seed varies by point' : `seed ${s.seed}`;
  const parts = [
    `${s.scenario} · ${count(s.policies.length, 'policy', 'policies')} × ${count(s.points.length, 'point')} · ${reps} ${reps === '1' ? 'replication' : 'replications'}${autoText(s.points.flatMap((p) => p.runs))} · ${seed} · same workload for every policy at a point`,
    '',
    formatTable(header, rows),
    '',
    reps === '1'
      ? 'Response time: p99 and mean (one replication: no confidence intervals); * marks the best policy at the point.'
      : 'Response time: p99 and mean; ± is the 95% CI half-width over replications; * marks the best policy at the point.',
  ];
  for (const point of s.points) {
    const where = pointText(point.values);
    if (point.error !== undefined) {
      parts.push('', `FAILED point ${where}: ${point.error}`);
      continue;
    }
    for (const note of runNotes(point.runs, ` at ${where}`)) parts.push('', note);
    for (const f of point.failures)
      parts.push('', `FAILED ${f.policy} at ${where} (${failedRunText(f)}): ${f.error}`);
  }
  if (s.points.some((p) => p.failures.length > 0)) parts.push('', FAILED_AT_POINTS_LEFT_OUT);
  return parts.join('\n');
}
