// The report's tables as rows: every figure of every run with its 95% confidence interval, and
// every paired difference against the best policy. Pure; html.ts renders them.
import { ownWindowsOf, ownWindowsWords } from '../metrics/window-totals.js';
import type { RunResult } from '../runner/run-result.js';
import { rank } from './headline.js';
import { estimateOf, metricName, metricPaths, metricUnit } from './metrics.js';
import type { ReportModel } from './report-model.js';
import { pointLabel } from './sweep-headline.js';
import { capital, listText } from './words.js';

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

/**
 * What the ★ and the paired differences cover, in words: the figures compare ranks, those it
 * leaves out under warmup: auto, the objective's figure when it is not among them, and, with
 * bounds, that a ★ ranks its figure alone (it may mark a policy outside them).
 */
export function rankingNotes(model: ReportModel): string[] {
  if (model.kind === 'run') return [];
  const notes: string[] = [];
  const names = model.ranked.map(metricName);
  notes.push(
    names.length === 0
      ? 'No figure is ranked: no ★ and no paired differences.'
      : `★ marks the policy with the lowest mean on each figure compared${model.kind === 'sweep' ? ', at each point' : ''}: ${listText(names)} ` +
          '(none where two or more policies share the lowest mean). Those are the figures of the paired differences. ' +
          'Other figures are not ranked: for some, such as throughput or utilization, lower is not better.',
  );
  const totals = ['rejected', 'cost'].filter((m) => !model.ranked.includes(m));
  const own = ownWindowsOf(model.runs);
  if (totals.length > 0 && own !== undefined)
    notes.push(
      `${capital(listText(totals.map(metricName)))} ${totals.length > 1 ? 'are totals' : 'is a total'} over each run's own window, as ` +
        `${ownWindowsWords(own)}: not compared (no ★, no paired difference); cost per task is the fair figure to compare.`,
    );
  const objective = model.objective;
  if (!model.ranked.includes(objective.metric))
    notes.push(
      `The objective's figure, ${metricName(objective.metric)}, is not among them: the headline ranks it by its means.`,
    );
  const bounds = Object.keys(objective.subjectTo);
  if (bounds.length > 0 && model.ranked.includes(objective.metric)) {
    const [bound, them] = bounds.length === 1 ? ['bound', 'it'] : ['bounds', 'them'];
    const name = metricName(objective.metric);
    const starred = model.best['']?.[objective.metric];
    const h = model.headline;
    const missed =
      model.kind === 'compare' && starred !== h.winner
        ? rank(model.runs, objective).find((s) => s.run.policy.label === starred)?.violations
        : undefined;
    const alone = `A ★ ranks its figure alone, without the objective's ${bound}`;
    notes.push(
      missed !== undefined && missed.length > 0
        ? `${alone}: on ${name} it marks ${starred}, which misses ${them} (${missed.join('; ')}); ` +
            (h.winner !== undefined
              ? `the headline's ${h.winner} has the lowest ${name} among the policies within ${them}.`
              : h.lead === 'tie'
                ? `the best policies within ${them} score the same.`
                : `no policy meets ${them}.`)
        : `${alone}: on ${name} it may mark a policy that misses ${them}; ` +
            `the headline names the best among the policies within ${them}.`,
    );
  }
  return notes;
}
