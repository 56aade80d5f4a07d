// Checks, before any work, that an output can be written where the user asked, so a long
// comparison does not end with nothing saved (or with one output written and the next refused).
// Nothing is left behind: the nearest part of the path that exists decides, and an empty probe
// file is made and removed there. A file output is judged where writeAtomic will write it
// (output-target.ts): beside the file a symlink names, or in place for a fifo or device.
// A --cache directory may be read-only (readOnlyReason): it is then read, not written.
import { accessSync, constants, fstatSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { errorCode, InputError, OutputError } from '../errors.js';
import { outputTarget } from './output-target.js';
import { isMachineFailure, writeFailure } from './write-atomic.js';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Why no file can be made in `dir` (the error), or undefined when one can: tried, since
 * permissions alone miss read-only mounts. The probe file is removed.
 */
export function writeProbe(dir: string): Error | undefined {
  const probe = join(dir, `.orchlab-write-check-${process.pid}`);
  try {
    // One byte, not an empty file: that needs only an inode, and a disk whose blocks are full
    // would pass.
    writeFileSync(probe, 'x');
    rmSync(probe, { force: true });
    return undefined;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Whether the files in `dir` may be listed and opened (read and search permission). */
function readableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How a directory is probed; tests swap it (root writes in a chmod 0555 directory). */
export interface DirectoryProbe {
  /** The error of making a file in the directory, undefined when one can be made. */
  readonly write: (dir: string) => Error | undefined;
  readonly readable: (dir: string) => boolean;
}

const REAL_PROBE: DirectoryProbe = { write: writeProbe, readable: readableDir };

/** Refusals that leave a directory as it is for a reader: no write permission, a read-only mount. */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
/**
 * Probe failures that leave a cache of use, read-only: those, and the machine's (a full disk, no
 * inodes left), since a cache only saves time: it is read, and the runs go on unstored.
 */
const readOnlyFailure = (failure: Error): boolean =>
  READ_ONLY_CODES.has(errorCode(failure) ?? '') || isMachineFailure(failure);

/**
 * Why no file can be made in `dir`, in words (`permission denied`, `read-only file system`, `no
 * space left on device`), when it is a directory that exists and can be read, so a cache there is
 * read-only (readOnlyFailure); else undefined (writable, missing, not a directory, unreadable, or
 * the place at fault, e.g. a name too long: each left to checkWritable).
 */
export function readOnlyReason(dir: string, probe: DirectoryProbe = REAL_PROBE): string | undefined {
  if (statOf(dir)?.isDirectory() !== true) return undefined;
  const failure = probe.write(dir);
  return failure !== undefined && readOnlyFailure(failure) && probe.readable(dir)
    ? writeFailure(failure)
    : undefined;
}

/**
 * The refusal of a probe that failed: exit code 1 with the reason when the machine is at fault (a
 * disk full or out of inodes: nothing the user gave is wrong), else `refusal` (exit code 2), with
 * the reason when it is one of READ_ONLY_CODES (`permission denied`, `read-only file system`):
 * others, such as ENOENT from /proc, would mislead.
 */
function probeFailed(failure: Error, flag: string, path: string, dir: string, refusal: string): Error {
  const reason = writeFailure(failure);
  if (isMachineFailure(failure))
    return new OutputError(`${flag} ${path}: cannot write in ${dir} (${reason})`);
  const why = READ_ONLY_CODES.has(errorCode(failure) ?? '') ? ` (${reason})` : '';
  return new InputError(`${flag} ${path}: ${refusal}${why}`);
}

/** Whether a fifo or device may be opened for writing (not opened: a fifo would wait for a reader). */
function writableInPlace(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function isOpen(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws an InputError naming `flag` when `path` cannot be written as a `kind` (a file written
 * atomically beside itself, or a directory files go into): a directory where a file should be,
 * a file where a directory should be, or a folder this process may not write in; an OutputError
 * (exit code 1) when the machine is at fault (a full disk, no inodes left). A 'cache
 * directory' is a directory that may also be read-only (readOnlyReason): its files can still be
 * read back. `probe` is for tests.
 */
export function checkWritable(
  flag: string,
  path: string,
  kind: 'file' | 'directory' | 'cache directory',
  probe: DirectoryProbe = REAL_PROBE,
): void {
  // '' resolves to the working directory: `--svg ''` would drop its charts there unasked.
  if (path === '')
    throw new InputError(
      `${flag}: an output path is empty; expected a ${kind === 'file' ? 'file' : 'folder'} name`,
    );
  let target = resolve(path);
  if (kind === 'file') {
    const output = outputTarget(path);
    if (output.kind === 'descriptor') {
      if (!isOpen(output.fd)) throw new InputError(`${flag} ${path}: descriptor ${output.fd} is not open`);
      return;
    }
    if (output.kind === 'stream') {
      if (!writableInPlace(path))
        throw new InputError(`${flag} ${path}: cannot write to it (permission denied)`);
      return;
    }
    target = output.path;
  }
  const stats = statOf(target);
  if (stats !== undefined) {
    if (kind === 'file' && stats.isDirectory()) throw new InputError(`${flag} ${path}: is a directory`);
    if (kind !== 'file' && !stats.isDirectory())
      throw new InputError(`${flag} ${path}: is a file, not a directory`);
    const dir = kind === 'file' ? dirname(target) : target;
    const failure = probe.write(dir);
    if (failure === undefined) return;
    if (kind !== 'cache directory' || !readOnlyFailure(failure))
      throw probeFailed(failure, flag, path, dir, `cannot write in ${dir}`);
    // A read-only directory is of use only if its files can be read.
    if (!probe.readable(dir)) throw new InputError(`${flag} ${path}: cannot read or write in ${dir}`);
    return;
  }
  let existing = dirname(target);
  let found = statOf(existing);
  while (found === undefined && dirname(existing) !== existing) {
    existing = dirname(existing);
    found = statOf(existing);
  }
  if (found === undefined || !found.isDirectory())
    throw new InputError(`${flag} ${path}: ${existing} is a file, not a directory`);
  const failure = probe.write(existing);
  if (failure !== undefined)
    throw probeFailed(failure, flag, path, existing, `cannot create it in ${existing}`);
}
