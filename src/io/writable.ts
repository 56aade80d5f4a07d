// Checks, before any work, that an output can be written where the user asked, so a long
// comparison does not end with nothing saved (or with one output written and the next refused).
// Nothing is left behind: the nearest part of the path that exists decides, and an empty probe
// file is made and removed there.
import { rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

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

/**
 * Throws an InputError naming `flag` when `path` cannot be written as a `kind` (a file written
 * atomically beside itself, or a directory files go into): a directory where a file should be,
 * a file where a directory should be, or a folder this process may not write in.
 */
export function checkWritable(flag: string, path: string, kind: 'file' | 'directory'): void {
  const target = resolve(path);
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
