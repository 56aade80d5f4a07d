// What `orchlab trace inspect` does (its options are in ../commands/trace.ts).
import { inspectTrace } from '../../workload/trace/index.js';
import { formatTraceStats } from '../format-trace.js';
import { emit } from '../output.js';
import { type TraceInspectFlags, traceSpecFromFlags } from '../trace-spec.js';

export function traceInspectAction(file: string, flags: TraceInspectFlags): void {
  const stats = inspectTrace(traceSpecFromFlags(file, flags), process.cwd());
  emit(flags, stats, () => formatTraceStats(stats));
}
