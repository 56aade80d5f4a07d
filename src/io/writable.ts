// Checks, before any work, that an output can be written where the user asked, so a long
// comparison does not end with nothing saved (or with one output written and the next refused).
// Nothing is left behind: the nearest part of the path that exists decides, and an empty probe
// file is made and removed there. A file output is judged where writeAtomic will write it
// (output-target.ts): beside the file a symlink names, or in place for a fifo or device.
import { accessSync, constants, fstatSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { outputTarget } from './output-target.js';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether a file can be made in `dir`: tried, since permissions alone miss read-only mounts. */
function writableDir(dir: string): boolean {
  const probe = join(dir, `.orchlab-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
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
 * a file where a directory should be, or a folder this process may not write in.
 */
export function checkWritable(flag: string, path: string, kind: 'file' | 'directory'): void {
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
    if (kind === 'directory' && !stats.isDirectory())
      throw new InputError(`${flag} ${path}: is a file, not a directory`);
    const dir = kind === 'file' ? dirname(target) : target;
    if (!writableDir(dir)) throw new InputError(`${flag} ${path}: cannot write in ${dir}`);
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
  if (!writableDir(existing)) throw new InputError(`${flag} ${path}: cannot create it in ${existing}`);
}
