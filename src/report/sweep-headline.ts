// A sweep's headline: the objective's winner at every point, grouped by policy, e.g.
// "sed wins at 4 of 5 points (rate = 10, 15, 20, 22); jsq at 1 (rate = 24)".
import type { Headline } from './headline.js';
import { headline, objectiveText, windowCaution } from './headline.js';
import type { SweepResult } from './input-types.js';
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

export function sweepHeadline(sweep: SweepResult, objective: Objective): Headline {
  const ran = sweep.points.filter((p) => p.runs.length > 0);
  const skipped = sweep.points.filter((p) => p.runs.length === 0);
  const perPoint = ran.map((p) => ({ label: pointLabel(sweep, p.values), h: headline(p.runs, objective) }));
  const winners = new Map<string, string[]>();
  for (const { label, h } of perPoint) {
    const w = h.winner ?? 'no policy';
    winners.set(w, [...(winners.get(w) ?? []), label]);
  }
  const ordered = [...winners.entries()].sort((a, b) => b[1].length - a[1].length);
  const n = ran.length;
  const parts = ordered.map(
    ([w, labels], i) =>
      `${w} ${i === 0 ? 'wins ' : ''}at ${labels.length}${i === 0 ? ` of ${n}` : ''} (${labels.join('; ')})`,
  );
  const [top] = ordered;
  const notSignificant = perPoint
    .filter((p) => p.h.paired !== undefined && !p.h.paired.significant)
    .map((p) => p.label);
  const sentences = [
    `Objective: ${objectiveText(objective)}.`,
    `Across ${n} point${n === 1 ? '' : 's'} of ${sweep.axes.map((a) => a.path).join(' × ')}: ${parts.join('; ')}.`,
  ];
  const caution = windowCaution(
    ran.flatMap((p) => p.runs),
    objective,
  );
  if (caution !== undefined) sentences.push(caution);
  if (notSignificant.length > 0)
    sentences.push(`The lead over the runner-up is not significant at: ${notSignificant.join('; ')}.`);
  if (skipped.length > 0)
    sentences.push(
      `${skipped.length} point${skipped.length === 1 ? '' : 's'} did not run: ` +
        `${skipped.map((p) => `${pointLabel(sweep, p.values)} (${p.error ?? 'every policy failed'})`).join('; ')}.`,
    );
  const title =
    top === undefined || top[0] === 'no policy'
      ? 'No policy meets the objective'
      : `${top[0]} wins on ${metricName(objective.metric)} at ${top[1].length} of ${n} points`;
  return top === undefined || top[0] === 'no policy'
    ? { title, sentences }
    : { title, sentences, winner: top[0] };
}
