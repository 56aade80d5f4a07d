// Output files are written whole or not at all: write a temporary file beside the target,
// then rename it over the target (atomic on one file system). A symlink is followed, so the link
// stays; a fifo, a device or an open descriptor (/dev/stdout) is written in place, since a stream
// cannot be replaced whole (see output-target.ts). A path that cannot be written (a directory, no
// permission, a file where a folder should be, a full disk) is the user's to fix: exit 2.
// The content is a string or its chunks in order (a result too big for one string, see
// json-chunks.ts): written chunk by chunk, never joined.
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorCode, InputError, readFailure } from '../errors.js';
import { outputTarget } from './output-target.js';

const WRITE_FAILURES: Readonly<Record<string, string>> = {
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

/** Every chunk to `fd`, in order, each written whole. */
function writeChunks(fd: number, content: Content): void {
  for (const chunk of chunksOf(content)) writeFileSync(fd, chunk);
}

/**
 * Replaces `path` whole: a temporary file beside it, renamed over it. A failure part-way (a full
 * disk, or chunks that stop with an error) removes the temporary file and leaves `path` as it was.
 */
function replaceFile(path: string, content: Content): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeChunks(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written there (its folder could not be made): the first error is the one to show.
    }
    throw err;
  }
}

/** Writes into a fifo or device that is already there: no O_CREAT, no O_TRUNC. */
function writeInPlace(path: string, content: Content): void {
  const fd = openSync(path, constants.O_WRONLY);
  try {
    writeChunks(fd, content);
  } finally {
    closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * All of `content` to one of this process's descriptors (/dev/stdout). Node makes a pipe on
 * stdout non-blocking, so a write past the pipe's 64 KiB may take part of it or fail with EAGAIN
 * until the reader catches up: write the rest after a millisecond. A reader that closed the pipe
 * has all it wants, as for the tables on stdout: the rest is dropped (EPIPE), no error.
 */
function writeToDescriptor(fd: number, content: Content): void {
  for (const chunk of chunksOf(content)) {
    const bytes = Buffer.from(chunk, 'utf8');
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (err) {
        const code = errorCode(err);
        if (code === 'EPIPE') return;
        if (code !== 'EAGAIN') throw err;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  }
}

/**
 * Writes `content` (a string, or its chunks) to `path` (see above). `label` names the output in
 * the error, e.g. `--out results/x.json`; by default the path alone. An error thrown by the
 * chunks themselves passes through as it is, after the clean-up.
 */
export function writeAtomic(path: string, content: Content, label = path): void {
  const target = outputTarget(path);
  try {
    if (target.kind === 'file') replaceFile(target.path, content);
    else if (target.kind === 'stream') writeInPlace(path, content);
    else writeToDescriptor(target.fd, content);
  } catch (err) {
    if (errorCode(err) !== undefined) throw new InputError(`${label}: cannot write (${writeFailure(err)})`);
    throw err;
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
      if (!(err instanceof InputError) || written.length === 0) throw err;
      throw new InputError(`${err.message}; already written before it: ${written.join(', ')}`);
    }
    written.push(file.path);
  }
}
