// What `orchlab trace inspect` does (its options are in ../commands/trace.ts).
import { inspectTrace } from '../../workload/trace/index.js';
import { formatTraceStats } from '../format-trace.js';
import { checkOutputs, emit } from '../output.js';
import { type TraceInspectFlags, traceSpecFromFlags } from '../trace-spec.js';

export async function traceInspectAction(file: string, flags: TraceInspectFlags): Promise<void> {
  const spec = traceSpecFromFlags(file, flags);
  // Before reading the trace (a large one takes a while): an --out that cannot be written fails at once.
  checkOutputs(flags, [{ what: 'the trace', path: file }]);
  const stats = inspectTrace(spec, process.cwd());
  await emit(flags, stats, () => formatTraceStats(stats));
}
