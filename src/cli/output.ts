// Where a command's result goes: stdout or --out FILE (atomic), as a table or JSON.
import { Option } from 'commander';
import { errorCode, InputError } from '../errors.js';
import { outputTarget } from '../io/output-target.js';
import { checkWritable } from '../io/writable.js';
import { writeAtomic, writeFailure } from '../io/write-atomic.js';

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

/**
 * Whether two output paths land in one file (through symlinks and `..`), so the second write
 * would silently replace the first. Streams are left alone: `--out /dev/null --report /dev/null`
 * throwing both away is fine.
 */
export function sameFile(a: string, b: string): boolean {
  const [x, y] = [outputTarget(a), outputTarget(b)];
  return x.kind === 'file' && y.kind === 'file' && x.path === y.path;
}

/** Refuses, before any run, an --out, --report or --cache that could not be written. */
export function checkOutputs(flags: OutputTargets): void {
  if (flags.out !== undefined && flags.report !== undefined && sameFile(flags.out, flags.report))
    throw new InputError(`--out and --report name the same file: ${flags.out}`);
  if (flags.out !== undefined) checkWritable('--out', flags.out, 'file');
  if (flags.report !== undefined) checkWritable('--report', flags.report, 'file');
  if (flags.cache !== undefined) checkWritable('--cache', flags.cache, 'directory');
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');
}

/** The --quiet option of commands that print only `wrote FILE` (and progress) on stderr. */
export function quietOption(): Option {
  return new Option('--quiet', 'nothing on stderr but errors');
}

export function emit(flags: OutputFlags, result: unknown, table: () => string): void {
  const text = flags.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${table()}\n`;
  if (flags.out !== undefined) {
    writeAtomic(flags.out, text, `--out ${flags.out}`);
    if (flags.quiet !== true) process.stderr.write(`wrote ${flags.out}\n`);
  } else {
    process.stdout.write(text);
  }
}

/**
 * The line a failed write to stdout prints, or undefined for a reader that closed the pipe
 * (`orchlab ... | head`): it has all it wants, so that is no error (see watchStdout).
 */
export function stdoutFailure(err: unknown): string | undefined {
  return errorCode(err) === 'EPIPE' ? undefined : `cannot write to standard output (${writeFailure(err)})`;
}

/**
 * Handles write errors on stdout and stderr, which Node otherwise throws as an unhandled 'error'
 * event with a stack. A closed pipe drops the rest of the output quietly and the command carries
 * on (its --report and --cache files are still written) and exits as it would have; any other
 * stdout error prints one line and makes the exit code 1. Errors on stderr are dropped: there is
 * nowhere left to report them. Returns whether stdout failed (not counting a closed pipe).
 */
export function watchStdout(): () => boolean {
  let failed = false;
  process.stdout.on('error', (err) => {
    const message = stdoutFailure(err);
    if (message === undefined || failed) return;
    failed = true;
    process.stderr.write(`orchlab: ${message}\n`);
    // The command may have ended already: its exit code stands unless it was success.
    if (!process.exitCode) process.exitCode = 1;
  });
  process.stderr.on('error', () => {});
  return () => failed;
}
