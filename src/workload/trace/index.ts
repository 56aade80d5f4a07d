// Recorded traces: a streaming pull reader, inspection figures and rate scaling.
export { type TraceStats, inspectTrace } from './inspect.js';
export { presets, type TracePreset } from './presets.js';
export { type TraceReaderOptions, TraceReader } from './reader.js';
export { type ResolvedTrace, resolveTraceSpec } from './resolve.js';
export type { TraceField, TraceRow } from './row.js';
export { rateScaleForUtilization, scaleTimes } from './scale.js';
export {
  type TimeUnit,
  type TraceColumns,
  type TraceFormat,
  type TraceSpec,
  traceColumnsSchema,
  traceSpecSchema,
} from './spec.js';
export type { ColumnStats } from './stats.js';
export type { ArrivalSuggestion, SizeSuggestion, Suggestion } from './suggest.js';
