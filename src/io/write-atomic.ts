// Output files are written whole or not at all: write a temporary file beside the target,
// then rename it over the target (atomic on one file system). A symlink is followed, so the link
// stays; a fifo, a device or an open descriptor (/dev/stdout) is written in place, since a stream
// cannot be replaced whole (see output-target.ts). A path that cannot be written (a directory, no
// permission, a file where a folder should be) is the user's to fix: exit 2; a full disk or a
// file too large is the machine's: exit 1. A temporary file that a killed process left for the
// same path is removed before a later write of it (removeStaleTemps).
// The content is a string or its chunks in order (a result too big for one string, see
// json-chunks.ts): written chunk by chunk, never joined.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorCode, InputError, OutputError, readFailure } from '../errors.js';
import { outputTarget } from './output-target.js';

/** Our own code for a temporary file removed before it could be renamed (not the input's fault). */
const TEMP_GONE = 'ETEMPGONE';

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  [TEMP_GONE]: 'its temporary file was removed while it was being written',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EPIPE: 'the reading end of the pipe is closed',
  ENXIO: 'nothing is reading from it',
  ENOTDIR: 'a file is in the way of its folder',
  EEXIST: 'a file is in the way of its folder',
};

/** Why a write failed, in words (for `x.json: cannot write (no space left on device)`). */
export function writeFailure(err: unknown): string {
  const code = errorCode(err);
  return (code === undefined ? undefined : WRITE_FAILURES[code]) ?? readFailure(err);
}

/** What writeAtomic writes: one string, or its chunks in order. */
export type Content = string | Iterable<string>;

/**
 * The chunks of `content` (a string is one chunk, not its characters) but empty ones, each to be
 * encoded alone: a chunk that ends in the first half of a surrogate pair leaves it to the next
 * chunk, so the pair is not written as two replacement characters.
 */
export function* chunksOf(content: Content): Generator<string> {
  let held = '';
  for (const chunk of typeof content === 'string' ? [content] : content) {
    const text = held + chunk;
    const last = text.charCodeAt(text.length - 1);
    held = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
    const whole = held === '' ? text : text.slice(0, -1);
    if (whole !== '') yield whole;
  }
  if (held !== '') yield held;
}

/**
 * Where the chunks go once opened: `write` takes one chunk (false when the reader of a fifo or a
 * descriptor is gone: write no more), `commit` makes the output whole (renames the temporary file
 * over the target), `abandon` undoes what can be undone (removes the temporary file). Both close
 * what was opened; `commit` abandons when it fails.
 */
interface Opened {
  /** Bytes written here go to a stream that cannot be taken back (a fifo, a device, stdout). */
  readonly inPlace: boolean;
  write(chunk: string): boolean;
  commit(): void;
  abandon(): void;
}

/** Writes one chunk whole into `fd`. */
function writerTo(fd: number): (chunk: string) => boolean {
  return (chunk) => {
    writeFileSync(fd, chunk);
    return true;
  };
}

/** Removes `dir` and its parents up to `top` (the first folder mkdirSync made), while empty. */
function removeEmptyUpTo(dir: string, top: string): void {
  for (let d = dir; ; d = dirname(d)) {
    rmdirSync(d);
    if (d === top || dirname(d) === d) return;
  }
}

/** `.NAME.PID.tmp`: the temporary file a process PID writes NAME through. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.tmp$/;

/** Linux's largest process id (pid_max at most 2^22): a larger number names no process. */
const MAX_PID = 1 << 22;

/**
 * How long a temporary file must have been left untouched before it is taken for a dead
 * process's. Its process id alone cannot say: another machine or container writing to the same
 * directory (a shared --cache) has its own ids, so a writer at work there looks gone from here.
 */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** Whether a process with this id is running here (EPERM: it is, another user's). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

/**
 * Removes from `dir` the temporary files that writes of files named as `isOwn` accepts left
 * behind when their process was killed (or stopped by a signal that gave it no time to clean up):
 * `.NAME.PID.tmp`, PID a process id that is not running here, last written over STALE_TEMP_MS
 * before `now` (ms since the epoch, as file times are). Nothing else is touched. Best effort:
 * what cannot be listed or removed stays.
 */
export function removeStaleTemps(dir: string, isOwn: (name: string) => boolean, now: number): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (m === null || !isOwn(m[1]!)) continue;
    const pid = Number(m[2]);
    if (!(pid >= 1 && pid <= MAX_PID) || pid === process.pid || running(pid)) continue;
    try {
      const path = join(dir, entry);
      const stat = lstatSync(path);
      if (stat.isFile() && now - stat.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or someone else's to remove.
    }
  }
}

/**
 * A temporary file beside `path`, to be renamed over it. A failure part-way (a full disk, or
 * chunks that stop with an error) removes the temporary file and leaves `path` as it was. Those a
 * killed process left for the same path go first, unless `keepStale` (a directory of many files
 * written one after another, as the run cache, is swept once by its owner instead).
 */
function openReplacement(path: string, keepStale: boolean): Opened {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  const abandon = () => {
    try {
      close();
    } catch {
      // The first error is the one to show.
    }
    try {
      rmSync(tmp, { force: true });
      // Folders made for this file go too: nothing written means nothing new on disk.
      if (made !== undefined) removeEmptyUpTo(dir, made);
    } catch {
      // Nothing was written there (its folder could not be made): the first error is the one to show.
    }
  };
  let made: string | undefined;
  try {
    made = mkdirSync(dir, { recursive: true });
    fd = openSync(tmp, 'w');
    // The file system's own clock, read from the file just made: the one the others' times are on.
    if (!keepStale) removeStaleTemps(dir, (name) => name === basename(path), fstatSync(fd).mtimeMs);
  } catch (err) {
    abandon();
    throw err;
  }
  return {
    inPlace: false,
    write: writerTo(fd),
    commit: () => {
      try {
        close();
        renameSync(tmp, path);
      } catch (err) {
        abandon();
        // The place was fine when the write began: something removed the file (or its folder) since.
        throw errorCode(err) === 'ENOENT'
          ? Object.assign(new Error('temporary file gone'), { code: TEMP_GONE })
          : err;
      }
    },
    abandon,
  };
}

/**
 * A fifo or device that is already there: no O_CREAT, no O_TRUNC. A fifo's reader that stops early
 * (`head -c 100 F`) has what it wants, as a pipe on stdout: the rest is dropped, no error.
 */
function openInPlace(path: string): Opened {
  const fd = openSync(path, constants.O_WRONLY);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    inPlace: true,
    write: streamWriterTo(fd),
    commit: close,
    abandon: () => {
      try {
        close();
      } catch {
        // The first error is the one to show.
      }
    },
  };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes one chunk whole into a stream's `fd`; false once its reader closed the pipe (EPIPE: Node
 * ignores SIGPIPE), so the caller writes no more. Node makes a pipe on stdout non-blocking, so a
 * write past the pipe's 64 KiB may take part of it or fail with EAGAIN until the reader catches
 * up: write the rest after a millisecond.
 */
function streamWriterTo(fd: number): (chunk: string) => boolean {
  return (chunk) => {
    const bytes = Buffer.from(chunk, 'utf8');
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (err) {
        const code = errorCode(err);
        if (code === 'EPIPE') return false;
        if (code !== 'EAGAIN') throw err;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
    return true;
  };
}

/**
 * One of this process's descriptors (/dev/stdout). A reader that closed the pipe has all it wants,
 * as for the tables on stdout: the rest is dropped, no error.
 */
function openDescriptor(fd: number): Opened {
  return {
    inPlace: true,
    write: streamWriterTo(fd),
    commit: () => {},
    abandon: () => {},
  };
}

function open(path: string, keepStale = false): Opened {
  const target = outputTarget(path);
  if (target.kind === 'file') return openReplacement(target.path, keepStale);
  if (target.kind === 'stream') return openInPlace(path);
  return openDescriptor(target.fd);
}

/** Failures of the place given (a path into a file, no permission): the user's input to fix. */
const INPUT_FAILURES = new Set([
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'ENOENT',
  'EROFS',
  'ENAMETOOLONG',
  'ELOOP',
  'ENXIO',
]);

/** Whether a system error is the machine's (a full disk, out of inodes, an I/O error), not the place given. */
export function isMachineFailure(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && !INPUT_FAILURES.has(code);
}

/**
 * A system error naming the output (`--out x.json: cannot write (…)`): an InputError (exit code 2)
 * when the place given is at fault, an OutputError (1) when the machine is (a full disk, a file
 * too large); anything else as it is.
 */
function asWriteError(err: unknown, label: string): unknown {
  const code = errorCode(err);
  if (code === undefined) return err;
  const message = `${label}: cannot write (${writeFailure(err)})`;
  return INPUT_FAILURES.has(code) ? new InputError(message) : new OutputError(message);
}

/**
 * Writes `content` (a string, or its chunks) to `path` (see above). `label` names the output in
 * the error, e.g. `--out results/x.json`; by default the path alone. An error thrown by the
 * chunks themselves passes through as it is, after the clean-up. `keepStale`: see openReplacement.
 */
export function writeAtomic(
  path: string,
  content: Content,
  label = path,
  { keepStale = false }: { readonly keepStale?: boolean } = {},
): void {
  try {
    const out = open(path, keepStale);
    try {
      for (const chunk of chunksOf(content)) if (!out.write(chunk)) break;
    } catch (err) {
      out.abandon();
      throw err;
    }
    out.commit();
  } catch (err) {
    throw asWriteError(err, label);
  }
}

/** The write was stopped by its signal (Ctrl-C) before the output was whole. */
export class WriteAborted extends Error {
  /**
   * `cutShort` names the output when part of it was already written where it cannot be taken back
   * (a fifo, a device, stdout); undefined when nothing of it was left (a file is not replaced).
   */
  constructor(readonly cutShort: string | undefined) {
    super(cutShort === undefined ? 'write stopped; nothing written' : `write stopped; ${cutShort} cut short`);
    this.name = 'WriteAborted';
  }
}

/** Characters written between two turns of the event loop when a write can be stopped. */
export const TURN_CHARS = 1 << 20;

/**
 * Two turns of the event loop: the second starts a new loop iteration, so a signal that came
 * during synchronous work (its handler runs in the poll phase) has been handled by then.
 */
export async function nextTurns(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((done) => setImmediate(done));
}

export interface WriteOptions {
  /** Names the output in errors (`--out results/x.json`); by default the path. */
  readonly label?: string;
  /** Stops the write: the temporary file is removed, the target left as it was (WriteAborted). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * writeAtomic that can be stopped: with a `signal`, the event loop turns every TURN_CHARS
 * characters (a Ctrl-C handler gets to run while a big result is written), and once the signal
 * is aborted the write stops with WriteAborted. A file is then left as it was (the temporary file
 * is removed; the signal is checked last just before the rename); a fifo or device keeps what it
 * already took.
 */
export async function writeAtomicAsync(
  path: string,
  content: Content,
  options: WriteOptions = {},
): Promise<void> {
  const label = options.label ?? path;
  const signal = options.signal;
  let out: Opened;
  try {
    if (signal?.aborted) throw new WriteAborted(undefined);
    out = open(path);
  } catch (err) {
    throw asWriteError(err, label);
  }
  let written = 0;
  const stop = () => new WriteAborted(out.inPlace && written > 0 ? label : undefined);
  try {
    let sinceTurn = 0;
    for (const chunk of chunksOf(content)) {
      if (!out.write(chunk)) break;
      written += chunk.length;
      sinceTurn += chunk.length;
      if (signal !== undefined && sinceTurn >= TURN_CHARS) {
        sinceTurn = 0;
        await nextTurns();
        if (signal.aborted) throw stop();
      }
    }
    // A file is whole only once renamed: an interrupt up to then leaves nothing.
    if (signal !== undefined && !out.inPlace) {
      await nextTurns();
      if (signal.aborted) throw stop();
    }
  } catch (err) {
    out.abandon();
    throw asWriteError(err, label);
  }
  try {
    out.commit();
  } catch (err) {
    throw asWriteError(err, label);
  }
}

/** A file to write with writeEach. */
export interface PendingFile {
  readonly path: string;
  readonly content: string;
  /** Names the output in errors (e.g. `--svg reports/svg/x.svg`). */
  readonly label: string;
}

/**
 * Writes every file, each atomically. When one fails, the error says which were already written:
 * the set is not atomic, so the user should know what is left over.
 */
export function writeEach(files: readonly PendingFile[]): void {
  const written: string[] = [];
  for (const file of files) {
    try {
      writeAtomic(file.path, file.content, file.label);
    } catch (err) {
      if (!(err instanceof InputError || err instanceof OutputError) || written.length === 0) throw err;
      // The same error, its class (and exit code) kept, saying what is left over.
      err.message = `${err.message}; already written before it: ${written.join(', ')}`;
      throw err;
    }
    written.push(file.path);
  }
}
