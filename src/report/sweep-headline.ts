// A sweep's headline: the policy that leads on the objective at the most points, and at how many
// its lead is significant ("sed leads on p99 response time at 4 of 5 points (significantly at 3
// of 4)"), then the points each policy leads, as ranges of one axis's values (rate = 10–22).
import type { Headline } from './headline.js';
import { headline, objectiveText, windowCaution, withUnit } from './headline.js';
import { count } from '../plural.js';
import { consecutiveRuns, runParts } from './words.js';
import type { SweepPoint, SweepResult } from './input-types.js';
import { figureValue, metricName } from './metrics.js';
import { num } from '../cli/format-table.js';
import type { Objective } from './objective.js';
import { axisValueText } from '../runner/sweep-axes.js';

/** `path = value` for every axis of a point, e.g. `workload.arrivals.rate = 20`. */
export function pointLabel(sweep: SweepResult, values: Readonly<Record<string, unknown>>): string {
  const paths = sweep.axes.map((a) => a.path);
  return sweep.axes.map((a) => `${shortPath(a.path, paths)} = ${axisValueText(values[a.path])}`).join(', ');
}

/**
 * An axis's values in a few words: all of them up to four (`16, 24`), else the numeric span and
 * how many (`1–60, 60 values`), or the first three and how many.
 */
export function axisValuesText(values: readonly unknown[]): string {
  if (values.length <= 4) return values.map(axisValueText).join(', ');
  if (values.every((v) => typeof v === 'number'))
    return `${Math.min(...values)}–${Math.max(...values)}, ${values.length} values`;
  return `${values.slice(0, 3).map(axisValueText).join(', ')}, …, ${values.length} values`;
}

/** The last segment of a scenario path: `workload.arrivals.rate` → `rate`. */
export function shortPath(path: string, among: readonly string[] = []): string {
  const parts = path.split('.');
  for (let n = 1; n < parts.length; n++) {
    // `0.count` says less than `agents.0.count`: a suffix starts with a name.
    if (/^\d+$/.test(parts[parts.length - n]!)) continue;
    const tail = parts.slice(-n).join('.');
    // Unambiguous among the axes: no other path ends with it (`stop.completed`, `warmup.completed`).
    if (!among.some((p) => p !== path && (p === tail || p.endsWith(`.${tail}`)))) return tail;
  }
  return path;
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
    const value = (i: number) => axisValueText(of[i]!.values[axis.path]);
    const parts = consecutiveRuns(at).flatMap((r) =>
      runParts(
        r,
        (a, b) => ({ text: `${value(a)}–${value(b)}`, points: b - a + 1 }),
        (i) => ({ text: value(i), points: 1 }),
      ),
    );
    const shown = parts.slice(0, MAX_LISTED);
    const more = parts.slice(MAX_LISTED).reduce((n, p) => n + p.points, 0);
    return `${shortPath(axis.path, [axis.path])} = ${shown.map((p) => p.text).join(', ')}${more > 0 ? `, … and ${count(more, 'more point')}` : ''}`;
  }
  const labels = points.map((p) => pointLabel(sweep, p.values));
  const more = labels.length - MAX_LISTED;
  return `${labels.slice(0, MAX_LISTED).join('; ')}${more > 0 ? `; … and ${count(more, 'more point')}` : ''}`;
}

/** Where a sweep's points go in its headline: a policy's lead, a tie, or no policy within the bounds. */
const bucketOf = (h: Headline): string =>
  JSON.stringify(h.winner !== undefined ? ['policy', h.winner] : [h.lead === 'tie' ? 'tie' : 'none']);

interface PointHeadline {
  readonly point: SweepPoint;
  readonly h: Headline;
}

/** A point where one policy ran (the others were not asked for, or failed): nothing to compare. */
const solo = (x: PointHeadline) => x.point.runs.length < 2;

/**
 * A point a policy wins: its lead is significant, or it is alone within the bounds while others
 * ran. A policy that ran alone beat nobody, as compare says of one policy (its figure, no win).
 */
const won = (x: PointHeadline) => x.h.lead === 'significant' || (x.h.lead === 'alone' && !solo(x));

/** The objective's figure at these points, as `3.2 s` or a span `1.4–3.2 s`. */
function figureSpan(xs: readonly PointHeadline[], policy: string, metric: string): string {
  const values = xs.flatMap((x) =>
    x.point.runs.filter((r) => r.policy.label === policy).map((r) => figureValue(r, metric) ?? Number.NaN),
  );
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? withUnit(metric, lo) : `${num(lo)}–${withUnit(metric, hi)}`;
}

export function sweepHeadline(sweep: SweepResult, objective: Objective): Headline {
  const name = metricName(objective.metric);
  const ran = sweep.points.filter((p) => p.runs.length > 0);
  const skipped = sweep.points.filter((p) => p.runs.length === 0);
  const perPoint: PointHeadline[] = ran.map((p) => ({ point: p, h: headline(p.runs, objective) }));
  const buckets = new Map<string, PointHeadline[]>();
  for (const x of perPoint) buckets.set(bucketOf(x.h), [...(buckets.get(bucketOf(x.h)) ?? []), x]);
  const ordered = [...buckets.entries()]
    .map(([key, xs]) => ({ key: JSON.parse(key) as [string, string?], xs }))
    .sort((a, b) => b.xs.length - a.xs.length);
  const n = ran.length;
  const parts = ordered.map(({ key: [kind, policy], xs }, i) => {
    const where = pointsText(
      sweep,
      xs.map((x) => x.point),
      ran,
    );
    const at =
      where === 'every point' ? 'at every point' : `at ${xs.length}${i === 0 ? ` of ${n}` : ''} (${where})`;
    if (kind === 'tie') return `no policy is better ${at}`;
    if (kind === 'none') return `no policy meets the objective ${at}`;
    if (xs.every(solo)) return `${policy} is the only policy ${at}`;
    const verb = i === 0 || where === 'every point' ? (xs.every(won) ? 'wins ' : 'leads ') : '';
    return `${policy} ${verb}${at}`;
  });
  const untested = perPoint.filter((p) => p.h.lead === 'untested').map((p) => p.point);
  const notSignificant = perPoint.filter((p) => p.h.lead === 'not significant').map((p) => p.point);
  const sentences = [
    `Objective: ${objectiveText(objective)}.`,
    `Across ${count(n, 'point')} of ${sweep.axes.map((a) => a.path).join(' × ')}: ${parts.join('; ')}.`,
  ];
  const caution = windowCaution(
    ran.flatMap((p) => p.runs),
    objective,
  );
  if (caution !== undefined) sentences.push(caution);
  for (const [points, what, why] of [
    [notSignificant, 'The lead over the runner-up is not significant', ''],
    [untested, 'There is no paired test', ' (one replication, or unmatched replications)'],
  ] as const) {
    if (points.length === 0) continue;
    const where = pointsText(sweep, points, ran);
    sentences.push(
      where === 'every point'
        ? `${what} at any point${why}.`
        : `${what}${why} at ${points.length} of ${n}: ${where}.`,
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
  const top = ordered[0];
  if (top === undefined) return { title: 'No policy meets the objective', sentences };
  const k = top.xs.length;
  const at = k === n ? 'every point' : `${k} of ${n} points`;
  const [kind, policy] = top.key;
  if (kind === 'none')
    return {
      title: k === n ? 'No policy meets the objective' : `No policy meets the objective at ${at}`,
      sentences,
    };
  if (kind === 'tie') return { title: `No policy is better on ${name} at ${at}`, sentences };
  const wins = top.xs.filter(won).length;
  const alone = top.xs.filter(solo).length;
  const compared = k - alone;
  const title =
    compared === 0
      ? `${policy}: ${name} ${figureSpan(top.xs, policy!, objective.metric)}${k === n ? '' : ` at ${at}`}`
      : alone > 0
        ? `${policy} leads on ${name} at ${at} (${wins === 0 ? 'not significantly at any' : `significantly at ${wins}`} of the ${count(compared, 'point')} where another policy ran)`
        : wins === k
          ? `${policy} wins on ${name} at ${at}`
          : wins === 0
            ? `${policy} leads on ${name} at ${at}, not significantly at any`
            : `${policy} leads on ${name} at ${at} (significantly at ${wins} of ${k})`;
  return { title, sentences, winner: policy! };
}
