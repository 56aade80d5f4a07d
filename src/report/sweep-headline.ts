// A sweep's headline: the objective's winner at every point, grouped by policy, e.g.
// "sed wins at 4 of 5 points (rate = 10, 15, 20, 22); jsq at 1 (rate = 24)".
import type { Headline } from './headline.js';
import { headline, objectiveText, windowCaution } from './headline.js';
import { count } from '../cli/plural.js';
import type { SweepPoint, SweepResult } from './input-types.js';
import { metricName } from './metrics.js';
import type { Objective } from './objective.js';

// A swept value as given (8.8, 1e-7), never rounded: two points must not read the same.
const valueText = (v: unknown): string =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/** `path = value` for every axis of a point, e.g. `workload.arrivals.rate = 20`. */
export function pointLabel(sweep: SweepResult, values: Readonly<Record<string, unknown>>): string {
  return sweep.axes.map((a) => `${shortPath(a.path)} = ${valueText(values[a.path])}`).join(', ');
}

/**
 * An axis's values in a few words: all of them up to four (`16, 24`), else the numeric span and
 * how many (`1–60, 60 values`), or the first three and how many.
 */
export function axisValuesText(values: readonly unknown[]): string {
  if (values.length <= 4) return values.map(valueText).join(', ');
  if (values.every((v) => typeof v === 'number'))
    return `${Math.min(...values)}–${Math.max(...values)}, ${values.length} values`;
  return `${values.slice(0, 3).map(valueText).join(', ')}, …, ${values.length} values`;
}

/** The last segment of a scenario path: `workload.arrivals.rate` → `rate`. */
export function shortPath(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** At most this many points (or runs of them) are listed in a sentence; the rest are counted. */
const MAX_LISTED = 10;

/**
 * Some of a sweep's points in few words: `every point` when they are all of `of`; on one axis its
 * values with consecutive runs of three or more as ranges (`seed = 1–5, 7, 9–12`); on several,
 * their labels. At most MAX_LISTED items, then how many more points.
 */
export function pointsText(
  sweep: SweepResult,
  points: readonly SweepPoint[],
  of: readonly SweepPoint[],
): string {
  if (points.length === of.length && points.length > 1) return 'every point';
  const [axis] = sweep.axes;
  if (sweep.axes.length === 1 && axis !== undefined) {
    // Runs over the points that ran (`of`), in sweep order: a gap is a point not in `points`.
    const index = new Map(of.map((p, i) => [p, i]));
    const at = points.map((p) => index.get(p)!).sort((a, b) => a - b);
    const value = (i: number) => valueText(of[i]!.values[axis.path]);
    const parts: { text: string; points: number }[] = [];
    for (let i = 0; i < at.length; ) {
      let j = i;
      while (j + 1 < at.length && at[j + 1] === at[j]! + 1) j++;
      if (j - i >= 2) parts.push({ text: `${value(at[i]!)}–${value(at[j]!)}`, points: j - i + 1 });
      else for (let k = i; k <= j; k++) parts.push({ text: value(at[k]!), points: 1 });
      i = j + 1;
    }
    const shown = parts.slice(0, MAX_LISTED);
    const more = parts.slice(MAX_LISTED).reduce((n, p) => n + p.points, 0);
    return `${shortPath(axis.path)} = ${shown.map((p) => p.text).join(', ')}${more > 0 ? `, … and ${count(more, 'more point')}` : ''}`;
  }
  const labels = points.map((p) => pointLabel(sweep, p.values));
  const more = labels.length - MAX_LISTED;
  return `${labels.slice(0, MAX_LISTED).join('; ')}${more > 0 ? `; … and ${count(more, 'more point')}` : ''}`;
}

export function sweepHeadline(sweep: SweepResult, objective: Objective): Headline {
  const ran = sweep.points.filter((p) => p.runs.length > 0);
  const skipped = sweep.points.filter((p) => p.runs.length === 0);
  const perPoint = ran.map((p) => ({ point: p, h: headline(p.runs, objective) }));
  const winners = new Map<string, SweepPoint[]>();
  for (const { point, h } of perPoint) {
    const w = h.winner ?? 'no policy';
    winners.set(w, [...(winners.get(w) ?? []), point]);
  }
  const ordered = [...winners.entries()].sort((a, b) => b[1].length - a[1].length);
  const n = ran.length;
  const parts = ordered.map(([w, points], i) => {
    const where = pointsText(sweep, points, ran);
    return where === 'every point'
      ? `${w} wins at every point`
      : `${w} ${i === 0 ? 'wins ' : ''}at ${points.length}${i === 0 ? ` of ${n}` : ''} (${where})`;
  });
  const [top] = ordered;
  const notSignificant = perPoint
    .filter((p) => p.h.paired !== undefined && !p.h.paired.significant)
    .map((p) => p.point);
  const sentences = [
    `Objective: ${objectiveText(objective)}.`,
    `Across ${n} point${n === 1 ? '' : 's'} of ${sweep.axes.map((a) => a.path).join(' × ')}: ${parts.join('; ')}.`,
  ];
  const caution = windowCaution(
    ran.flatMap((p) => p.runs),
    objective,
  );
  if (caution !== undefined) sentences.push(caution);
  if (notSignificant.length > 0) {
    const where = pointsText(sweep, notSignificant, ran);
    sentences.push(
      where === 'every point'
        ? 'The lead over the runner-up is not significant at any point.'
        : `The lead over the runner-up is not significant at ${notSignificant.length} of ${n}: ${where}.`,
    );
  }
  if (skipped.length > 0) {
    const more = skipped.length - MAX_LISTED;
    sentences.push(
      `${count(skipped.length, 'point')} did not run: ` +
        `${skipped
          .slice(0, MAX_LISTED)
          .map((p) => `${pointLabel(sweep, p.values)} (${p.error ?? 'every policy failed'})`)
          .join('; ')}${more > 0 ? `; … and ${count(more, 'more point')}` : ''}.`,
    );
  }
  const title =
    top === undefined || top[0] === 'no policy'
      ? 'No policy meets the objective'
      : `${top[0]} wins on ${metricName(objective.metric)} at ${top[1].length} of ${n} points`;
  return top === undefined || top[0] === 'no policy'
    ? { title, sentences }
    : { title, sentences, winner: top[0] };
}
