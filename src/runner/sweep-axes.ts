// The axes of a sweep: `--vary path=from:to:step` (inclusive) or `--vary path=a,b,c` (YAML
// scalars), and the points of their cross product (first axis outermost).
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { overridePath } from '../workload/overrides.js';

export interface SweepAxis {
  /** A dotted path into the scenario, as for --set: workload.arrivals.rate, agents.0.count. */
  readonly path: string;
  readonly values: readonly unknown[];
}

/** More points than this is surely a typo in a step. */
export const MAX_SWEEP_POINTS = 10_000;

/** x rounded to 12 significant digits: 8 + 9·0.8 gives 15.2, not 15.200000000000001. */
const round12 = (x: number): number => Number(x.toPrecision(12));

/**
 * from, from + step, ..., up to `to` inclusive. Each value is computed as from + i·step (never by
 * repeated addition) and rounded to 12 significant digits; `to` counts as reached when within
 * 1e-9 steps, so 8:15.2:0.8 ends at 15.2 although (15.2 − 8)/0.8 = 8.999999999999998.
 */
export function rangeValues(from: number, to: number, step: number): number[] {
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => round12(from + i * step));
}

function rangeOf(flag: string, text: string): number[] | undefined {
  const parts = text.split(':');
  const numeric = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  // Numbers joined by ':' are meant as a range, whatever their count (a list value has no ':').
  if (parts.length !== 3) {
    if (parts.length > 1 && numeric.every(Number.isFinite))
      throw new InputError(`${flag}: a range is from:to:step (three numbers), got ${parts.length}`);
    return undefined;
  }
  const [from, to, step] = numeric;
  if (![from, to, step].every((x) => Number.isFinite(x))) return undefined;
  if (!(step! > 0)) throw new InputError(`${flag}: the step must be a number > 0, got '${parts[2]}'`);
  if (to! < from!) throw new InputError(`${flag}: expected from <= to in from:to:step, got ${from} > ${to}`);
  if ((to! - from!) / step! + 1 > MAX_SWEEP_POINTS)
    throw new InputError(`${flag}: more than ${MAX_SWEEP_POINTS} values; is the step right?`);
  return rangeValues(from!, to!, step!);
}

function listOf(flag: string, text: string): unknown[] {
  const values = text.split(',').map((item) => {
    if (item.trim() === '') throw new InputError(`${flag}: empty value in the list '${text}'`);
    try {
      return parseYaml(item) as unknown;
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new InputError(`${flag}: '${item}' is not a YAML value: ${reason}`);
    }
  });
  // The same point twice runs the same runs twice and shows two rows of one result.
  const seen = new Set<string>();
  for (const v of values) {
    const key = JSON.stringify(v);
    if (seen.has(key)) throw new InputError(`${flag}: ${key} is listed more than once`);
    seen.add(key);
  }
  return values;
}

/** Whether two dotted paths name the same field or one lies inside the other. */
export function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * Refuses an axis that a --set (or --seed, --replications) also fixes: the axis would win at
 * every point, silently, and the --set would do nothing. Vary a field or set it, not both.
 */
export function checkAxesAgainstSets(
  axes: readonly SweepAxis[],
  sets: readonly string[],
  flags: { readonly seed?: string | undefined; readonly replications?: string | undefined },
): void {
  const fixed = [
    ...sets.map((s) => ({ path: overridePath(s), flag: `--set ${s}` })),
    ...(flags.seed === undefined ? [] : [{ path: 'seed', flag: `--seed ${flags.seed}` }]),
    ...(flags.replications === undefined
      ? []
      : [{ path: 'replications', flag: `--replications ${flags.replications}` }]),
  ];
  for (const axis of axes)
    for (const f of fixed)
      if (f.path !== '' && overlaps(axis.path, f.path))
        throw new InputError(`--vary ${axis.path}: ${f.flag} fixes it too; vary it or set it, not both`);
}

/** Parses one --vary argument. */
export function parseVary(text: string): SweepAxis {
  const flag = `--vary ${text}`;
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || path === '' || path.split('.').some((s) => s === ''))
    throw new InputError(
      `${flag}: expected path=from:to:step or path=a,b,c with a dotted path like agents.0.count`,
    );
  // --policies sets every point's policy: a routing.policy axis would be overwritten, silently.
  if (path === 'routing.policy')
    throw new InputError(`${flag}: the policy is not an axis; list the policies with --policies`);
  const valueText = text.slice(eq + 1).trim();
  if (valueText === '') throw new InputError(`${flag}: no values after '='`);
  return { path, values: rangeOf(flag, valueText) ?? listOf(flag, valueText) };
}

/** Parses every --vary; one axis per path. */
export function parseAxes(texts: readonly string[]): SweepAxis[] {
  if (texts.length === 0)
    throw new InputError('--vary: give at least one, e.g. --vary workload.arrivals.rate=8:15.2:0.8');
  const axes = texts.map(parseVary);
  const seen = new Set<string>();
  for (const axis of axes) {
    if (seen.has(axis.path)) throw new InputError(`--vary: ${axis.path} is given more than once`);
    seen.add(axis.path);
  }
  const points = pointCount(axes);
  if (points > MAX_SWEEP_POINTS)
    throw new InputError(`--vary: ${points} points is more than ${MAX_SWEEP_POINTS}`);
  return axes;
}

/** How many points the axes make (their cross product). */
export function pointCount(axes: readonly SweepAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/** Every combination of the axes' values, the first axis varying slowest. */
export function crossProduct(axes: readonly SweepAxis[]): Record<string, unknown>[] {
  let points: Record<string, unknown>[] = [{}];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.path]: v })));
  return points;
}
