// The axes of a sweep: `--vary path=from:to:step` (inclusive) or `--vary path=a,b,c` (YAML
// scalars), and the points of their cross product (first axis outermost).
import { InputError } from '../errors.js';
import { overridePath, pathProblem } from '../workload/overrides.js';
import { parseYamlValue } from '../workload/yaml-value.js';

export interface SweepAxis {
  /** A dotted path into the scenario, as for --set: workload.arrivals.rate, agents.0.count. */
  readonly path: string;
  readonly values: readonly unknown[];
}

/** More points than this is surely a typo in a step. */
export const MAX_SWEEP_POINTS = 10_000;

/** A decimal number held exactly: digits · 10^-scale. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Exponents past this are outside what a double holds anyway (and 10^e must stay cheap). */
const MAX_EXPONENT = 400;

/** The exact value of a number written in decimal notation ('0.1', '-3', '1e-3'), else undefined. */
export function decimalOf(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text.trim());
  if (m === null) return undefined;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const e = Number(exp);
  if ((int === '' && frac === '') || Math.abs(e) > MAX_EXPONENT) return undefined;
  const digits = BigInt(`${sign === '-' ? '-' : ''}${int}${frac}`);
  const scale = frac.length - e;
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** The digits of `d` written with `scale` decimals (scale >= d.scale). */
const rescale = (d: Decimal, scale: number): bigint => d.digits * 10n ** BigInt(scale - d.scale);

/** How many of from, from + step, ... do not pass `to` (step > 0, from <= to). */
function rangeCount(from: Decimal, to: Decimal, step: Decimal): bigint {
  const scale = Math.max(from.scale, to.scale, step.scale);
  return (rescale(to, scale) - rescale(from, scale)) / rescale(step, scale) + 1n;
}

/**
 * from + i·step for i < count, summed exactly in decimal and turned into a number once (the
 * nearest double to that decimal), so -0.3:0.3:0.1 gives 0 rather than 5.55e-17 and each value
 * prints as its shortest decimal.
 */
function stepValues(from: Decimal, step: Decimal, count: number): number[] {
  const scale = Math.max(from.scale, step.scale);
  const [first, by] = [rescale(from, scale), rescale(step, scale)];
  return Array.from({ length: count }, (_, i) => Number(`${first + BigInt(i) * by}e-${scale}`));
}

/** Whether a --vary value is meant as a range: numbers (or gaps) joined by ':', whatever their count. */
function isRangeText(text: string): boolean {
  const parts = text.split(':');
  return parts.length > 1 && parts.every((p) => p.trim() === '' || Number.isFinite(Number(p)));
}

const RANGE_PARTS = ['from', 'to', 'step'] as const;

function rangePart(flag: string, name: string, text: string): Decimal {
  if (text === '')
    throw new InputError(`${flag}: a range is from:to:step (three numbers); ${name} is missing`);
  const d = decimalOf(text);
  if (d === undefined)
    throw new InputError(
      `${flag}: ${name} must be a number in decimal notation like 0.5 or 1e-3, got '${text}'`,
    );
  return d;
}

/** Refuses neighbouring values that are one number once stored: their rows would be one point. */
function checkDistinct(flag: string, step: string, values: readonly number[]): void {
  const i = values.findIndex((v, k) => k > 0 && v === values[k - 1]);
  if (i > 0)
    throw new InputError(
      `${flag}: the step ${step} is too small next to ${values[i]}: values that close are the same ` +
        'number once stored (about 16 significant digits are kept); use a larger step',
    );
}

/**
 * from, from + step, ... up to `to` inclusive (see stepValues). A step that does not divide the
 * range stops at the last value not past `to`: 1:2.9:1 gives 1, 2.
 */
function rangeOf(flag: string, text: string): number[] {
  const parts = text.split(':').map((p) => p.trim());
  if (parts.length !== 3) {
    const empty = parts.filter((p) => p === '').length;
    const which = empty === parts.length ? ', all empty' : empty > 0 ? `, ${empty} empty` : '';
    throw new InputError(
      `${flag}: a range is from:to:step (three numbers), got ${parts.length} parts${which}`,
    );
  }
  const [from, to, step] = parts.map((p, i) => rangePart(flag, RANGE_PARTS[i]!, p)) as [
    Decimal,
    Decimal,
    Decimal,
  ];
  if (step.digits <= 0n) throw new InputError(`${flag}: the step must be a number > 0, got '${parts[2]}'`);
  const scale = Math.max(from.scale, to.scale);
  if (rescale(to, scale) < rescale(from, scale))
    throw new InputError(`${flag}: expected from <= to in from:to:step, got ${parts[0]} > ${parts[1]}`);
  const count = rangeCount(from, to, step);
  if (count > BigInt(MAX_SWEEP_POINTS))
    throw new InputError(`${flag}: more than ${MAX_SWEEP_POINTS} values; is the step right?`);
  const values = stepValues(from, step, Number(count));
  checkDistinct(flag, parts[2]!, values);
  return values;
}

function listOf(flag: string, text: string): unknown[] {
  const values = text.split(',').map((item) => {
    if (item.trim() === '') throw new InputError(`${flag}: empty value in the list '${text}'`);
    // A range cannot be one value of a list; as a YAML string it would fail every point.
    if (isRangeText(item))
      throw new InputError(
        `${flag}: '${item.trim()}' in the list looks like a range; give either one range (path=from:to:step) or a list of values (path=a,b,c)`,
      );
    try {
      return parseYamlValue(item);
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

/**
 * Refuses two axes over one field, or one inside the other: the later would overwrite the
 * earlier at every point, and rows would be labelled with values that did not run.
 */
export function checkAxesApart(axes: readonly SweepAxis[]): void {
  axes.forEach((axis, i) => {
    const earlier = axes.slice(0, i).find((e) => overlaps(e.path, axis.path));
    if (earlier === undefined) return;
    if (earlier.path === axis.path) throw new InputError(`--vary: ${axis.path} is given more than once`);
    throw new InputError(
      `--vary ${earlier.path} and --vary ${axis.path}: one lies inside the other, so one would ` +
        'overwrite the other at every point; vary fields that do not contain each other',
    );
  });
}

/** Parses one --vary argument. */
export function parseVary(text: string): SweepAxis {
  const flag = `--vary ${text}`;
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const segments = path.split('.');
  if (eq < 0 || path === '' || segments.some((s) => s === ''))
    throw new InputError(
      `${flag}: expected path=from:to:step or path=a,b,c with a dotted path like agents.0.count`,
    );
  const problem = pathProblem(segments);
  if (problem !== undefined) throw new InputError(`${flag}: ${problem}`);
  // --policies sets every point's policy: a routing.policy axis would be overwritten, silently.
  if (path === 'routing.policy')
    throw new InputError(`${flag}: the policy is not an axis; list the policies with --policies`);
  const valueText = text.slice(eq + 1).trim();
  if (valueText === '') throw new InputError(`${flag}: no values after '='`);
  return { path, values: isRangeText(valueText) ? rangeOf(flag, valueText) : listOf(flag, valueText) };
}

/**
 * An axis value as --vary takes it back and a table shows it: as given (8.8, 1e-7, auto), never
 * rounded, so two points never read the same; a mapping (`warmup={time: 10}`) as JSON, which is
 * YAML too.
 */
export function axisValueText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/**
 * The `--vary` argument that gives `axis` again: `path=from:to:step` when its values are such a
 * range (checked by parsing the range back), else the list `path=a,b,c`. A report's re-run
 * command then reads `seed=1:1000:1`, not a thousand seeds.
 */
export function varyText(axis: SweepAxis): string {
  const { path, values } = axis;
  const list = `${path}=${values.map(axisValueText).join(',')}`;
  if (values.length < 3 || !values.every((v) => typeof v === 'number')) return list;
  const [a, b] = [decimalOf(String(values[0])), decimalOf(String(values[1]))];
  if (a === undefined || b === undefined) return list;
  const scale = Math.max(a.scale, b.scale);
  const step = rescale(b, scale) - rescale(a, scale);
  if (step <= 0n) return list;
  const range = `${path}=${values[0]}:${values.at(-1)}:${Number(`${step}e-${scale}`)}`;
  try {
    const back = parseVary(range).values;
    if (back.length === values.length && back.every((v, i) => v === values[i])) return range;
  } catch {
    // Not a range that parses: the list says it.
  }
  return list;
}

/** Parses every --vary; axes over separate fields. */
export function parseAxes(texts: readonly string[]): SweepAxis[] {
  if (texts.length === 0)
    throw new InputError('--vary: give at least one, e.g. --vary workload.arrivals.rate=8:15.2:0.8');
  const axes = texts.map(parseVary);
  checkAxesApart(axes);
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
