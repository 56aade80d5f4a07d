// One replayed request of a trace, as the simulator pulls it from a TraceReader.

export interface TraceRow {
  /** 1-based line of the row in the file (the first line of a quoted multi-line CSV record). */
  readonly line: number;
  /** Arrival in seconds, shifted so the first arrival is 0, then divided by rateScale. */
  readonly time: number;
  /** Work units: the size column, else inputTokens + outputTokens. Never negative. */
  readonly size: number;
  readonly cls?: string;
  readonly key?: string;
  readonly priority?: number;
  /** Seconds after arrival, as in the trace. */
  readonly deadline?: number;
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  /** Prefix-block hashes, e.g. Mooncake's hash_ids: requests sharing leading ids can share KV cache. */
  readonly prefix?: Int32Array;
}

/** The task fields a trace column can map to, in a fixed order. */
export const traceFields = [
  'time',
  'size',
  'class',
  'key',
  'priority',
  'deadline',
  'inputTokens',
  'outputTokens',
  'prefix',
] as const;
export type TraceField = (typeof traceFields)[number];
