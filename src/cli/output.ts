// Where a command's result goes: stdout or --out FILE (atomic), as a table or JSON.
import { Option } from 'commander';
import { checkWritable } from '../io/writable.js';
import { writeAtomic } from '../io/write-atomic.js';

export interface OutputFlags {
  readonly format?: 'table' | 'json';
  readonly out?: string;
  readonly quiet?: boolean;
}

/** Where runs write: checked before they start (see io/writable.ts). */
export interface OutputTargets {
  readonly out?: string;
  readonly report?: string;
  readonly cache?: string;
}

/** Refuses, before any run, an --out, --report or --cache that could not be written. */
export function checkOutputs(flags: OutputTargets): void {
  if (flags.out !== undefined) checkWritable('--out', flags.out, 'file');
  if (flags.report !== undefined) checkWritable('--report', flags.report, 'file');
  if (flags.cache !== undefined) checkWritable('--cache', flags.cache, 'directory');
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');
}

export function emit(flags: OutputFlags, result: unknown, table: () => string): void {
  const text = flags.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${table()}\n`;
  if (flags.out !== undefined) {
    writeAtomic(flags.out, text);
    if (flags.quiet !== true) process.stderr.write(`wrote ${flags.out}\n`);
  } else {
    process.stdout.write(text);
  }
}
