// Where a command's result goes: stdout or --out FILE (atomic), as a table, JSON or (run, compare,
// sweep) CSV.
import { existsSync } from 'node:fs';
import { Option } from 'commander';
import { errorCode, InputError } from '../errors.js';
import { jsonChunks } from '../io/json-chunks.js';
import { type CommandInput, sameFile } from '../io/output-target.js';

export { type CommandInput, sameFile };
import { checkWritable } from '../io/writable.js';
import {
  type Content,
  chunksOf,
  nextTurns,
  TURN_CHARS,
  WriteAborted,
  writeAtomicAsync,
  writeFailure,
} from '../io/write-atomic.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface OutputFlags {
  /** csv only where the command offers it (formatOption's choices). */
  readonly format?: OutputFormat;
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
 * Refuses, before any run, an --out, --report or --cache that could not be written, two outputs
 * in one file, and an output that would replace one of the command's `inputs` (`run S.yaml --out
 * S.yaml` would swap the scenario for its table): compared as the files they resolve to, as sameFile.
 */
export function checkOutputs(flags: OutputTargets, inputs: readonly CommandInput[] = []): void {
  // Writability first: it refuses an empty path naming its flag, which sameFile could not.
  if (flags.out !== undefined) checkWritable('--out', flags.out, 'file');
  if (flags.report !== undefined) checkWritable('--report', flags.report, 'file');
  // A cache that can be read but not written is still used, read-only (run-cache.ts warns).
  if (flags.cache !== undefined) checkWritable('--cache', flags.cache, 'cache directory');
  if (flags.out !== undefined && flags.report !== undefined && sameFile(flags.out, flags.report))
    throw new InputError(`--out and --report name the same file: ${flags.out}`);
  const outputs = [
    ['--out', flags.out],
    ['--report', flags.report],
  ] as const;
  for (const [flag, out] of outputs) {
    if (out === undefined) continue;
    // A missing input fails as the input it is, where it is read.
    const input = inputs.find((i) => existsSync(i.path) && sameFile(out, i.path));
    if (input === undefined) continue;
    const spelled = input.path === out ? '' : ` (${input.path})`;
    throw new InputError(
      `${flag} ${out}: would replace ${input.what}${spelled}, which this command reads; give another file`,
    );
  }
}

/** --format with `choices`: csv only for the commands that have a CSV view (run, compare, sweep). */
export function formatOption(choices: readonly OutputFormat[] = ['table', 'json']): Option {
  return new Option('--format <format>', 'output format').choices(choices).default('table');
}

/** The --quiet option of commands that print only `wrote FILE` (and progress) on stderr. */
export function quietOption(): Option {
  return new Option('--quiet', 'nothing on stderr but errors and warnings');
}

/**
 * `JSON.stringify(result, null, 2)` and a newline, as chunks (see io/json-chunks.ts): the JSON of
 * a big sweep is longer than a string can be.
 */
export function* jsonText(result: unknown): Generator<string> {
  yield* jsonChunks(result, 2);
  yield '\n';
}

/**
 * Writes the result, as JSON, the table or the CSV, to --out (atomically) or to stdout. JSON
 * (io/json-chunks.ts) and CSV (a line at a time) are written chunk by chunk and never held whole.
 * With a `signal` (Ctrl-C) the write lets the event loop turn as it goes and stops once the
 * signal is aborted, with WriteAborted: an --out file is then not written at all.
 */
export async function emit(
  flags: OutputFlags,
  result: unknown,
  table: () => string,
  signal?: AbortSignal,
  csv?: () => Content,
): Promise<void> {
  const content = contentOf(flags.format, result, table, csv);
  if (flags.out !== undefined) {
    await writeAtomicAsync(flags.out, content, { label: `--out ${flags.out}`, signal });
    if (flags.quiet !== true) process.stderr.write(`wrote ${flags.out}\n`);
  } else {
    await writeStdout(content, signal);
  }
}

/** What --format asks for; `csv` is the command's CSV view, where it has one. */
function contentOf(
  format: OutputFormat | undefined,
  result: unknown,
  table: () => string,
  csv: (() => Content) | undefined,
): Content {
  if (format === 'json') return jsonText(result);
  if (format !== 'csv') return `${table()}\n`;
  // formatOption offers csv only to commands that pass `csv`: this is a bug, not bad input.
  if (csv === undefined) throw new Error('--format csv reached a command without a CSV view');
  return csv();
}

/**
 * Writes the chunks to stdout in order. A pipe's reader may be slower than the chunks come: when
 * the stream's buffer is full, wait for it to drain, so memory holds about one chunk and not the
 * whole output. A failed stdout (a closed pipe, a full disk: see watchStdout) takes no more. With
 * a `signal`, the event loop turns every TURN_CHARS characters, and an aborted signal stops the
 * output where it stands (WriteAborted).
 */
export async function writeStdout(content: Content, signal?: AbortSignal): Promise<void> {
  const out = process.stdout;
  let written = 0;
  let sinceTurn = 0;
  for (const chunk of chunksOf(content)) {
    if (out.destroyed || out.errored !== null) return;
    if (signal?.aborted) throw new WriteAborted(written > 0 ? 'standard output' : undefined);
    const more = out.write(chunk);
    written += chunk.length;
    sinceTurn += chunk.length;
    if (!more) {
      sinceTurn = 0;
      await drained(out, signal);
    } else if (signal !== undefined && sinceTurn >= TURN_CHARS) {
      sinceTurn = 0;
      await nextTurns();
    }
  }
}

/** Resolves when `stream` may take more, or will take nothing more (it failed or closed), or `signal` is aborted. */
function drained(stream: NodeJS.WriteStream, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const settle = () => {
      stream.off('drain', settle);
      stream.off('error', settle);
      stream.off('close', settle);
      signal?.removeEventListener('abort', settle);
      done();
    };
    stream.on('drain', settle);
    stream.on('error', settle);
    stream.on('close', settle);
    signal?.addEventListener('abort', settle);
  });
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
