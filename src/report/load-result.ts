// Reads a result file for a report and checks it before any chart is drawn: unreadable, empty,
// truncated or non-JSON text (said with its line and column), a `format` that is not an orchlab
// result, a format version this orchlab does not know, or a result missing what the report
// reads: each is an InputError (exit code 2) naming the file. A UTF-8 byte-order mark is skipped.
import { readFileSync } from 'node:fs';
import { InputError, readFailure } from '../errors.js';
import { JsonBytesError, parseJsonBytes } from '../io/parse-json-bytes.js';
import { jsonSyntaxError } from '../io/json-syntax.js';
import { VERSION } from '../version.js';
import { splitCsvRecord } from '../workload/trace/csv.js';
import type { ReportInput } from './input-types.js';
import { KNOWN_FORMATS, messages, OTHER_FORMATS } from './messages.js';
import { issueText, schemaByFormat } from './result-schema.js';

// Up to this size a file is read as one string and parsed in one call (the fastest way); above it
// in pieces, as one string would come near V8's longest (~512 MB) and a sweep can write more.
const WHOLE_TEXT_BYTES = 256 * 1024 * 1024;

export interface LoadOptions {
  /** Files of this many bytes or more are parsed in pieces (tests lower it). */
  readonly wholeTextBytes?: number;
}

export function loadResult(path: string, options: LoadOptions = {}): ReportInput {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(messages.cannotRead(path, readFailure(err)));
  }
  // UTF-16 (Windows editors write it with a byte-order mark) would read as garbage: say what it is.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new InputError(messages.utf16(path));
  if (bytes.length < (options.wholeTextBytes ?? WHOLE_TEXT_BYTES))
    return parseResult(bytes.toString('utf8'), path);
  return checkResult(parseBytes(bytes, path), path);
}

/** Parses and validates result JSON `text`; `file` only names it in messages. Pure. */
export function parseResult(text: string, file: string): ReportInput {
  return checkResult(parseJson(text, file), file);
}

// A UTF-8 byte-order mark, which some editors put at the start of a file: not JSON, but harmless.
const BOM = '\uFEFF';
const BOM_BYTES = Buffer.from(BOM, 'utf8');

function checkResult(data: unknown, file: string): ReportInput {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new InputError(messages.notObject(file));
  const format = (data as { format?: unknown }).format;
  if (typeof format !== 'string') throw new InputError(messages.noFormat(file));
  const schema = schemaByFormat[format as keyof typeof schemaByFormat];
  if (schema === undefined) {
    // `orchlab.<kind>/<version>`: any other version of a result (`/2`, `/1.1`) is one this orchlab
    // does not know; orchlab's other JSON (trace inspect, ...) is named as what it is.
    const kind = /^orchlab\.([a-z]+)(?:\/|$)/.exec(format)?.[1];
    const known = KNOWN_FORMATS.find((k) => k.startsWith(`orchlab.${kind}/`));
    if (known !== undefined) throw new InputError(messages.unknownVersion(file, format, known, VERSION));
    const other = kind === undefined ? undefined : OTHER_FORMATS.get(kind);
    if (other !== undefined) throw new InputError(messages.notAResult(file, format, other));
    throw new InputError(messages.wrongFormat(file, format));
  }
  const checked = schema.safeParse(data, { error: issueText });
  if (!checked.success) {
    // A figure may be found wrong twice (as a named figure and as one of every figure): once here.
    const all = [
      ...new Set(checked.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)),
    ];
    const problems = all.slice(0, 5);
    if (all.length > 5) problems.push(`... and ${all.length - 5} more`);
    throw new InputError(messages.invalid(file, format, problems));
  }
  const runs =
    format === 'orchlab.compare/1'
      ? (data as { runs: unknown[] }).runs
      : format === 'orchlab.sweep/1'
        ? (data as { points: { runs: unknown[] }[] }).points.flatMap((p) => p.runs)
        : [data];
  if (runs.length === 0) throw new InputError(messages.noRuns(file));
  // The schema checked what the report reads; the rest is the writer's contract.
  return data as ReportInput;
}

function parseJson(text: string, file: string): unknown {
  const json = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (json.trim() === '') throw new InputError(messages.empty(file));
  try {
    return JSON.parse(json);
  } catch (err) {
    if (endsOpen(json)) throw new InputError(messages.truncated(file, Buffer.byteLength(text)));
    if (isOurCsv(json)) throw new InputError(messages.csv(file));
    throw new InputError(messages.notJson(file, whyNotJson(Buffer.from(json, 'utf8'), err)));
  }
}

/** Whether `text` starts with the header row of orchlab's CSV (cli/format-csv.ts): it has a `policy` column. */
function isOurCsv(text: string): boolean {
  const end = text.indexOf('\n');
  const fields = splitCsvRecord(end < 0 ? text : text.slice(0, end));
  return fields !== undefined && fields.length > 1 && fields.includes('policy');
}

function parseBytes(bytes: Buffer, file: string): unknown {
  const json = bytes.subarray(0, BOM_BYTES.length).equals(BOM_BYTES)
    ? bytes.subarray(BOM_BYTES.length)
    : bytes;
  try {
    return parseJsonBytes(json);
  } catch (err) {
    if (!(err instanceof JsonBytesError)) throw err;
    if (err.truncated) throw new InputError(messages.truncated(file, bytes.length));
    throw new InputError(messages.notJson(file, whyNotJson(json, err)));
  }
}

/**
 * Why JSON.parse refused `bytes`, on one line with the line and column: its own message quotes
 * the text (line breaks included) and gives a position in UTF-16 units, or none.
 */
function whyNotJson(bytes: Uint8Array, err: unknown): string {
  const fault = jsonSyntaxError(bytes);
  if (fault !== undefined) return `${fault.reason}, at line ${fault.line}, column ${fault.column}`;
  // Not expected (the walk follows JSON.parse's grammar): JSON.parse's own words, on one line.
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}

/** Whether JSON text stops inside a string or with an object or array still open. */
export function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}
