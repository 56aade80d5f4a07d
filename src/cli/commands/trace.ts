// `orchlab trace inspect FILE`: the figures of a recorded trace (rows, duration, rate, gap CV,
// size percentiles, arrivals per minute) and a synthetic model that resembles it.
import { type Command, Option } from 'commander';
import { formatOption, quietOption } from '../output.js';
import type { TraceInspectFlags } from '../trace-spec.js';

// Kept importable from here, where they used to live (the trace command's tests import them).
export { formatTraceStats, sparkline } from '../format-trace.js';
export { type TraceInspectFlags, traceSpecFromFlags } from '../trace-spec.js';

export function registerTrace(program: Command): void {
  const trace = program
    .command('trace')
    .description('recorded request traces (Azure LLM CSV, Mooncake JSON lines, your own CSV/JSONL)')
    .exitOverride();
  trace
    .command('inspect')
    .description(
      'read a trace once and print its figures: rows, duration, arrival rate, inter-arrival CV, ' +
        'size mean/p50/p99 (nearest rank), arrivals per minute, and a synthetic model that resembles it',
    )
    .argument('<file>', 'trace file (.csv with a header row, or .jsonl with one object per line)')
    .addOption(
      new Option('--preset <name>', 'column mapping of a known trace').choices(['azure-llm', 'mooncake']),
    )
    .addOption(
      new Option('--input-format <format>', 'trace format (default: preset, else the extension)').choices([
        'csv',
        'jsonl',
      ]),
    )
    .option('--time <column>', 'column with the arrival time (default: the preset’s, else "time")')
    .addOption(
      new Option(
        '--time-unit <unit>',
        'unit of numeric times, or iso for ISO-8601 (default: detected)',
      ).choices(['s', 'ms', 'us', 'iso']),
    )
    .option('--size <column>', 'column with the work units (default: input + output tokens, else "size")')
    .option('--sort', 'sort the rows by time in memory (stable: ties keep file order) instead of rejecting')
    .option('--skip-bad-rows', 'skip and count malformed rows instead of stopping at the first')
    .option('--rate-scale <x>', 'divide arrival times by x (2 = twice as fast)')
    .addOption(formatOption())
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .addOption(quietOption())
    .addHelpText(
      'after',
      '\nExamples:\n  orchlab trace inspect traces/AzureLLMInferenceTrace_conv.csv --preset azure-llm\n' +
        '  orchlab trace inspect traces/mooncake_conversation_trace.jsonl --preset mooncake --format json\n' +
        '  orchlab trace inspect my.csv --time ts --time-unit ms --size tokens --sort',
    )
    .exitOverride()
    .action(async (file: string, flags: TraceInspectFlags) => {
      const { traceInspectAction } = await import('../actions/trace-inspect.js');
      await traceInspectAction(file, flags);
    });
}
