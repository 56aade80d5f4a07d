// The trace spec: which recorded trace to replay and how its columns map to task fields.
// One zod schema gives validation and the TypeScript type; defaults are applied by resolveTraceSpec.
import { z } from 'zod';

const column = z.string().min(1, 'expected a column name');

export const traceColumnsSchema = z.strictObject({
  /** Arrival time: a number in `timeUnit`, or an ISO-8601 string. */
  time: column.optional(),
  /** Work units of the task. Default: inputTokens + outputTokens when either is mapped. */
  size: column.optional(),
  /** Task class name. */
  class: column.optional(),
  /** Affinity key (tenant, session). */
  key: column.optional(),
  /** Priority (a number; lower is served first under discipline: priority, as in the scenario format). */
  priority: column.optional(),
  /** Relative deadline in seconds after arrival (not shifted, not scaled by rateScale). */
  deadline: column.optional(),
  inputTokens: column.optional(),
  outputTokens: column.optional(),
  /** Prefix-block hashes: a JSON array of integers, or in CSV also `1 2 3` / `1;2;3` / `[1,2,3]`. */
  prefix: column.optional(),
});
export type TraceColumns = z.infer<typeof traceColumnsSchema>;

export const traceFormats = ['csv', 'jsonl'] as const;
export const tracePresets = ['azure-llm', 'mooncake'] as const;
export const timeUnits = ['s', 'ms', 'us', 'iso'] as const;

export const traceSpecSchema = z.strictObject({
  /** Path of the trace file, relative to the scenario (or the working directory on the CLI). */
  file: z.string().min(1, 'expected a file path'),
  /** Default: from the preset, else from the extension (.csv; .jsonl, .ndjson, .json). */
  format: z.enum(traceFormats).optional(),
  /** Column mapping and time unit of a known public trace; explicit fields override it. */
  preset: z.enum(tracePresets).optional(),
  columns: traceColumnsSchema.optional(),
  /** Unit of numeric timestamps; `iso` for ISO-8601 strings. Default: the preset's, else detected
   * from the first good row (a number means seconds, anything else ISO-8601). */
  timeUnit: z.enum(timeUnits).optional(),
  /** false (default): a timestamp earlier than the previous row's is an error.
   * true: read every row into memory, stable-sort by time (ties keep file order) and replay. */
  sort: z.boolean().optional(),
  /** Skip and count malformed rows instead of stopping at the first one. */
  skipBadRows: z.boolean().optional(),
  /** Arrival times are divided by this: 2 replays the trace twice as fast. Default 1. */
  rateScale: z.number().positive('expected a number > 0 (speed-up factor)').optional(),
});
export type TraceSpec = z.infer<typeof traceSpecSchema>;
export type TraceFormat = (typeof traceFormats)[number];
export type TimeUnit = (typeof timeUnits)[number];
