// TraceReader: a synchronous pull reader over a recorded trace. The simulator calls next() from
// its event loop; the file is read lazily through one buffer, so memory does not grow with the
// trace (except with sort: true, which must hold every row to sort them).
import { InputError, readFailure } from '../../errors.js';
import { LineReader } from './line-reader.js';
import { csvSource, jsonlSource, type RecordSource } from './record-source.js';
import { formatOrigin, type ResolvedTrace, resolveTraceSpec } from './resolve.js';
import type { TraceRow } from './row.js';
import { type RawRow, RowParser } from './row-parser.js';
import type { TimeUnit, TraceSpec } from './spec.js';
import { type TimePoint, timeDiff, unitsPerSecond } from './time.js';

export interface TraceReaderOptions {
  /** Bytes read from the file at a time (the buffer grows for longer lines). Default 1 MiB. */
  readonly chunkSize?: number;
  /** How many skip reasons to keep. Default 5. */
  readonly keepReasons?: number;
  /** The classes a row may name (a replay's scenario classes); a row naming another is a bad row. */
  readonly classes?: readonly string[];
}

export class TraceReader {
  readonly trace: ResolvedTrace;
  private readonly lines: LineReader;
  private readonly source: RecordSource;
  private readonly parser: RowParser;
  private readonly keepReasons: number;
  private readonly classes: ReadonlySet<string> | undefined;
  private skippedRows = 0;
  private readonly reasons: string[] = [];
  /** Rows read ahead: the first row (read at construction), or every row with sort: true. */
  private buffered: RawRow[] = [];
  private bufferedAt = 0;
  private origin: TimePoint | undefined;
  private last: RawRow | undefined;
  private divisor = 1;

  /**
   * Opens the trace and reads its first row; throws InputError for a missing or empty file, a
   * header without a mapped column, or (without skipBadRows) a bad first row.
   */
  constructor(spec: TraceSpec, baseDir: string, options: TraceReaderOptions = {}) {
    this.trace = resolveTraceSpec(spec, baseDir);
    this.keepReasons = options.keepReasons ?? 5;
    this.classes = options.classes === undefined ? undefined : new Set(options.classes);
    try {
      // A folder was refused by resolveTraceSpec, before its missing extension was read.
      this.lines = new LineReader(this.trace.path, options.chunkSize, this.trace.file);
    } catch (err) {
      throw new InputError(`${this.trace.file}: cannot read trace file (${readFailure(err)})`);
    }
    try {
      const { format, columns, file } = this.trace;
      this.source =
        format === 'csv'
          ? csvSource(file, this.lines, columns)
          : jsonlSource(file, this.lines, columns, formatOrigin(spec));
      this.parser = new RowParser(columns, this.trace.timeUnit);
      if (this.trace.sort) this.readAllSorted();
      else {
        const first = this.pull();
        if (first !== undefined) this.buffered.push(first);
      }
      if (this.buffered.length === 0) throw this.noRows();
      this.origin = this.buffered[0]!.at;
      this.divisor = unitsPerSecond(this.parser.timeUnit ?? 's') * this.trace.rateScale;
    } catch (err) {
      this.lines.close();
      throw err;
    }
  }

  /** Rows skipped as bad (only with skipBadRows). */
  get skipped(): number {
    return this.skippedRows;
  }

  /** `file:line: reason` of the first few skipped rows. */
  get skipReasons(): readonly string[] {
    return this.reasons;
  }

  /** Bytes of the file read so far: progress, and proof that reading is lazy. */
  get bytesRead(): number {
    return this.lines.bytesRead;
  }

  /** The unit of the trace's timestamps (given, or detected from the first good row). */
  get timeUnit(): TimeUnit {
    return this.parser.timeUnit ?? 's';
  }

  /** The next row in arrival order, or undefined when the trace is done. */
  next(): TraceRow | undefined {
    let raw: RawRow | undefined;
    if (this.bufferedAt < this.buffered.length) {
      raw = this.buffered[this.bufferedAt++]!;
      if (this.bufferedAt === this.buffered.length) {
        this.buffered = [];
        this.bufferedAt = 0;
      }
    } else if (!this.trace.sort) {
      raw = this.pull();
    }
    if (raw === undefined) {
      this.close();
      return undefined;
    }
    return { line: raw.line, time: timeDiff(raw.at, this.origin!) / this.divisor, ...raw.fields };
  }

  /** Releases the file (and any rows read ahead); next() returns undefined from now on. */
  close(): void {
    this.lines.close();
    this.buffered = [];
    this.bufferedAt = 0;
  }

  /** For tests and tools: `for (const row of reader)`; leaving the loop early closes the file. */
  [Symbol.iterator](): Iterator<TraceRow> {
    return {
      next: () => this.nextResult(),
      return: () => {
        this.close();
        return { done: true, value: undefined };
      },
    };
  }

  private nextResult(): IteratorResult<TraceRow> {
    const row = this.next();
    return row === undefined ? { done: true, value: undefined } : { done: false, value: row };
  }

  /** The next good row from the file, checking the order unless sorting. */
  private pull(): RawRow | undefined {
    for (let record = this.source.next(); record !== undefined; record = this.source.next()) {
      const row = this.parser.parse(record);
      if (typeof row === 'string') {
        this.bad(record.line, row);
        continue;
      }
      const last = this.last;
      if (!this.trace.sort && last !== undefined && timeDiff(row.at, last.at) < 0) {
        this.bad(
          row.line,
          `time ${row.timeText} is earlier than ${last.timeText} on line ${last.line}: the trace must be sorted by time (or set sort: true)`,
        );
        continue;
      }
      this.last = row;
      const cls = row.fields.cls;
      if (this.classes !== undefined && cls !== undefined && !this.classes.has(cls)) {
        this.bad(
          row.line,
          `class '${cls}' is not a class of the scenario (classes: ${[...this.classes].join(', ')})`,
        );
        continue;
      }
      return row;
    }
    return undefined;
  }

  private bad(line: number, reason: string): void {
    const message = `${this.trace.file}:${line}: ${reason}`;
    if (!this.trace.skipBadRows) throw new InputError(message);
    this.skippedRows++;
    if (this.reasons.length < this.keepReasons) this.reasons.push(message);
  }

  /** sort: true: every row into memory, then a stable sort by time (ties keep file order). */
  private readAllSorted(): void {
    const rows: RawRow[] = [];
    for (let row = this.pull(); row !== undefined; row = this.pull()) rows.push(row);
    this.lines.close();
    rows.sort((a, b) => timeDiff(a.at, b.at));
    this.buffered = rows;
  }

  private noRows(): InputError {
    const { file, format } = this.trace;
    if (this.skippedRows > 0) {
      return new InputError(
        `${file}: no usable rows: all ${this.skippedRows} were bad (first: ${this.reasons[0] ?? 'unknown'})`,
      );
    }
    return new InputError(format === 'csv' ? `${file}: no data rows (only a header)` : `${file}: empty file`);
  }
}
