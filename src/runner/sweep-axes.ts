// The axes of a sweep: `--vary path=from:to:step` (inclusive) or `--vary path=a,b,c` (YAML
// values, split at commas outside brackets and quotes), and the points of their cross product
// (first axis outermost).
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

/** Whether text is numbers (or gaps) joined by ':', whatever their count: 8:15, 8::1, 8:9:1:2. */
function isNumberRange(text: string): boolean {
  const parts = text.split(':');
  return parts.length > 1 && parts.every((p) => p.trim() === '' || Number.isFinite(Number(p)));
}

/** How a value YAML reads as other than plain text starts: quoted, bracketed or tagged. */
const YAML_START = /^\s*['"[{!]/;

/**
 * Whether one --vary value (the whole of it; a list's items are not ranges) is meant as a range:
 * numbers joined by ':' (so 8:15 is worded as a range with a part missing), or anything of the
 * shape a:b:c, so that a typo in one part (8:9:abc, Infinity:1:1, 1:1e400:1) is named as that
 * part rather than passed on as the text '8:9:abc' and refused at every point by the field.
 * Text with two colons (10:30:00) is then given quoted ("10:30:00"), which YAML reads as the
 * same string; a quoted, bracketed ({a: 'x:y'}) or tagged (!!str a:b:c) value is not a range,
 * nor is text with one colon (a:b) or three (a:b:c:d). One value of text is an axis of one
 * point, rarely wanted, while a range with a typo is a likely mistake: so a:b:c is a range.
 */
function isRangeText(text: string): boolean {
  return isNumberRange(text) || (WORDS_RANGE.test(text) && !YAML_START.test(text));
}

/** Three parts joined by ':', none with a bracket, a quote or a comma: `a: {b: c}` is YAML, not a range. */
const WORDS_RANGE = /^[^:{}[\]'",]*:[^:{}[\]'",]*:[^:{}[\]'",]*$/;

const RANGE_PARTS = ['from', 'to', 'step'] as const;

/**
 * One part of from:to:step as an exact decimal. `hint` follows the complaint about a part that
 * is not a number: how to give the value as text instead, when it may have been meant so.
 */
function rangePart(flag: string, name: string, text: string, hint: string): Decimal {
  if (text === '')
    throw new InputError(`${flag}: a range is from:to:step (three numbers); ${name} is missing`);
  // Infinity, or a decimal past the largest double (1e400), would be a range without end.
  const n = Number(text);
  if (!Number.isFinite(n) && !Number.isNaN(n))
    throw new InputError(
      `${flag}: ${name} must be a finite number, got '${text}' (numbers go up to about 1.8e308)`,
    );
  const d = decimalOf(text);
  if (d === undefined)
    throw new InputError(
      `${flag}: ${name} must be a number in decimal notation like 0.5 or 1e-3, got '${text}'${hint}`,
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
function rangeOf(flag: string, path: string, text: string): number[] {
  const parts = text.split(':').map((p) => p.trim());
  if (parts.length !== 3) {
    const empty = parts.filter((p) => p === '').length;
    const which = empty === parts.length ? ', all empty' : empty > 0 ? `, ${empty} empty` : '';
    throw new InputError(
      `${flag}: a range is from:to:step (three numbers), got ${parts.length} parts${which}`,
    );
  }
  // Words (8:9:abc) rather than a malformed number (0x8:9:1): the value may have been meant as text.
  const hint = parts.some((p) => Number.isNaN(Number(p)))
    ? `; a value with two colons is read as from:to:step (to give it as text, quote it: --vary '${path}=${JSON.stringify(text)}')`
    : '';
  const [from, to, step] = parts.map((p, i) => rangePart(flag, RANGE_PARTS[i]!, p, hint)) as [
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

/** An opening bracket or quote of a --vary list, and where it is (0 = the first character after '='). */
interface Opening {
  readonly char: string;
  readonly at: number;
}

const CLOSER: Readonly<Record<string, string>> = { '[': ']', '{': '}' };

/** `'[' at character 3`, counting from 1 as people do. */
const place = (o: Opening): string => `'${o.char}' at character ${o.at + 1}`;

/**
 * The values of a --vary list (the text after '='), split at the commas that separate them and
 * not at those inside a [...] or {...} value or a quoted one: `[general,x],[general]` is two
 * lists, `"a,b",c` two values. As in YAML, brackets and quotes count only where a value starts
 * with one, and inside brackets: a plain value may hold them (it's, a]b) and is read up to the
 * next comma, as before, so plain a,b,c splits exactly as it did. Throws, saying where, when a
 * bracket or a quote is not closed, or a bracket closes another kind or none.
 */
function splitValues(flag: string, text: string): string[] {
  const items: string[] = [];
  const open: Opening[] = [];
  let quote: Opening | undefined;
  let from = 0;
  let plain = false; // the rest of the item is read as text, up to the next comma outside brackets
  let valueNext = true; // inside brackets, where a value may start: after [ { , or :
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      // "\"" and '' are a quote inside a quoted value.
      if ((quote.char === '"' && c === '\\') || (quote.char === "'" && c === "'" && text[i + 1] === "'")) i++;
      else if (c === quote.char) [quote, plain, valueNext] = [undefined, open.length === 0, false];
    } else if (c === ',' && open.length === 0) {
      items.push(text.slice(from, i));
      [from, plain, valueNext] = [i + 1, false, true];
    } else if (plain || c === ' ' || c === '\t') {
      // Text, or the space before a value.
    } else if (c === '[' || c === '{') {
      open.push({ char: c, at: i });
      valueNext = true;
    } else if (c === ']' || c === '}') {
      const opening = open.pop();
      const here = `the ${place({ char: c, at: i })} after '='`;
      if (opening === undefined) throw new InputError(`${flag}: ${here} closes no bracket`);
      if (CLOSER[opening.char] !== c)
        throw new InputError(
          `${flag}: ${here} does not close the ${place(opening)} (expected '${CLOSER[opening.char]}')`,
        );
      [plain, valueNext] = [open.length === 0, false];
    } else if ((c === '"' || c === "'") && valueNext) {
      quote = { char: c, at: i };
    } else if (open.length === 0) {
      plain = true; // a plain value: its brackets and quotes are text
    } else {
      valueNext = c === ',' || c === ':';
    }
  }
  if (quote !== undefined)
    throw new InputError(
      `${flag}: the ${quote.char === '"' ? 'double' : 'single'} quote at character ${quote.at + 1} after '=' is not closed`,
    );
  const unclosed = open.at(-1);
  if (unclosed !== undefined)
    throw new InputError(
      `${flag}: the ${place(unclosed)} after '=' is not closed by a '${CLOSER[unclosed.char]}'`,
    );
  items.push(text.slice(from));
  return items;
}

/** The values of a list (`items` as split from `text`), each read as YAML. */
function listOf(flag: string, text: string, items: readonly string[]): unknown[] {
  const values = items.map((item) => {
    if (item.trim() === '') throw new InputError(`${flag}: empty value in the list '${text}'`);
    // A range cannot be one value of a list; as a YAML string it would fail every point.
    if (isNumberRange(item))
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
  const valueText = text.slice(eq + 1);
  if (valueText.trim() === '') throw new InputError(`${flag}: no values after '='`);
  const items = splitValues(flag, valueText);
  const only = items.length === 1 ? items[0]!.trim() : undefined;
  return {
    path,
    values:
      only !== undefined && isRangeText(only)
        ? rangeOf(flag, path, only)
        : listOf(flag, valueText.trim(), items),
  };
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
 * One value of a --vary list written so that it reads back as itself: as axisValueText, but text
 * that would read as something else written plain (8 as a number, true as a boolean, a:b:c as a
 * range, a,b as two values) quoted, as JSON (which YAML reads too).
 */
function listItemText(v: unknown): string {
  const text = axisValueText(v);
  if (typeof v !== 'string') return text;
  try {
    const back = parseVary(`x=${text}`).values;
    if (back.length === 1 && back[0] === v) return text;
  } catch {
    // Not one value as it stands: quoted below.
  }
  return JSON.stringify(v);
}

/**
 * The `--vary` argument that gives `axis` again: `path=from:to:step` when its values are such a
 * range (checked by parsing the range back), else the list `path=a,b,c`. A report's re-run
 * command then reads `seed=1:1000:1`, not a thousand seeds.
 */
export function varyText(axis: SweepAxis): string {
  const { path, values } = axis;
  const list = `${path}=${values.map(listItemText).join(',')}`;
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
