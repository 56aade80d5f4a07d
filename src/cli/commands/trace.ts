// `orchlab trace inspect FILE`: the figures of a recorded trace (rows, duration, rate, gap CV,
// size percentiles, arrivals per minute) and a synthetic model that resembles it.
import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { inspectTrace, type TraceSpec, type TraceStats } from '../../workload/trace/index.js';
import { formatTable, num } from '../format-table.js';
import { emit, formatOption, type OutputFlags } from '../output.js';

export interface TraceInspectFlags extends OutputFlags {
  readonly preset?: 'azure-llm' | 'mooncake';
  readonly inputFormat?: 'csv' | 'jsonl';
  readonly time?: string;
  readonly timeUnit?: 's' | 'ms' | 'us' | 'iso';
  readonly size?: string;
  readonly sort?: boolean;
  readonly skipBadRows?: boolean;
  readonly rateScale?: string;
}

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
    .addHelpText(
      'after',
      '\nExamples:\n  orchlab trace inspect traces/AzureLLMInferenceTrace_conv.csv --preset azure-llm\n' +
        '  orchlab trace inspect traces/mooncake_conversation_trace.jsonl --preset mooncake --format json\n' +
        '  orchlab trace inspect my.csv --time ts --time-unit ms --size tokens --sort',
    )
    .exitOverride()
    .action((file: string, flags: TraceInspectFlags) => {
      const stats = inspectTrace(traceSpecFromFlags(file, flags), process.cwd());
      emit(flags, stats, () => formatTraceStats(stats));
    });
}

/** The TraceSpec the flags describe. */
export function traceSpecFromFlags(file: string, flags: TraceInspectFlags): TraceSpec {
  const columns = {
    ...(flags.time !== undefined && { time: flags.time }),
    ...(flags.size !== undefined && { size: flags.size }),
  };
  return {
    file,
    ...(flags.preset !== undefined && { preset: flags.preset }),
    ...(flags.inputFormat !== undefined && { format: flags.inputFormat }),
    ...(Object.keys(columns).length > 0 && { columns }),
    ...(flags.timeUnit !== undefined && { timeUnit: flags.timeUnit }),
    ...(flags.sort === true && { sort: true }),
    ...(flags.skipBadRows === true && { skipBadRows: true }),
    ...(flags.rateScale !== undefined && { rateScale: positiveNumber('--rate-scale', flags.rateScale) }),
  };
}

function positiveNumber(flag: string, text: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0) {
    throw new InputError(`${flag}: expected a number > 0, got '${text}'`);
  }
  return x;
}

const blocks = '▁▂▃▄▅▆▇█';

/** Values as unicode blocks, at most `width` wide (neighbours averaged); 0 is a blank. */
export function sparkline(values: readonly number[], width = 72): string {
  const per = Math.max(1, Math.ceil(values.length / width));
  const cells: number[] = [];
  for (let i = 0; i < values.length; i += per) {
    const group = values.slice(i, i + per);
    cells.push(group.reduce((s, v) => s + v, 0) / group.length);
  }
  const max = Math.max(0, ...cells);
  return cells
    .map((v) => (v <= 0 || max === 0 ? ' ' : blocks[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))]))
    .join('');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}

/** Whole numbers in full (token counts), others with 4 significant digits. */
const whole = (x: number): string => (Number.isInteger(x) ? String(x) : num(x));
const fixed = (x: number | null, digits: number): string => (x === null ? '-' : x.toFixed(digits));

/** The table view of `orchlab trace inspect`. */
export function formatTraceStats(s: TraceStats): string {
  const pad = (label: string) => label.padEnd(12);
  const minutes = s.ratePerMinute;
  const scaled = s.rateScale === 1 ? '' : `, rate scale ${s.rateScale}`;
  const head = [
    `${pad('trace')}${s.file} (${s.traceFormat}, time unit ${s.timeUnit}${scaled})`,
    `${pad('rows')}${s.rows}`,
    `${pad('duration')}${fixed(s.durationSeconds, 3)} s (${(s.durationSeconds / 60).toFixed(1)} min)`,
    `${pad('rate')}${fixed(s.ratePerSecond, 6)} /s (mean gap ${fixed(s.meanInterarrivalSeconds, 6)} s)`,
    `${pad('gap CV')}${fixed(s.interarrivalCv, 6)} (population; ${s.zeroGaps} zero gaps)`,
    `${pad('work')}${num(s.workPerSecond)} units/s`,
  ];
  if (s.skipped > 0) head.push(`${pad('skipped')}${s.skipped} bad rows (first: ${s.skipReasons[0] ?? '?'})`);
  const table = formatTable(
    ['column', 'mean', 'p50', 'p99', 'min', 'max', 'cv'],
    Object.entries(s.sizes).map(([name, c]) => [
      name,
      c.mean.toFixed(4),
      whole(c.p50),
      whole(c.p99),
      whole(c.min),
      whole(c.max),
      num(c.cv),
    ]),
  );
  const low = minutes.length === 0 ? 0 : Math.min(...minutes);
  const high = minutes.length === 0 ? 0 : Math.max(...minutes);
  const tail = [
    `${pad('per minute')}${minutes.length} min, ${low}..${high} arrivals/min`,
    `${pad('')}${sparkline(minutes)}`,
    `${pad('suggestion')}${wrap(s.suggestion.text, 96, pad(''))}`,
  ];
  return [...head, '', table, '', ...tail].join('\n');
}
