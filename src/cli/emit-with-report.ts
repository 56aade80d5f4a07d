// compare and sweep: the table, JSON or CSV, then the --report. The report is drawn before
// anything is written, and Ctrl-C is heard between drawing (long, synchronous: the signal waits
// until it ends) and writing; what is written after that takes milliseconds.
import type { Command } from 'commander';
import { type Content, writeEach } from '../io/write-atomic.js';
import type { ReportInput } from '../report/input-types.js';
import { heardInterrupt } from './interrupt.js';
import { invocation } from './invocation.js';
import { emit, type OutputFlags } from './output.js';

export interface ReportFlags extends OutputFlags {
  readonly report?: string;
}

export async function emitWithReport(
  flags: ReportFlags,
  result: ReportInput,
  table: () => string,
  cmd: Command,
  signal: AbortSignal,
  csv?: () => Content,
): Promise<void> {
  const out = flags.report;
  // The report code loads only when a report is asked for.
  const files =
    out === undefined
      ? undefined
      : await (await import('../report/write-report.js')).reportFiles(result, out, {
          command: invocation(cmd),
          outFlag: '--report',
        });
  await heardInterrupt(signal);
  await emit(flags, result, table, signal, csv);
  if (files === undefined) return;
  writeEach(files);
  if (flags.quiet !== true) process.stderr.write(`wrote ${out}\n`);
}
