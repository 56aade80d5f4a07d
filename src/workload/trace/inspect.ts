// `inspectTrace`: the figures of a trace in one streaming pass, and a synthetic model that
// resembles it. Memory: 8 bytes per row per size column (exact nearest-rank percentiles need the
// values) plus one counter per minute (a span of at most a year, see minute-counts.ts); the rows
// themselves are not kept.
import { MinuteCounts } from './minute-counts.js';
import type { TraceReaderOptions } from './reader.js';
import { TraceReader } from './reader.js';
import type { ResolvedTrace } from './resolve.js';
import type { TraceRow } from './row.js';
import type { TimeUnit, TraceFormat, TraceSpec } from './spec.js';
import { binMeans, type ColumnStats, RunningMoments, summarizeColumn, ValueColumn } from './stats.js';
import { type Suggestion, suggestModel } from './suggest.js';

export interface TraceStats {
  readonly format: 'orchlab.trace/1';
  readonly rows: number;
  /** Last arrival - first arrival (after rateScale). */
  readonly durationSeconds: number;
  /** rows / duration; null for a zero duration. */
  readonly ratePerSecond: number | null;
  /** Population std / mean of the gaps between consecutive arrivals; null without a gap. */
  readonly interarrivalCv: number | null;
  /** Per numeric column (by its name in the file; `size` when derived from the token columns;
   * `len(<prefix column>)` for the prefix length). */
  readonly sizes: Readonly<Record<string, ColumnStats>>;
  /** Arrivals in each minute from the first arrival (the last minute may be partial). */
  readonly ratePerMinute: readonly number[];
  readonly suggestion: Suggestion;
  readonly file: string;
  readonly traceFormat: TraceFormat;
  readonly timeUnit: TimeUnit;
  readonly rateScale: number;
  readonly meanInterarrivalSeconds: number | null;
  /** Gaps of 0 (simultaneous arrivals). */
  readonly zeroGaps: number;
  /** Sum of sizes / duration: the work the trace offers per second (see rateScaleForUtilization). */
  readonly workPerSecond: number | null;
  readonly skipped: number;
  readonly skipReasons: readonly string[];
}

interface Probe {
  readonly label: string;
  readonly get: (row: TraceRow) => number | undefined;
  readonly values: ValueColumn;
}

/** What to summarize: the mapped numeric columns, the size (derived or not), the prefix length. */
function probes(trace: ResolvedTrace): Probe[] {
  const name = new Map(trace.columns);
  const list: Probe[] = [];
  const add = (label: string, get: Probe['get']) => {
    let unique = label;
    for (let i = 2; list.some((p) => p.label === unique); i++) unique = `${label} (${i})`;
    list.push({ label: unique, get, values: new ValueColumn() });
  };
  const input = name.get('inputTokens');
  const output = name.get('outputTokens');
  const size = name.get('size');
  if (input !== undefined) add(input, (r) => r.inputTokens);
  if (output !== undefined) add(output, (r) => r.outputTokens);
  if (size === undefined) add('size', (r) => r.size);
  else if (size !== input && size !== output) add(size, (r) => r.size);
  const prefix = name.get('prefix');
  if (prefix !== undefined) add(`len(${prefix})`, (r) => r.prefix?.length);
  const priority = name.get('priority');
  if (priority !== undefined) add(priority, (r) => r.priority);
  const deadline = name.get('deadline');
  if (deadline !== undefined) add(deadline, (r) => r.deadline);
  return list;
}

/** Reads the trace once and computes its figures; throws InputError for a bad trace. */
export function inspectTrace(spec: TraceSpec, baseDir: string, options: TraceReaderOptions = {}): TraceStats {
  const reader = new TraceReader(spec, baseDir, options);
  try {
    const columns = probes(reader.trace);
    const gaps = new RunningMoments();
    const nonZeroGaps = new RunningMoments();
    const minutes = new MinuteCounts(reader);
    let rows = 0;
    let last = 0;
    let work = 0;
    for (let row = reader.next(); row !== undefined; row = reader.next()) {
      if (rows > 0) {
        const gap = row.time - last;
        gaps.add(gap);
        if (gap > 0) nonZeroGaps.add(gap);
      }
      rows++;
      last = row.time;
      work += row.size;
      minutes.add(row);
      for (const c of columns) {
        const v = c.get(row);
        if (v !== undefined) c.values.push(v);
      }
    }
    const duration = last;
    const perMinute = minutes.counts;
    const sizes: Record<string, ColumnStats> = {};
    const empirical: Record<string, number[]> = {};
    for (const c of columns) {
      if (c.values.length === 0) continue;
      const values = c.values.values();
      sizes[c.label] = summarizeColumn(values);
      empirical[c.label] = binMeans(values, 20);
    }
    const zeroGaps = gaps.count - nonZeroGaps.count;
    const interarrivalCv = gaps.count === 0 ? null : gaps.cv;
    return {
      format: 'orchlab.trace/1',
      rows,
      durationSeconds: duration,
      ratePerSecond: duration > 0 ? rows / duration : null,
      interarrivalCv,
      sizes,
      ratePerMinute: perMinute,
      suggestion: suggestModel({
        rows,
        durationSeconds: duration,
        interarrivalCv,
        zeroGaps,
        nonZeroGap: { mean: nonZeroGaps.mean, cv: nonZeroGaps.cv },
        ratePerMinute: perMinute,
        sizes,
        empirical,
      }),
      file: reader.trace.file,
      traceFormat: reader.trace.format,
      timeUnit: reader.timeUnit,
      rateScale: reader.trace.rateScale,
      meanInterarrivalSeconds: rows > 1 ? duration / (rows - 1) : null,
      zeroGaps,
      workPerSecond: duration > 0 ? work / duration : null,
      skipped: reader.skipped,
      skipReasons: [...reader.skipReasons],
    };
  } finally {
    reader.close();
  }
}
