// Where a command's result goes: stdout or --out FILE (atomic), as a table or JSON.
import { Option } from 'commander';
import { writeAtomic } from '../io/write-atomic.js';

export interface OutputFlags {
  readonly format?: 'table' | 'json';
  readonly out?: string;
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');
}

export function emit(flags: OutputFlags, result: unknown, table: () => string): void {
  const text = flags.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${table()}\n`;
  if (flags.out !== undefined) {
    writeAtomic(flags.out, text);
    process.stderr.write(`wrote ${flags.out}\n`);
  } else {
    process.stdout.write(text);
  }
}
