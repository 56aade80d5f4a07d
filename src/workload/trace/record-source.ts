// Record sources turn the lines of a trace file into raw records: one value per mapped column,
// in the order of the column mapping. A malformed record carries an `error` instead of failing,
// so the reader can skip it; an empty file or a header that lacks a mapped column throws.
import { InputError } from '../../errors.js';
import { jsonSyntaxError } from '../../io/json-syntax.js';
import { splitCsvRecord } from './csv.js';
import type { LineReader } from './line-reader.js';
import type { TraceField } from './row.js';

export interface TraceRecord {
  readonly line: number;
  /** One value per mapped column; undefined where the record lacks it. Strings for CSV. */
  readonly values: readonly unknown[];
  /** Why the record cannot be read at all (invalid JSON, unterminated quote). */
  readonly error?: string;
}

export interface RecordSource {
  /** The next record, or undefined at the end of the file. */
  next(): TraceRecord | undefined;
}

type Mapping = ReadonlyArray<readonly [TraceField, string]>;

const isBlank = (line: string): boolean => line.trim() === '';

function nextNonBlank(lines: LineReader): string | undefined {
  for (let text = lines.next(); text !== undefined; text = lines.next()) {
    if (!isBlank(text)) return text;
  }
  return undefined;
}

function mismatch(
  file: string,
  line: number,
  what: string,
  have: readonly string[],
  missing: Mapping,
): InputError {
  const list = missing.map(([field, name]) => `'${name}' (${field})`).join(', ');
  return new InputError(
    `${file}:${line}: ${what} does not match the column mapping: missing ${list}; ` +
      `it has: ${have.map((h) => `'${h}'`).join(', ') || '(nothing)'} ` +
      '(map the columns with columns.* / --time --size, or use a preset: azure-llm, mooncake)',
  );
}

/** CSV with a header row naming the columns. */
export function csvSource(file: string, lines: LineReader, mapping: Mapping): RecordSource {
  const headerText = nextNonBlank(lines);
  if (headerText === undefined)
    throw new InputError(`${file}: empty file (expected a CSV header and data rows)`);
  const header = (splitCsvRecord(headerText) ?? headerText.split(',')).map((h) => h.trim());
  const index = mapping.map(([, name]) => header.indexOf(name));
  const missing = mapping.filter((_, i) => index[i] === -1);
  if (missing.length > 0) throw mismatch(file, lines.line, 'the header', header, missing);
  // A mapped column named twice: which one holds the data is anyone's guess (indexOf took the first).
  for (const [field, name] of mapping) {
    const second = header.indexOf(name, header.indexOf(name) + 1);
    if (second === -1) continue;
    throw new InputError(
      `${file}:${lines.line}: the header names column '${name}' (${field}) twice, as columns ${header.indexOf(name) + 1} and ${second + 1}; expected each mapped column once`,
    );
  }
  return {
    next() {
      let text = nextNonBlank(lines);
      if (text === undefined) return undefined;
      const line = lines.line;
      let fields = splitCsvRecord(text);
      while (fields === undefined) {
        const more = lines.next();
        if (more === undefined) return { line, values: [], error: 'a quoted field is not closed' };
        text = `${text}\n${more}`;
        fields = splitCsvRecord(text);
      }
      // A field too many is a comma out of place (unquoted in a value): the columns after it
      // would be read shifted. A short row fails on the mapped field it lacks.
      if (fields.length > header.length) {
        const error = `${fields.length} fields, but the header has ${header.length}: expected one field per column (quote a field that holds a comma)`;
        return { line, values: [], error };
      }
      const cells = fields;
      return { line, values: index.map((i) => cells[i]) };
    },
  };
}

const JSON_LINES = 'a trace is JSON lines, one object per line';

/**
 * What a line that is no JSON object probably is: one JSON array over many lines, or CSV read as
 * JSON lines because of `origin` (the format, preset or extension that chose JSON lines).
 */
function notJsonLinesHint(text: string, origin: string): string {
  const start = text.trimStart()[0];
  if (start === '[') return `: ${JSON_LINES}, not one JSON array`;
  if (start !== '{' && start !== '"' && text.includes(',')) {
    return `: the line looks like CSV, but ${origin} reads the trace as JSON lines (one object per line); for a CSV file set format: csv (--input-format csv with trace inspect) and map its columns`;
  }
  return '';
}

/**
 * JSON lines: one object per line. The first object must hold every mapped key. `origin` says
 * what chose JSON lines (for the hint when a line looks like CSV).
 */
export function jsonlSource(file: string, lines: LineReader, mapping: Mapping, origin: string): RecordSource {
  const parse = (text: string, line: number): TraceRecord => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      // Where and why, in words (JSON.parse quotes the text and gives no column).
      const fault = jsonSyntaxError(Buffer.from(text, 'utf8'));
      const why =
        fault === undefined
          ? (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')
          : `${fault.reason}, at column ${fault.column}`;
      return { line, values: [], error: `invalid JSON (${why})${notJsonLinesHint(text, origin)}` };
    }
    if (Array.isArray(value)) {
      return { line, values: [], error: `expected a JSON object, not an array: ${JSON_LINES}` };
    }
    if (typeof value !== 'object' || value === null) {
      return { line, values: [], error: `expected a JSON object: ${JSON_LINES}` };
    }
    const obj = value as Record<string, unknown>;
    return { line, values: mapping.map(([, name]) => (Object.hasOwn(obj, name) ? obj[name] : undefined)) };
  };
  const firstText = nextNonBlank(lines);
  if (firstText === undefined) throw new InputError(`${file}: empty file (expected JSON lines)`);
  let pending: TraceRecord | undefined = parse(firstText, lines.line);
  if (pending.error === undefined) {
    const first = pending;
    const missing = mapping.filter((_, i) => first.values[i] === undefined);
    if (missing.length > 0) {
      const keys = Object.keys(JSON.parse(firstText) as object);
      throw mismatch(file, first.line, 'the first record', keys, missing);
    }
  }
  return {
    next() {
      if (pending !== undefined) {
        const r = pending;
        pending = undefined;
        return r;
      }
      const text = nextNonBlank(lines);
      return text === undefined ? undefined : parse(text, lines.line);
    },
  };
}
