// Arrivals per minute from the first arrival, for inspect's sparkline and the arrival fits (the
// trend, MMPP and piecewise rules read every minute, so the counts cannot be coarsened). One
// counter per minute: the span is bounded, and a longer trace is refused at the row that makes it
// so (times 0 and 1e12 asked for 1.7e10 counters and aborted the process).
import { InputError } from '../../errors.js';
import type { TraceReader } from './reader.js';
import type { TraceRow } from './row.js';

/**
 * A year (527,040 minutes, 4 MB of counts). Public request traces span an hour to a few months;
 * a longer span almost always means times in a finer unit read as seconds (one day of epoch
 * milliseconds read as seconds spans 2.7 years).
 */
export const MAX_SPAN_SECONDS = 366 * 86_400;

export class MinuteCounts {
  readonly counts: number[] = [];
  private firstLine: number | undefined;

  constructor(private readonly reader: TraceReader) {}

  /** Counts a row (rows come in time order, the first at 0); throws past MAX_SPAN_SECONDS. */
  add(row: TraceRow): void {
    this.firstLine ??= row.line;
    if (row.time > MAX_SPAN_SECONDS) throw this.tooLong(row);
    const minute = Math.floor(row.time / 60);
    while (this.counts.length <= minute) this.counts.push(0);
    this.counts[minute]!++;
  }

  private tooLong(row: TraceRow): InputError {
    const { file, columns, rateScale } = this.reader.trace;
    const column = columns.find(([field]) => field === 'time')?.[1] ?? 'time';
    const scaled = rateScale === 1 ? '' : ` (times divided by rateScale ${rateScale})`;
    const unit = this.reader.timeUnit;
    const hint =
      unit === 's'
        ? '; if the times are not seconds, set timeUnit (ms or us; --time-unit with trace inspect): epoch milliseconds read as seconds are a common cause'
        : unit === 'ms'
          ? '; if the times are not milliseconds, set timeUnit us (--time-unit with trace inspect)'
          : '';
    return new InputError(
      `${file}:${row.line}: '${column}' is ${row.time} s after the first row (line ${this.firstLine})${scaled}: ` +
        `expected a trace spanning at most 366 days (${MAX_SPAN_SECONDS} s; trace inspect and fits count arrivals in every minute)${hint}`,
    );
  }
}
