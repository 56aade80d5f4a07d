// Turns a raw record into a row with a still-unshifted timestamp, checking every field.
// A bad field gives a reason string (no throw), so skipping bad rows stays cheap.
import type { TraceRecord } from './record-source.js';
import type { TraceField, TraceRow } from './row.js';
import type { TimeUnit } from './spec.js';
import { isNumericText, parseIsoTime, parseNumericTime, setNumber, type TimePoint } from './time.js';

/** A parsed row whose time is still the trace's own: `at` in `timeUnit`, `timeText` for messages. */
export interface RawRow {
  line: number;
  at: TimePoint;
  timeText: string;
  fields: Omit<TraceRow, 'line' | 'time'>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Mapping = ReadonlyArray<readonly [TraceField, string]>;

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

class BadField {
  constructor(readonly reason: string) {}
}

function numberOf(value: unknown, name: string): number | BadField {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : new BadField(`'${name}' is not a finite number`);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return new BadField(`missing field '${name}' (empty)`);
    if (isNumericText(text)) {
      const n = Number(text);
      return Number.isFinite(n) ? n : new BadField(`'${name}' is not a finite number: ${show(value)}`);
    }
  }
  if (value === undefined || value === null) return new BadField(`missing field '${name}'`);
  return new BadField(`'${name}' is not a number: ${show(value)}`);
}

function nonNegative(value: unknown, name: string, what: string): number | BadField {
  const n = numberOf(value, name);
  if (typeof n === 'number' && n < 0) return new BadField(`negative ${what} ${n} in '${name}'`);
  return n;
}

/**
 * The largest size or token count: 2^40, the top of the response-time histograms
 * (src/metrics/histogram.ts), so a task served at 1 unit/s still lands in a resolved bucket;
 * sums and squares over any number of rows stay finite (1e308 gave a mean of 3e307 and a CV of
 * Infinity). No recorded size we know of comes near it (a token count of 2^40 is absurd).
 */
const MAX_WORK = 2 ** 40;

function workOf(value: unknown, name: string, what: string): number | BadField {
  const n = nonNegative(value, name, what);
  if (typeof n === 'number' && n > MAX_WORK) {
    return new BadField(
      `'${name}' is ${n}: expected a ${what} of at most 2^40 (${MAX_WORK}; at 1 unit/s that is 2^40 s, the longest time the response-time histograms resolve)`,
    );
  }
  return n;
}

function textOf(value: unknown, name: string): string | undefined | BadField {
  if (value === undefined) return new BadField(`missing field '${name}'`);
  if (value === null || value === '') return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return new BadField(`'${name}' is not a string: ${show(value)}`);
}

function prefixOf(value: unknown, name: string): Int32Array | BadField {
  let list: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        list = JSON.parse(text);
      } catch {
        return new BadField(`'${name}' is not a list of integers: ${show(value)}`);
      }
    } else {
      list = text === '' ? [] : text.split(/[\s;|]+/).map((t) => (isNumericText(t) ? Number(t) : t));
    }
  }
  if (value === undefined || value === null) return new BadField(`missing field '${name}'`);
  if (!Array.isArray(list)) return new BadField(`'${name}' is not a list of integers: ${show(value)}`);
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < -2147483648 || x > 2147483647) {
      return new BadField(`'${name}' holds ${show(x)}, not a 32-bit integer`);
    }
    out[i] = x;
  }
  return out;
}

export class RowParser {
  private mode: TimeUnit | undefined;
  /** The unit the row being parsed detected; it becomes `mode` only if the whole row is good, so a
   * bad (skipped) first row does not decide the unit of the rows after it. */
  private detected: TimeUnit | undefined;
  private readonly sizeMapped: boolean;

  constructor(
    private readonly mapping: Mapping,
    timeUnit: TimeUnit | undefined,
  ) {
    this.mode = timeUnit;
    this.sizeMapped = mapping.some(([f]) => f === 'size');
  }

  /** The time unit in use: the spec's, or the one detected from the first good row. */
  get timeUnit(): TimeUnit | undefined {
    return this.mode;
  }

  /** The row, or the reason it is bad. */
  parse(record: TraceRecord): RawRow | string {
    if (record.error !== undefined) return record.error;
    this.detected = undefined;
    const at: TimePoint = { whole: 0, frac: 0 };
    const fields: Mutable<RawRow['fields']> = { size: 0 };
    let timeText = '';
    let tokens = 0;
    for (let i = 0; i < this.mapping.length; i++) {
      const [field, name] = this.mapping[i]!;
      const value = record.values[i];
      let bad: BadField | undefined;
      switch (field) {
        case 'time': {
          const r = this.time(value, name, at);
          if (r instanceof BadField) bad = r;
          else timeText = r;
          break;
        }
        case 'size':
        case 'inputTokens':
        case 'outputTokens': {
          const n = workOf(value, name, field === 'size' ? 'size' : 'token count');
          if (n instanceof BadField) bad = n;
          else if (field === 'size') fields.size = n;
          else {
            fields[field] = n;
            tokens += n;
          }
          break;
        }
        case 'priority': {
          const n = numberOf(value, name);
          if (n instanceof BadField) bad = n;
          else fields.priority = n;
          break;
        }
        case 'deadline': {
          const n = nonNegative(value, name, 'deadline');
          if (n instanceof BadField) bad = n;
          else fields.deadline = n;
          break;
        }
        case 'class':
        case 'key': {
          const s = textOf(value, name);
          if (s instanceof BadField) bad = s;
          else if (s !== undefined) fields[field === 'class' ? 'cls' : 'key'] = s;
          break;
        }
        case 'prefix': {
          const p = prefixOf(value, name);
          if (p instanceof BadField) bad = p;
          else fields.prefix = p;
          break;
        }
      }
      if (bad !== undefined) return bad.reason;
    }
    if (!this.sizeMapped) fields.size = tokens;
    this.mode ??= this.detected;
    return { line: record.line, at, timeText, fields };
  }

  private time(value: unknown, name: string, into: TimePoint): string | BadField {
    if (value === undefined || value === null || value === '') return new BadField(`missing field '${name}'`);
    if (typeof value === 'number') {
      if (this.mode === 'iso')
        return new BadField(`'${name}' is a number, expected an ISO-8601 time: ${value}`);
      if (!Number.isFinite(value)) return new BadField(`'${name}' is not a finite number`);
      this.detected = this.mode ?? 's';
      setNumber(value, into);
      return String(value);
    }
    if (typeof value !== 'string') return new BadField(`'${name}' is not a time: ${show(value)}`);
    const text = value.trim();
    const mode = this.mode ?? (isNumericText(text) ? 's' : 'iso');
    this.detected = mode;
    if (mode === 'iso') {
      return parseIsoTime(text, into)
        ? text
        : new BadField(
            // Before a good row has set the unit, a number would have done as well.
            `'${name}' is ${this.mode === undefined ? 'neither a number nor' : 'not'} an ISO-8601 time: ${show(value)}`,
          );
    }
    return parseNumericTime(text, into) ? text : new BadField(`'${name}' is not a number: ${show(value)}`);
  }
}
